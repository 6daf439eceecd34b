package dev.depot.jms.jndi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.depot.jms.DepotConnectionFactory;
import dev.depot.store.testing.TestDatabase;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.Queue;
import jakarta.jms.QueueConnectionFactory;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import jakarta.jms.TopicConnectionFactory;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Hashtable;
import javax.naming.ConfigurationException;
import javax.naming.Context;
import javax.naming.InitialContext;
import javax.naming.NameNotFoundException;
import javax.naming.NamingException;
import javax.naming.OperationNotSupportedException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class JndiTest {

    private final String schema = TestDatabase.newSchema();

    @AfterEach
    void dropSchema() {
        TestDatabase.dropSchema(schema);
    }

    private Hashtable<String, String> environment() {
        Hashtable<String, String> env = new Hashtable<>();
        env.put(Context.INITIAL_CONTEXT_FACTORY, DepotInitialContextFactory.class.getName());
        env.put("connectionFactory.ConnectionFactory", TestDatabase.url());
        env.put("connectionFactory.ConnectionFactory.schema", schema);
        env.put("connectionFactory.ConnectionFactory.prefetch", "5");
        env.put("connectionFactory.ConnectionFactory.clientID", "jndi-client");
        env.put("queue.jms/orders", "orders");
        env.put("topic.prices", "prices");
        return env;
    }

    @Test
    void namesFromTheEnvironmentLeadToAWorkingFactoryAndDestinations() throws Exception {
        Context context = new InitialContext(environment());
        Object bound = context.lookup("ConnectionFactory");
        assertThat(bound).isInstanceOf(ConnectionFactory.class).isInstanceOf(QueueConnectionFactory.class)
                .isInstanceOf(TopicConnectionFactory.class);
        DepotConnectionFactory factory = (DepotConnectionFactory) bound;
        assertThat(factory.getPrefetch()).isEqualTo(5);
        assertThat(((Queue) context.lookup("jms/orders")).getQueueName()).isEqualTo("orders");
        assertThat(((Topic) context.lookup("prices")).getTopicName()).isEqualTo("prices");

        try (factory; Connection connection = factory.createConnection()) {
            assertThat(connection.getClientID()).isEqualTo("jndi-client");
            connection.start();
            Session session = connection.createSession();
            Queue orders = (Queue) context.lookup("jms/orders");
            session.createProducer(orders).send(session.createTextMessage("via JNDI"));
            assertThat(((TextMessage) session.createConsumer(orders).receive(5_000)).getText()).isEqualTo("via JNDI");
        }
        context.close();
    }

    @Test
    void jndiPropertiesOnTheClassPathConfigureTheContext() throws Exception {
        Path dir = Files.createTempDirectory("depot-jndi");
        Files.writeString(dir.resolve("jndi.properties"), String.join("\n",
                "java.naming.factory.initial = " + DepotInitialContextFactory.class.getName(),
                "connectionFactory.cf = " + TestDatabase.url(),
                "connectionFactory.cf.schema = " + schema,
                "queue.q = from.properties"));
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, previous)) {
            Thread.currentThread().setContextClassLoader(loader);
            Context context = new InitialContext();
            assertThat(((Queue) context.lookup("q")).getQueueName()).isEqualTo("from.properties");
            assertThat(((DepotConnectionFactory) context.lookup("cf")).getSchema()).isEqualTo(schema);
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    @Test
    void anUnboundNameIsNotFoundAndTheContextIsReadOnly() throws Exception {
        Context context = new InitialContext(environment());
        assertThatThrownBy(() -> context.lookup("missing")).isInstanceOf(NameNotFoundException.class)
                .hasMessageContaining("missing").hasMessageContaining("ConnectionFactory");
        assertThatThrownBy(() -> context.bind("x", "y")).isInstanceOf(OperationNotSupportedException.class);
    }

    @Test
    void malformedEntriesAreRefusedNamingTheKey() throws IOException {
        assertMalformed("connectionFactory.cf.prefetch", "lots", "connectionFactory.cf.prefetch");
        assertMalformed("connectionFactory.cf.colour", "blue", "Unknown option 'colour'");
        assertMalformed("connectionFactory.other", "not-a-url", "connectionFactory.other");
        assertMalformed("queue.", "q", "no name");
        assertMalformed("topic.t", "", "names no destination");
    }

    private void assertMalformed(String key, String value, String message) {
        Hashtable<String, String> env = new Hashtable<>();
        env.put(Context.INITIAL_CONTEXT_FACTORY, DepotInitialContextFactory.class.getName());
        env.put("connectionFactory.cf", TestDatabase.url());
        env.put(key, value);
        assertThatThrownBy(() -> new InitialContext(env)).isInstanceOf(ConfigurationException.class)
                .isInstanceOf(NamingException.class).hasMessageContaining(message);
    }
}
