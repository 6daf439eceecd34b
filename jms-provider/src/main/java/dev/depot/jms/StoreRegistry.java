package dev.depot.jms;

import dev.depot.store.ConnectionSource;
import dev.depot.store.DepotStore;
import dev.depot.store.StoreConfig;
import java.util.HashMap;
import java.util.Map;

/**
 * One store per database schema and JVM, however many connection factories point at it: one node
 * row, one listening connection, one set of wake-ups. Factories lease it; the last lease closes it,
 * and a shutdown hook closes what is still open when the JVM exits, so its claims go back at once.
 */
final class StoreRegistry {

    private static final Map<Object, Shared> STORES = new HashMap<>();
    private static boolean hookInstalled;

    private StoreRegistry() {
    }

    /** Identifies a store reached through an application's DataSource: the same object, the same store settings. */
    record IdentityKey(Object dataSource, String storeConfig) {
        @Override
        public boolean equals(Object o) {
            return o instanceof IdentityKey k && k.dataSource == dataSource && k.storeConfig.equals(storeConfig);
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(dataSource) * 31 + storeConfig.hashCode();
        }
    }

    private static final class Shared {
        final DepotStore store;
        int leases;

        Shared(DepotStore store) {
            this.store = store;
        }
    }

    /** A factory's hold on a store. */
    static final class Lease implements AutoCloseable {
        private final Object key;
        private final DepotStore store;
        private boolean closed;

        private Lease(Object key, DepotStore store) {
            this.key = key;
            this.store = store;
        }

        DepotStore store() {
            return store;
        }

        @Override
        public void close() {
            synchronized (StoreRegistry.class) {
                if (closed) {
                    return;
                }
                closed = true;
                Shared shared = STORES.get(key);
                if (shared != null && --shared.leases == 0) {
                    STORES.remove(key);
                    shared.store.close();
                }
            }
        }
    }

    static synchronized Lease acquire(Object key, StoreConfig config, ConnectionSource connections) {
        Shared shared = STORES.get(key);
        if (shared == null) {
            shared = new Shared(DepotStore.start(config, connections));
            STORES.put(key, shared);
            installHook();
        }
        shared.leases++;
        return new Lease(key, shared.store);
    }

    private static void installHook() {
        if (!hookInstalled) {
            hookInstalled = true;
            Runtime.getRuntime().addShutdownHook(new Thread(StoreRegistry::closeAll, "depot-shutdown"));
        }
    }

    private static synchronized void closeAll() {
        STORES.values().forEach(shared -> shared.store.close());
        STORES.clear();
    }
}
