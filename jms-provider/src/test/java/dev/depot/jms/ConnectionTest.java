package dev.depot.jms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionMetaData;
import jakarta.jms.IllegalStateException;
import jakarta.jms.InvalidClientIDException;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ConnectionTest extends JmsTestSupport {

    @Test
    void aClientIdIsSetOnceBeforeUseAndHeldByOneConnectionAtATime() throws Exception {
        Connection first = factory.createConnection();
        first.setClientID("app-1");
        assertThat(first.getClientID()).isEqualTo("app-1");
        assertThatThrownBy(() -> first.setClientID("again")).isInstanceOf(IllegalStateException.class);

        Connection second = factory.createConnection();
        assertThatThrownBy(() -> second.setClientID("app-1")).isInstanceOf(InvalidClientIDException.class)
                .hasMessageContaining("already in use");
        first.close();
        second.setClientID("app-1");
        assertThat(second.getClientID()).isEqualTo("app-1");
        second.close();

        Connection used = factory.createConnection();
        used.createSession();
        assertThatThrownBy(() -> used.setClientID("late")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> used.setClientID(null)).isInstanceOf(IllegalStateException.class);
        used.close();
        Connection fresh = factory.createConnection();
        assertThatThrownBy(() -> fresh.setClientID("")).isInstanceOf(InvalidClientIDException.class);
        fresh.close();
    }

    @Test
    void theMetaDataNamesTheProviderAndItsJmsxProperties() throws Exception {
        ConnectionMetaData meta = connection.getMetaData();
        assertThat(meta.getJMSVersion()).isEqualTo("3.1");
        assertThat(meta.getJMSMajorVersion()).isEqualTo(3);
        assertThat(meta.getJMSMinorVersion()).isEqualTo(1);
        assertThat(meta.getJMSProviderName()).isEqualTo("Depot");
        assertThat(listOf(meta.getJMSXPropertyNames()))
                .contains("JMSXDeliveryCount", "JMSXGroupID", "JMSXGroupSeq");
    }

    @Test
    void closedObjectsRefuseWorkAndClosingTwiceIsHarmless() throws Exception {
        Connection c = factory.createConnection();
        Session session = c.createSession();
        Queue queue = session.createQueue("q");
        MessageProducer producer = session.createProducer(queue);
        MessageConsumer consumer = session.createConsumer(queue);
        Message message = session.createMessage();
        c.close();
        c.close();

        assertThatThrownBy(c::start).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(c::createSession).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(session::createMessage).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> producer.send(message)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(consumer::receiveNoWait).isInstanceOf(IllegalStateException.class);
        session.close();
        producer.close();
        consumer.close();
    }

    @Test
    void closingFromAnotherThreadEndsABlockedReceive() throws Exception {
        Connection c = factory.createConnection();
        c.start();
        MessageConsumer consumer = c.createSession().createConsumer(session().createQueue("never"));
        CompletableFuture<Message> receiving = CompletableFuture.supplyAsync(() -> {
            try {
                return consumer.receive();
            } catch (JMSException e) {
                throw new java.lang.IllegalStateException(e);
            }
        });
        Thread.sleep(300);
        assertThat(receiving).isNotDone();

        c.close();

        assertThat(receiving.get(5, TimeUnit.SECONDS)).isNull();
    }

    @Test
    void closingAConsumerFromAnotherThreadEndsItsBlockedReceive() throws Exception {
        MessageConsumer consumer = session().createConsumer(session().createQueue("never"));
        CompletableFuture<Message> receiving = CompletableFuture.supplyAsync(() -> {
            try {
                return consumer.receive();
            } catch (JMSException e) {
                throw new java.lang.IllegalStateException(e);
            }
        });
        Thread.sleep(300);
        consumer.close();
        assertThat(receiving.get(5, TimeUnit.SECONDS)).isNull();
    }

    @Test
    void anExceptionListenerCanBeSetAndRead() throws Exception {
        jakarta.jms.ExceptionListener listener = e -> { };
        connection.setExceptionListener(listener);
        assertThat(connection.getExceptionListener()).isSameAs(listener);
    }

    @Test
    void aFactoryWithoutADatabaseOrWithBadSettingsSaysWhichSetting() {
        assertThatThrownBy(() -> new DepotConnectionFactory().createConnection())
                .isInstanceOf(JMSException.class).hasMessageContaining("url");
        DepotConnectionFactory wrongUrl = new DepotConnectionFactory("jdbc:mysql://localhost/x");
        assertThatThrownBy(wrongUrl::createConnection).hasMessageContaining("not a PostgreSQL JDBC URL");
        DepotConnectionFactory badPrefetch = newFactory("t_unused");
        badPrefetch.setPrefetch(0);
        assertThatThrownBy(badPrefetch::createConnection)
                .hasMessageContaining("prefetch is 0; it must be between 1 and 10000");
        DepotConnectionFactory badSchema = newFactory("Bad-Schema");
        assertThatThrownBy(badSchema::createConnection).hasMessageContaining("schema 'Bad-Schema'");
    }

    @Test
    void aStartedFactoryRefusesNewSettings() {
        assertThatThrownBy(() -> factory.setPrefetch(5)).isInstanceOf(java.lang.IllegalStateException.class);
    }

    @Test
    void aFactoryOnTheApplicationsOwnDataSourceSendsAndReceives() throws Exception {
        org.postgresql.ds.PGSimpleDataSource dataSource = new org.postgresql.ds.PGSimpleDataSource();
        dataSource.setURL(dev.depot.store.testing.TestDatabase.url());
        try (DepotConnectionFactory onDataSource = new DepotConnectionFactory(dataSource)) {
            onDataSource.setSchema(schema);
            try (Connection c = onDataSource.createConnection()) {
                c.start();
                Session session = c.createSession();
                Queue queue = session.createQueue("via-datasource");
                session.createProducer(queue).send(session.createTextMessage("hello"));
                assertThat(text(session.createConsumer(queue).receive(5_000))).isEqualTo("hello");
            }
        }
    }
}
