package dev.depot.jms;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.depot.store.ConnectionSource;
import dev.depot.store.DepotStore;
import dev.depot.store.QueueInfo;
import dev.depot.store.StoreException;
import dev.depot.store.TopicInfo;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * What a started connection factory runs on: its settings, its connection pool, the shared
 * store of its database schema, and the group committer that writes the sends and
 * acknowledgements of its non-transacted sessions.
 */
final class Engine implements AutoCloseable {

    private static final AtomicInteger POOLS = new AtomicInteger();

    final DepotSettings settings;
    final DepotStore store;
    final GroupCommitter writer;
    private final DataSource pool;
    private final HikariDataSource ownedPool;
    private final StoreRegistry.Lease lease;
    private final DataSource userDataSource;
    private boolean preparedTransactionsChecked;

    private Engine(DepotSettings settings, DataSource pool, HikariDataSource ownedPool, StoreRegistry.Lease lease,
                   DataSource userDataSource) {
        this.settings = settings;
        this.userDataSource = userDataSource;
        this.pool = pool;
        this.ownedPool = ownedPool;
        this.lease = lease;
        this.store = lease.store();
        this.writer = new GroupCommitter(this);
    }

    static Engine start(DepotSettings settings, DataSource userDataSource) throws JMSException {
        HikariDataSource owned = null;
        DataSource pool = userDataSource;
        ConnectionSource listener;
        Object storeKey;
        if (userDataSource == null) {
            owned = newPool(settings);
            pool = owned;
            Properties credentials = credentials(settings);
            listener = () -> DriverManager.getConnection(settings.url, credentials);
            // Factories share a store only when they agree on all of its settings.
            storeKey = settings.url + '\u0000' + settings.user + '\u0000' + settings.storeConfig();
        } else {
            listener = userDataSource::getConnection;
            storeKey = new StoreRegistry.IdentityKey(userDataSource, settings.storeConfig().toString());
        }
        try {
            StoreRegistry.Lease lease = StoreRegistry.acquire(storeKey, settings.storeConfig(), listener);
            return new Engine(settings, pool, owned, lease, userDataSource);
        } catch (StoreException e) {
            if (owned != null) {
                owned.close();
            }
            throw JmsExceptions.fromStore(e, "start Depot on " + describe(settings));
        } catch (RuntimeException e) {
            if (owned != null) {
                owned.close();
            }
            throw e;
        }
    }

    private static String describe(DepotSettings settings) {
        return settings.url == null ? "the given DataSource" : settings.url;
    }

    private static Properties credentials(DepotSettings settings) {
        Properties properties = new Properties();
        if (settings.user != null) {
            properties.setProperty("user", settings.user);
        }
        if (settings.password != null) {
            properties.setProperty("password", settings.password);
        }
        return properties;
    }

    /**
     * How Depot's own sessions plan. Queue tables hold few live rows among many dead ones between
     * vacuums, so statistics taken when a table was nearly empty make sequential and bitmap scans
     * look cheaper than the index walks Depot's statements are written for; they are not: they
     * read every dead row (and a bitmap scan never marks dead index entries). Every statement
     * Depot runs on these connections has an index or a row address to go by. And once a table
     * has statistics, a statement whose arrays hold one element looks so much cheaper planned for
     * its values that PostgreSQL plans the group-commit statement anew on every execution, which
     * costs more than running it: a generic plan, made once per connection, is kept instead.
     */
    static final String SESSION_SETTINGS = "SELECT set_config('enable_seqscan', 'off', false), "
            + "set_config('enable_bitmapscan', 'off', false), "
            + "set_config('plan_cache_mode', 'force_generic_plan', false)";

