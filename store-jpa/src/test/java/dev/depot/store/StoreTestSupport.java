package dev.depot.store;

import dev.depot.store.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** Gives each test a store of its own in a fresh schema, and helpers to run work in transactions. */
abstract class StoreTestSupport {

    protected String schema;
    protected DepotStore store;
    private final List<DepotStore> extraStores = new ArrayList<>();

    @BeforeEach
    void startStore() {
        schema = TestDatabase.newSchema();
        store = DepotStore.start(config(), TestDatabase.connections());
    }

    @AfterEach
    void stopStore() {
        extraStores.forEach(DepotStore::close);
        store.close();
        TestDatabase.dropSchema(schema);
    }

    protected StoreConfig config() {
        return StoreConfig.defaults().withSchema(schema)
                .withLiveness(Duration.ofMillis(200), Duration.ofSeconds(1));
    }

    /** A second store on the same schema: what another JVM would have. */
    protected DepotStore anotherNode() {
        DepotStore other = DepotStore.start(config(), TestDatabase.connections());
        extraStores.add(other);
        return other;
    }

    interface Work<T> {
        T run(Connection c) throws Exception;
    }

    /** Runs work in one committed transaction. */
    protected static <T> T tx(Work<T> work) {
        try (Connection c = TestDatabase.connect()) {
            c.setAutoCommit(false);
            T result = work.run(c);
            c.commit();
            return result;
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    protected static long count(String sql) {
        try (Connection c = TestDatabase.connect(); var rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    protected static List<StoredDelivery> claimed(DepotStore on, long queueId, int max, long now) {
        return tx(c -> on.deliveries().claim(c, queueId, max, now));
    }

    protected static List<StoredDelivery> browsed(DepotStore on, long queueId, DeliveryKey after, int max, long now) {
        return tx(c -> on.deliveries().browse(c, queueId, after, max, now));
    }

    protected java.util.Optional<QueueInfo> found(String name) {
        return tx(c -> store.queues().find(c, name));
    }

    protected long depth(long queueId) {
        return tx(c -> store.deliveries().depth(c, queueId));
    }

    private static final java.util.concurrent.atomic.AtomicLong IDS = new java.util.concurrent.atomic.AtomicLong(1_000_000_000L);

    /** A fresh message id from the test's own range, increasing like the store's. */
    protected static long nextId() {
        return IDS.incrementAndGet();
    }

    protected OutgoingMessage message(long queueId, int priority, String text) {
        return new OutgoingMessage(nextId(), queueId, priority, 0, 0, ("h:" + text).getBytes(), text.getBytes());
    }

    protected long now() {
        return System.currentTimeMillis();
    }
}
