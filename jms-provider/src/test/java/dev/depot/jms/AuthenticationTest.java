package dev.depot.jms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.jms.Connection;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSSecurityException;
import jakarta.jms.JMSSecurityRuntimeException;
import jakarta.jms.Message;
import jakarta.jms.Session;
import org.junit.jupiter.api.Test;

class AuthenticationTest extends JmsTestSupport {

    @Test
    void knownUsersConnectAndWrongOrUnknownOnesAreRefused() throws Exception {
        new DepotAdmin(factory).saveUser("alice", "s3cret");

        try (Connection alice = factory.createConnection("alice", "s3cret")) {
            alice.start();
        }
        assertThatThrownBy(() -> factory.createConnection("alice", "wrong")).isInstanceOf(JMSSecurityException.class)
                .hasMessageContaining("alice");
        assertThatThrownBy(() -> factory.createConnection("mallory", "s3cret")).isInstanceOf(JMSSecurityException.class);
        assertThatThrownBy(() -> factory.createXAConnection("alice", "wrong")).isInstanceOf(JMSSecurityException.class);
        assertThatThrownBy(() -> factory.createContext("alice", "wrong")).isInstanceOf(JMSSecurityRuntimeException.class);
        try (JMSContext context = factory.createContext("alice", "s3cret")) {
            assertThat(context.getMetaData().getJMSProviderName()).isEqualTo("Depot");
        }
    }

    @Test
    void aChangedOrDeletedUserNoLongerConnectsWithTheOldPassword() throws Exception {
        DepotAdmin admin = new DepotAdmin(factory);
        admin.saveUser("bob", "first");
        factory.createConnection("bob", "first").close();
        admin.saveUser("bob", "second");
        assertThatThrownBy(() -> factory.createConnection("bob", "first")).isInstanceOf(JMSSecurityException.class);
        factory.createConnection("bob", "second").close();
        assertThat(admin.deleteUser("bob")).isTrue();
        assertThatThrownBy(() -> factory.createConnection("bob", "second")).isInstanceOf(JMSSecurityException.class);
    }

    @Test
    void aFactoryCanRequireCredentials() throws Exception {
        DepotConnectionFactory strict = newFactory(schema);
        strict.setAllowAnonymous(false);
        try (strict) {
            new DepotAdmin(strict).saveUser("carol", "pw");
            assertThatThrownBy(strict::createConnection).isInstanceOf(JMSSecurityException.class)
                    .hasMessageContaining("requires a user name and password");
            assertThatThrownBy(strict::createContext).isInstanceOf(JMSSecurityRuntimeException.class);
            strict.createConnection("carol", "pw").close();
        }
    }

    @Test
    void jmsxUserIdNamesTheSendingUserWhenAsked() throws Exception {
        DepotConnectionFactory stamping = newFactory(schema);
        stamping.setPopulateJMSXUserID(true);
        stamping.setDefaultUser("anonymous-service");
        try (stamping) {
            new DepotAdmin(stamping).saveUser("dave", "pw");
            try (Connection dave = stamping.createConnection("dave", "pw"); Connection anonymous = stamping.createConnection()) {
                Session s = dave.createSession();
                s.createProducer(s.createQueue("stamped")).send(s.createTextMessage("from dave"));
                Session a = anonymous.createSession();
                a.createProducer(a.createQueue("stamped")).send(a.createTextMessage("from nobody"));
                dave.start();
                var consumer = s.createConsumer(s.createQueue("stamped"));
                Message first = consumer.receive(5_000);
                Message second = consumer.receive(5_000);
                assertThat(first.getStringProperty("JMSXUserID")).isEqualTo("dave");
                assertThat(second.getStringProperty("JMSXUserID")).isEqualTo("anonymous-service");
            }
        }
        assertThat(listOf(connection.getMetaData().getJMSXPropertyNames())).contains("JMSXUserID");
        Session plain = session();
        plain.createProducer(plain.createQueue("unstamped")).send(plain.createTextMessage("x"));
        assertThat(plain.createConsumer(plain.createQueue("unstamped")).receive(5_000).propertyExists("JMSXUserID"))
                .as("off by default").isFalse();
    }
}
