package dev.depot.store;

import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.hibernate.HibernateException;
import org.hibernate.JDBCException;
import org.hibernate.SessionFactory;
import org.hibernate.StatelessSession;
import org.hibernate.jdbc.ReturningWork;
import org.hibernate.jpa.HibernatePersistenceConfiguration;

/**
 * Depot's store in one database schema, as seen from one JVM: the schema migrated, the entities
 * mapped, this JVM registered as a node, and a listener for wake-ups. Create one per schema and
 * JVM with {@link #start}, share it, and {@link #close} it when the JVM is done with Depot.
 *
 * <p>The store holds one database connection of its own (the listener, which also beats the
 * node's heartbeat and does the housekeeping); every operation runs on a connection the caller
 * passes in, inside the caller's transaction.
 */
public final class DepotStore implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(DepotStore.class.getName());

    /** Every table of the schema has its entity; a test validates the mapping against the migrations. */
    static final Class<?>[] ENTITIES = {QueueEntity.class, MessageEntity.class, DeliveryEntity.class,
        NodeEntity.class, ClientEntity.class, TopicEntity.class, SubscriptionEntity.class, ConsumerEntity.class,
        UserEntity.class};

    private final StoreConfig config;
    private final SessionFactory sessionFactory;
    private final String channel;
    private final Wakeups wakeups = new Wakeups();
    private final MessageIds messageIds;
    private final Deliveries deliveries;
    private final Queues queues;
    private final Nodes nodes;
    private final ClientIds clientIds;
    private final Topics topics;
    private final Subscriptions subscriptions;
    private final Users users;
    private final NodeAgent agent;
    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();
    private final java.util.concurrent.atomic.LongAdder statements = new java.util.concurrent.atomic.LongAdder();

    private DepotStore(StoreConfig config, ConnectionSource connections) {
        this.config = config;
        this.channel = "depot_" + config.schema();
        migrate(config, connections);
        this.sessionFactory = buildSessionFactory(config, connections);
        this.messageIds = new MessageIds(this, config.schema());
        this.deliveries = new Deliveries(this, config.schema());
        this.queues = new Queues(this, config.schema());
        this.nodes = new Nodes(this, config.schema());
        this.clientIds = new ClientIds(this, config.schema());
        this.topics = new Topics(this, config.schema());
        this.subscriptions = new Subscriptions(this, config.schema());
        this.users = new Users(this);
        this.agent = new NodeAgent(this, connections);
    }

    /**
     * Migrates the schema to the current version, registers this JVM as a node and starts
     * listening for wake-ups.
     *
     * @throws StoreException when the database cannot be reached or migrated
     */
    public static DepotStore start(StoreConfig config, ConnectionSource connections) {
        DepotStore store = new DepotStore(config, connections);
        try {
            store.agent.start();
        } catch (RuntimeException e) {
            store.sessionFactory.close();
            throw e;
        }
        return store;
    }

    private static void migrate(StoreConfig config, ConnectionSource connections) {
        try {
            Flyway.configure(DepotStore.class.getClassLoader())
                    .dataSource(new SourceDataSource(connections))
                    .schemas(config.schema())
                    .defaultSchema(config.schema())
                    .table("depot_schema_history")
                    .locations("classpath:db/depot")
                    .placeholders(Map.of("schema", '"' + config.schema() + '"'))
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            throw new StoreException(StoreException.Kind.DATABASE,
                    "Could not prepare schema '" + config.schema() + "': " + e.getMessage(), e);
        }
    }

    private static SessionFactory buildSessionFactory(StoreConfig config, ConnectionSource connections) {
        // Built in code rather than from persistence.xml: inside an application server the
        // container must not find and deploy Depot's entities as its own persistence unit.
        return new HibernatePersistenceConfiguration("depot")
                .managedClasses(ENTITIES)
                .property("jakarta.persistence.nonJtaDataSource", new SourceDataSource(connections))
                // The dialect is chosen from these, without a connection at boot.
                .property("hibernate.boot.allow_jdbc_metadata_access", "false")
                .property("jakarta.persistence.database-product-name", "PostgreSQL")
                .property("jakarta.persistence.database-major-version", "15")
                .property("hibernate.default_schema", config.schema())
                .property("hibernate.jdbc.batch_size", "100")
                .createEntityManagerFactory();
    }

    public StoreConfig config() {
        return config;
    }

    /** This JVM's node id: the owner recorded on every delivery it claims. */
    public long nodeId() {
        return agent.nodeId();
    }

    public Deliveries deliveries() {
        return deliveries;
    }

    public Queues queues() {
        return queues;
    }

    public Topics topics() {
        return topics;
    }

    public Subscriptions subscriptions() {
        return subscriptions;
    }

    public Users users() {
        return users;
    }

    public ClientIds clientIds() {
        return clientIds;
    }

    public Wakeups wakeups() {
        return wakeups;
    }

    /**
     * Hands out {@code count} fresh message ids, increasing within this JVM. Usually from memory;
     * once every hundred ids it opens a connection from {@code connections} for the next block.
     */
    public long[] allocateMessageIds(ConnectionSource connections, int count) {
        return messageIds.next(connections, count);
    }

    Nodes nodes() {
        return nodes;
    }

    /** The {@code NOTIFY} channel of this schema; the payload is a queue id. */
    String channel() {
        return channel;
    }

    /** The Hibernate session factory mapping Depot's schema, for modules that read it with JPA. */
    public SessionFactory sessionFactory() {
        return sessionFactory;
    }

    /**
     * Runs JDBC work inside a stateless session bound to the caller's connection. The caller's
     * transaction stays the caller's: the session neither begins nor commits anything.
     */
    <T> T work(Connection connection, String what, ReturningWork<T> work) {
        statements.increment();
        try (StatelessSession session = openSession(connection)) {
            return session.doReturningWork(work);
        } catch (JDBCException e) {
            throw failure(what, e.getSQLException());
        } catch (HibernateException e) {
            throw new StoreException(StoreException.Kind.DATABASE, "Could not " + what + ": " + e.getMessage(), e);
        }
    }

    /**
     * How many store operations this JVM has run on this schema. Each is one statement, so one
     * round trip to the database: what benchmarks and tests count to show batching works.
     */
    public long statementCount() {
        return statements.sum();
    }

    /** A stateless session on the caller's connection, for entity work in the caller's transaction. */
    public StatelessSession openSession(Connection connection) {
        return sessionFactory.withStatelessOptions().connection(connection).openStatelessSession();
    }

    StoreException failure(String what, SQLException e) {
        return new StoreException(StoreException.Kind.DATABASE,
                "Could not " + what + ": " + e.getMessage() + " (SQL state " + e.getSQLState() + ")", e);
    }

    /** Stops the listener, releases this node's claims and deregisters it. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            agent.close();
        } finally {
            sessionFactory.close();
        }
        LOG.log(Level.DEBUG, "Depot store for schema {0} closed", config.schema());
    }
}