    private static HikariDataSource newPool(DepotSettings settings) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("depot-" + settings.schema + "-" + POOLS.incrementAndGet());
        config.setJdbcUrl(settings.url);
        config.setUsername(settings.user);
        config.setPassword(settings.password);
        config.setMaximumPoolSize(settings.maxPoolSize);
        // Connections are scarce in PostgreSQL: an idle factory gives them all back.
        config.setMinimumIdle(0);
        config.setIdleTimeout(60_000);
        config.setConnectionTimeout(settings.connectTimeoutMillis);
        config.setValidationTimeout(Math.min(settings.connectTimeoutMillis, 5_000));
        // The pool must be creatable while the database is down; operations then fail and retry.
        config.setInitializationFailTimeout(-1);
        config.setConnectionInitSql(SESSION_SETTINGS);
        return new HikariDataSource(config);
    }

    /** A database connection in autocommit mode; the caller closes it to give it back. */
    Connection borrow() throws JMSException {
        try {
            Connection connection = pool.getConnection();
            if (!connection.getAutoCommit()) {
                connection.setAutoCommit(true);
            }
            return connection;
        } catch (SQLException e) {
            throw JmsExceptions.link(new JMSException("Could not reach the database: " + e.getMessage()), e);
        }
    }

    /** The pool as a connection source for the store, which closes what it opens. */
    ConnectionSource connections() {
        return pool::getConnection;
    }

    interface Work<T> {
        T run(Connection connection) throws JMSException;
    }

    /** Runs store work on a borrowed autocommit connection, converting failures in one place. */
    <T> T autocommit(String what, Work<T> work) throws JMSException {
        try (Connection connection = borrow()) {
            return work.run(connection);
        } catch (StoreException e) {
            throw JmsExceptions.fromStore(e, what);
        } catch (SQLException e) {
            throw JmsExceptions.link(new JMSException("Could not " + what + ": " + e.getMessage()), e);
        }
    }

    /**
     * The store's queue for a destination. A permanent queue is created on first use; a temporary
     * one must still exist, or the destination is invalid.
     */
    QueueInfo queue(DepotDestination destination) throws JMSException {
        if (destination.isTopic()) {
            throw new InvalidDestinationException(destination + " is a topic, not a queue");
        }
        String name = destination.name();
        if (destination.isTemporary()) {
            Optional<QueueInfo> found = autocommit("look up " + destination, c -> store.queues().find(c, name));
            return found.orElseThrow(() -> new InvalidDestinationException(
                    "Temporary queue " + name + " no longer exists: its connection has closed or deleted it"));
        }
        Optional<QueueInfo> known = known(() -> store.queues().cached(name));
        return known.isPresent() ? known.get()
                : autocommit("look up " + destination, c -> store.queues().ensure(c, name));
    }

    /**
     * The store's topic for a destination: created on first use, or, for a temporary one, still existing.
     */
    TopicInfo topic(DepotDestination destination) throws JMSException {
        if (!destination.isTopic()) {
            throw new InvalidDestinationException(destination + " is a queue, not a topic");
        }
        String name = destination.name();
        if (destination.isTemporary()) {
            Optional<TopicInfo> found = autocommit("look up " + destination, c -> store.topics().find(c, name));
            return found.orElseThrow(() -> new InvalidDestinationException(
                    "Temporary topic " + name + " no longer exists: its connection has closed or deleted it"));
        }
        Optional<TopicInfo> known = known(() -> store.topics().cached(name));
        return known.isPresent() ? known.get()
                : autocommit("look up " + destination, c -> store.topics().ensure(c, name));
    }

    /** A destination this JVM already knows, or empty; a bad name fails here, before any round trip. */
    private static <T> Optional<T> known(java.util.function.Supplier<Optional<T>> lookup) throws JMSException {
        try {
            return lookup.get();
        } catch (StoreException e) {
            throw JmsExceptions.invalidDestination(e);
        }
    }

    /** Runs store work in one database transaction on a borrowed connection. */
    <T> T transaction(String what, Work<T> work) throws JMSException {
        try (Connection connection = borrow()) {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (JMSException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (StoreException e) {
            throw JmsExceptions.fromStore(e, what);
        } catch (SQLException e) {
            throw JmsExceptions.link(new JMSException("Could not " + what + ": " + e.getMessage()), e);
        }
    }

    /**
     * Makes sure a queue's dead-letter queue exists, so that releasing a message that used up its
     * deliveries can move it there in the same statement.
     */
    void ensureDeadLetterQueue(QueueInfo queue) throws JMSException {
        String dlq = queue.deadLetterQueue();
        if (dlq != null && !dlq.equals(queue.name())) {
            autocommit("create dead-letter queue " + dlq, c -> store.queues().ensure(c, dlq));
        }
    }

    /**
     * A new physical XA connection, after checking once that the database can prepare transactions.
     */
    javax.sql.XAConnection xaConnection() throws JMSException, SQLException {
        javax.sql.XADataSource xa = xaDataSource();
        synchronized (this) {
            if (!preparedTransactionsChecked) {
                int allowed = autocommit("check max_prepared_transactions", c -> {
                    try (var statement = c.createStatement();
                         var rs = statement.executeQuery("SHOW max_prepared_transactions")) {
                        rs.next();
                        return Integer.parseInt(rs.getString(1));
                    } catch (SQLException e) {
                        throw JmsExceptions.link(new JMSException("Could not read max_prepared_transactions: "
                                + e.getMessage()), e);
                    }
                });
                if (allowed <= 0) {
                    throw new JMSException("XA needs PostgreSQL's prepared transactions, but max_prepared_transactions "
                            + "is " + allowed + " on this server: set it above 0 (for example ALTER SYSTEM SET "
                            + "max_prepared_transactions = 64) and restart PostgreSQL");
                }
                preparedTransactionsChecked = true;
            }
        }
        // A physical connection of Depot's own, even from the application's XADataSource.
        javax.sql.XAConnection connection = xa.getXAConnection();
        try (Connection c = connection.getConnection(); var statement = c.createStatement()) {
            statement.execute(SESSION_SETTINGS);
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        return connection;
    }

    private javax.sql.XADataSource xaDataSource() throws JMSException {
        if (userDataSource != null) {
            if (userDataSource instanceof javax.sql.XADataSource xa) {
                return xa;
            }
            throw new JMSException("XA needs a connection factory made with a JDBC URL or an XADataSource; "
                    + "this one has a plain DataSource");
        }
        org.postgresql.xa.PGXADataSource xa = new org.postgresql.xa.PGXADataSource();
        xa.setURL(settings.url);
        if (settings.user != null) {
            xa.setUser(settings.user);
        }
        if (settings.password != null) {
            xa.setPassword(settings.password);
        }
        return xa;
    }

    /** Checks credentials against the users in the database. */
    boolean authenticate(String user, String password) throws JMSException {
        if (user == null || password == null) {
            return false;
        }
        return autocommit("check the credentials of " + user, c -> store.users().verify(c, user, password));
    }

    long nextMessageId() throws JMSException {
        try {
            return store.allocateMessageIds(connections(), 1)[0];
        } catch (StoreException e) {
            throw JmsExceptions.fromStore(e, "allocate a message id");
        }
    }

    @Override
    public void close() {
        writer.close();
        if (ownedPool != null) {
            ownedPool.close();
        }
        lease.close();
    }
}
