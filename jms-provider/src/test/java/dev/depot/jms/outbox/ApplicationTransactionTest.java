package dev.depot.jms.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.depot.jms.DepotConnectionFactory;
import dev.depot.store.testing.TestDatabase;
import jakarta.jms.Connection;
import jakarta.jms.IllegalStateException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.persistence.EntityManager;
import org.hibernate.SessionFactory;
import org.hibernate.jpa.HibernatePersistenceConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A Java SE application with a Hibernate entity and a message in one local transaction: the
 * transactional outbox (and inbox) without an outbox table.
 */
class ApplicationTransactionTest {

    private String schema;
    private DepotConnectionFactory factory;
    private Connection observer;
    private SessionFactory application;

    @BeforeEach
    void start() throws Exception {
        schema = TestDatabase.newSchema();
        factory = new DepotConnectionFactory(TestDatabase.url());
        factory.setSchema(schema);
        observer = factory.createConnection();
        observer.start();
        application = new HibernatePersistenceConfiguration("application")
                .managedClass(OrderRecord.class)
                .jdbcUrl(TestDatabase.url())
                .property("hibernate.default_schema", schema)
                .property("hibernate.hbm2ddl.auto", "create")
                .createEntityManagerFactory();
    }

    @AfterEach
    void stop() throws Exception {
        application.close();
        observer.close();
        factory.close();
        TestDatabase.dropSchema(schema);
    }

    /** The JDBC connection of the entity manager's current transaction. */
    private static java.sql.Connection connectionOf(EntityManager em) {
        return em.unwrap(org.hibernate.Session.class).doReturningWork(c -> c);
    }

    private String observe(String queue, long timeout) throws Exception {
        try (Session s = observer.createSession()) {
            Message m = s.createConsumer(s.createQueue(queue)).receive(timeout);
            return m == null ? null : ((TextMessage) m).getText();
        }
    }

    private long orders() {
        try (EntityManager em = application.createEntityManager()) {
            return em.createQuery("select count(o) from OrderRecord o", Long.class).getSingleResult();
        }
    }

    @Test
    void theOrderAndItsEventCommitTogetherAndTheEventIsSeenOnlyAfterTheCommit() throws Exception {
        try (EntityManager em = application.createEntityManager()) {
            em.getTransaction().begin();
            em.persist(new OrderRecord(1, "book"));
            Session session = factory.createSession(connectionOf(em));
            session.createProducer(session.createQueue("order-events")).send(session.createTextMessage("order 1 placed"));
            em.flush();

            assertThat(observe("order-events", 300)).as("not before the application commits").isNull();
            em.getTransaction().commit();
            session.close();
        }
        assertThat(orders()).isEqualTo(1);
        assertThat(observe("order-events", 5_000)).isEqualTo("order 1 placed");
    }

    @Test
    void theOrderAndItsEventRollBackTogether() throws Exception {
        try (EntityManager em = application.createEntityManager()) {
            em.getTransaction().begin();
            em.persist(new OrderRecord(2, "pen"));
            Session session = factory.createSession(connectionOf(em));
            session.createProducer(session.createQueue("order-events")).send(session.createTextMessage("order 2 placed"));
            em.flush();
            em.getTransaction().rollback();
            session.close();
        }
        assertThat(orders()).isZero();
        assertThat(observe("order-events", 500)).isNull();
    }

    @Test
    void aMessageReceivedInTheApplicationsTransactionIsConsumedOnlyIfItCommits() throws Exception {
        try (Session s = observer.createSession()) {
            s.createProducer(s.createQueue("commands")).send(s.createTextMessage("create order 3"));
        }
        try (EntityManager em = application.createEntityManager()) {
            em.getTransaction().begin();
            Session session = factory.createSession(connectionOf(em));
            MessageConsumer consumer = session.createConsumer(session.createQueue("commands"));
            assertThat(((TextMessage) consumer.receive(5_000)).getText()).isEqualTo("create order 3");
            em.persist(new OrderRecord(3, "lamp"));
            em.flush();
            em.getTransaction().rollback();
            session.close();
        }
        assertThat(orders()).isZero();

        try (EntityManager em = application.createEntityManager()) {
            em.getTransaction().begin();
            Session session = factory.createSession(connectionOf(em));
            MessageConsumer consumer = session.createConsumer(session.createQueue("commands"));
            assertThat(((TextMessage) consumer.receive(5_000)).getText()).as("back after the rollback")
                    .isEqualTo("create order 3");
            em.persist(new OrderRecord(3, "lamp"));
            em.getTransaction().commit();
            session.close();
        }
        assertThat(orders()).isEqualTo(1);
        assertThat(observe("commands", 500)).as("consumed with the commit").isNull();
    }

    @Test
    void anAutoCommitConnectionAndListenersAreRefused() throws Exception {
        try (java.sql.Connection jdbc = TestDatabase.connect()) {
            assertThatThrownBy(() -> factory.createSession(jdbc)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("auto-commit");
            jdbc.setAutoCommit(false);
            Session session = factory.createSession(jdbc);
            MessageConsumer consumer = session.createConsumer(session.createQueue("q"));
            assertThatThrownBy(() -> consumer.setMessageListener(m -> { })).isInstanceOf(IllegalStateException.class);
            session.close();
        }
    }
}
