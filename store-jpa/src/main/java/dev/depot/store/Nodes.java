package dev.depot.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.StatelessSession;

/**
 * Liveness of the JVMs sharing a schema. Each node beats its heartbeat; a node whose heartbeat is
 * older than the timeout is dead, and whoever notices first removes it: its claimed deliveries
 * become available again (they may have reached the application, so their count stays), and its
 * consumers detach from their subscriptions (a non-durable subscription left without consumers goes),
 * its temporary queues and topics are deleted and its client IDs freed.
 */
final class Nodes {

    private final DepotStore store;
    private final String heartbeatSql;
    private final String dueSql;
    private final String releaseClaimsSql;
    private final String deleteNodeSql;
    private final String releaseOrphansSql;

    Nodes(DepotStore store, String schema) {
        this.store = store;
        String q = '"' + schema + '"';
        heartbeatSql = "UPDATE " + q + ".depot_node SET heartbeat_at = now() WHERE id = ?";
        dueSql = "DELETE FROM " + q + ".depot_node WHERE heartbeat_at < now() - make_interval(secs => ?) RETURNING id";
        releaseClaimsSql = releaseOrDrop(q, """
                SELECT ctid, persistent FROM %1$s.depot_delivery WHERE claimed_by = ANY(?::bigint[])
                FOR UPDATE SKIP LOCKED""".formatted(q));
        deleteNodeSql = "DELETE FROM " + q + ".depot_node WHERE id = ?";
        releaseOrphansSql = releaseOrDrop(q, """
                SELECT d.ctid, d.persistent FROM %1$s.depot_delivery d
                WHERE d.claimed_by IS NOT NULL
                  AND NOT EXISTS (SELECT 1 FROM %1$s.depot_node n WHERE n.id = d.claimed_by)
                FOR UPDATE OF d SKIP LOCKED""".formatted(q));
    }

    /**
     * The statement that frees the deliveries {@code claimed} selects (their row address and
     * whether they are persistent) of claimers that are gone: a persistent one goes back on its
     * queue, waking its consumers; a non-persistent one is dropped with its message, since it may
     * have reached the application already (its acknowledgement is written in the background) and
     * must not be delivered twice.
     */
    private static String releaseOrDrop(String q, String claimed) {
        return """
                WITH x AS MATERIALIZED (
                    %2$s
                ), dropped AS (
                    DELETE FROM %1$s.depot_delivery d
                    WHERE d.ctid = ANY(ARRAY(SELECT ctid FROM x WHERE NOT persistent))
                    RETURNING d.queue_id, d.message_id, d.fanout
                ), dm AS (
                    %3$s
                ), r AS (
                    UPDATE %1$s.depot_delivery SET claimed_by = NULL
                    WHERE ctid = ANY(ARRAY(SELECT ctid FROM x WHERE persistent))
                    RETURNING queue_id
                )
                SELECT pg_notify(?, w.queue_id::text) FROM (SELECT DISTINCT queue_id FROM r) AS w
                """.formatted(q, claimed, Deliveries.deleteUnreferencedMessages(q, "dropped"));
    }

    long register(Connection connection, String name) {
        try (StatelessSession session = store.openSession(connection)) {
            NodeEntity node = new NodeEntity(name);
            session.insert(node);
            return node.id();
        } catch (org.hibernate.JDBCException e) {
            throw store.failure("register node " + name, e.getSQLException());
        }
    }

    /** @return false when the row is gone: others took this node for dead and released its claims */
    boolean heartbeat(Connection connection, long node) {
        return store.work(connection, "beat the heartbeat", c -> {
            try (PreparedStatement ps = c.prepareStatement(heartbeatSql)) {
                ps.setLong(1, node);
                return ps.executeUpdate() == 1;
            }
        });
    }

    /**
     * Removes the nodes whose heartbeat stopped, in one transaction of the caller's: each dead
     * node is removed by exactly one survivor, since only one {@code DELETE} gets its row.
     *
     * @return the ids of the nodes removed
     */
    List<Long> removeDead(Connection connection, double timeoutSeconds) {
        List<Long> dead = store.work(connection, "find dead nodes", c -> {
            List<Long> ids = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(dueSql)) {
                ps.setDouble(1, timeoutSeconds);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getLong(1));
                    }
                }
            }
            return ids;
        });
        if (!dead.isEmpty()) {
            releaseClaimsOf(connection, dead);
            for (long node : dead) {
                store.subscriptions().releaseAllOf(connection, node);
                store.topics().deleteTemporaryOf(connection, node);
                store.queues().deleteTemporaryOf(connection, node);
                store.clientIds().releaseAllOf(connection, node);
            }
        }
        return dead;
    }

    void releaseClaimsOf(Connection connection, List<Long> nodes) {
        store.work(connection, "release the claims of nodes " + nodes, c -> {
            try (PreparedStatement ps = c.prepareStatement(releaseClaimsSql)) {
                ps.setArray(1, c.createArrayOf("bigint", nodes.toArray(Long[]::new)));
                ps.setString(2, store.channel());
                ps.executeQuery().close();
                return null;
            }
        });
    }

    /**
     * Releases claims whose node no longer exists. Such claims appear when a node was taken for
     * dead but went on claiming under its old id before it noticed; nobody else would free them.
     * It reads the whole delivery table, so it runs only now and then.
     */
    void releaseOrphanedClaims(Connection connection) {
        store.work(connection, "release orphaned claims", c -> {
            try (PreparedStatement ps = c.prepareStatement(releaseOrphansSql)) {
                ps.setString(1, store.channel());
                ps.executeQuery().close();
                return null;
            }
        });
    }

    /** A clean stop: this node's claims go back, its temporary queues go away, its row is removed. */
    void deregister(Connection connection, long node) {
        releaseClaimsOf(connection, List.of(node));
        store.subscriptions().releaseAllOf(connection, node);
        store.topics().deleteTemporaryOf(connection, node);
        store.queues().deleteTemporaryOf(connection, node);
        store.clientIds().releaseAllOf(connection, node);
        store.work(connection, "deregister node " + node, c -> {
            try (PreparedStatement ps = c.prepareStatement(deleteNodeSql)) {
                ps.setLong(1, node);
                return ps.executeUpdate();
            }
        });
    }
}
