package dev.depot.store;

import java.lang.System.Logger.Level;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * The one thread and the one connection a JVM spends on a store. It listens for wake-ups and hands
 * them to {@link Wakeups}; between notifications it beats the node's heartbeat, removes dead nodes,
 * deletes expired messages and vacuums Depot's hot tables when dead rows pile up (the operator's
 * autovacuum may be off or slow). When the database goes away it reconnects, and then wakes every
 * waiter, since notifications sent meanwhile are lost.
 */
final class NodeAgent implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(NodeAgent.class.getName());

    /** Dead rows in a hot table past which it is vacuumed: claims slow down over dead index entries. */
    private static final long VACUUM_DEAD_ROWS = 20_000;
    /**
     * How often the dead rows are counted. Acknowledged deliveries leave their dead index entries at
     * the head of the queue, where every claim walks over them; at tens of thousands of messages a
     * second a check every 10 s let hundreds of thousands pile up there, a third of the database's time.
     */
    private static final long VACUUM_CHECK_MILLIS = 1_000;

    private final DepotStore store;
    private final ConnectionSource source;
    private final String name;
    private final Thread thread;
    private volatile boolean closed;
    private volatile long nodeId;
    private volatile Connection connection;
    private long nextHousekeeping;
    private long nextVacuumCheck;
    private long nextOrphanSweep;

    NodeAgent(DepotStore store, ConnectionSource source) {
        this.store = store;
        this.source = source;
        this.name = nodeName();
        this.thread = new Thread(this::run, "depot-node-" + store.config().schema());
        this.thread.setDaemon(true);
    }

    private static String nodeName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            host = "unknown-host";
        }
        return host + "/" + ManagementFactory.getRuntimeMXBean().getPid();
    }

    long nodeId() {
        return nodeId;
    }

    void start() {
        try {
            connect();
        } catch (SQLException e) {
            throw store.failure("connect the listener of schema " + store.config().schema(), e);
        }
        thread.start();
    }

    private void connect() throws SQLException {
        Connection c = source.open();
        try {
            c.setAutoCommit(true);
            if (nodeId == 0 || !store.nodes().heartbeat(c, nodeId)) {
                boolean again = nodeId != 0;
                if (again) {
                    LOG.log(Level.WARNING, "Node {0} was taken for dead while disconnected; its claims were released", nodeId);
                }
                nodeId = store.nodes().register(c, name);
                if (again) {
                    store.nodes().releaseOrphanedClaims(c);
                }
            }
            try (Statement s = c.createStatement()) {
                s.execute("LISTEN \"" + store.channel() + "\"");
            }
        } catch (SQLException | RuntimeException e) {
            c.close();
            throw e;
        }
        connection = c;
    }

    private void run() {
        long backoff = 100;
        while (!closed) {
            try {
                if (connection == null) {
                    connect();
                    backoff = 100;
                    store.wakeups().wakeAll();
                    LOG.log(Level.INFO, "Depot node {0} reconnected to the database", nodeId);
                }
                long now = System.currentTimeMillis();
                int wait = (int) Math.max(1, Math.min(nextHousekeeping - now, 1000));
                PGNotification[] notifications = connection.unwrap(PGConnection.class).getNotifications(wait);
                if (notifications != null) {
                    for (PGNotification n : notifications) {
                        wake(n.getParameter());
                    }
                }
                if (System.currentTimeMillis() >= nextHousekeeping) {
                    housekeeping();
                    nextHousekeeping = System.currentTimeMillis() + store.config().heartbeatInterval().toMillis();
                }
                if (System.currentTimeMillis() >= nextVacuumCheck) {
                    vacuumIfNeeded(connection);
                    nextVacuumCheck = System.currentTimeMillis() + VACUUM_CHECK_MILLIS;
                }
            } catch (SQLException | RuntimeException e) {
                if (closed) {
                    break;
                }
                LOG.log(Level.WARNING, "Depot node {0} lost its database connection, retrying in {1} ms: {2}",
                        nodeId, backoff, e.getMessage());
                closeQuietly();
                sleep(backoff);
                backoff = Math.min(backoff * 2, store.config().heartbeatInterval().toMillis());
            }
        }
    }

    /**
     * A notification is a queue id, woken for every waiter, or {@code queue:messages[:node]} from
     * a write of new messages, which wakes that many; a node skips its own writes' notifications,
     * having woken its consumers when it committed.
     */
    private void wake(String payload) {
        try {
            String[] parts = payload.split(":");
            long queueId = Long.parseLong(parts[0]);
            if (parts.length == 1) {
                store.wakeups().wake(queueId);
            } else if (parts.length == 2 || Long.parseLong(parts[2]) != nodeId) {
                store.wakeups().wake(queueId, Integer.parseInt(parts[1]));
            }
        } catch (NumberFormatException e) {
            LOG.log(Level.DEBUG, "Ignoring a notification that is not a queue id: {0}", payload);
        }
    }

    private void housekeeping() throws SQLException {
        Connection c = connection;
        if (!store.nodes().heartbeat(c, nodeId)) {
            LOG.log(Level.WARNING, "Node {0} was taken for dead by another node; registering again", nodeId);
            nodeId = store.nodes().register(c, name);
            // Claims made under the old id after the others released it would otherwise stay forever.
            store.nodes().releaseOrphanedClaims(c);
            store.wakeups().wakeAll();
        }
        c.setAutoCommit(false);
        try {
            List<Long> dead = store.nodes().removeDead(c, store.config().nodeTimeout().toMillis() / 1000.0);
            int expired = store.deliveries().expire(c, System.currentTimeMillis());
            c.commit();
            if (!dead.isEmpty()) {
                LOG.log(Level.INFO, "Released the claims of dead node(s) {0}", dead);
            }
            if (!dead.isEmpty() || System.currentTimeMillis() >= nextOrphanSweep) {
                store.nodes().releaseOrphanedClaims(c);
                store.subscriptions().sweep(c);
                store.deliveries().collectGarbage(c);
                c.commit();
                nextOrphanSweep = System.currentTimeMillis() + store.config().nodeTimeout().toMillis();
            }
            if (expired > 0) {
                LOG.log(Level.DEBUG, "Removed {0} expired message(s)", expired);
            }
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }

    private void vacuumIfNeeded(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT relname, n_dead_tup FROM pg_stat_user_tables WHERE schemaname = ? AND relname IN ('depot_delivery', 'depot_message')")) {
            ps.setString(1, store.config().schema());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (rs.getLong(2) >= VACUUM_DEAD_ROWS) {
                        String table = rs.getString(1);
                        try (Statement s = c.createStatement()) {
                            // Another node vacuuming the table just now is enough.
                            s.execute("VACUUM (ANALYZE, SKIP_LOCKED) \"" + store.config().schema() + "\"." + table);
                        }
                        LOG.log(Level.DEBUG, "Vacuumed {0} ({1} dead rows)", table, rs.getLong(2));
                    }
                }
            }
        }
    }

    private void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closed = true;
        }
    }

    private void closeQuietly() {
        Connection c = connection;
        connection = null;
        if (c != null) {
            try {
                c.close();
            } catch (SQLException e) {
                LOG.log(Level.DEBUG, "Closing a broken listener connection failed: {0}", e.getMessage());
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            thread.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closeQuietly();
        try (Connection c = source.open()) {
            c.setAutoCommit(true);
            store.nodes().deregister(c, nodeId);
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.WARNING, "Could not deregister node {0}; others will release its claims when it times out: {1}",
                    nodeId, e.getMessage());
        }
    }
}
