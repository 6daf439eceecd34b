package dev.depot.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The transitions of a delivery, each one statement: {@link #enqueue write}, {@link #claim claim},
 * {@link #acknowledge acknowledge}, {@link #release release}, {@link #deadLetter dead-letter},
 * plus {@link #browse browsing} and {@link #depth depth}. Every method works on the caller's
 * connection and leaves commit to the caller, so a transacted session, an XA branch or the
 * application's own transaction decides when the change becomes visible.
 *
 * <p>These are the hot path, so they are native SQL over arrays (one round trip for a whole batch)
 * rather than entity operations; JPQL has no {@code SKIP LOCKED}, {@code unnest} or {@code NOTIFY}.
 */
public final class Deliveries {

    /** The claim order: higher priority first, then arrival. */
    public static final Comparator<StoredDelivery> CLAIM_ORDER = Comparator
            .comparingInt((StoredDelivery d) -> -d.key().priority())
            .thenComparingLong(d -> d.key().messageId());

    private final DepotStore store;
    private final String claimSql;
    private final String claimKeysSql;
    private final String writeSql;
    private final String releaseSql;
    private final String deadLetterSql;
    private final String scanSql;
    private final String browseSql;
    private final String depthSql;
    private final String garbageSql;
    private final String notifySql;
    private final String takeSql;
    private final String expireSql;

    Deliveries(DepotStore store, String schema) {
        this.store = store;
        String q = '"' + schema + '"';
        // The candidates are fenced in a materialized CTE: the planner must not re-run a
        // SKIP LOCKED subquery per row, or a LIMIT n claim can take the whole backlog.
        claimSql = """
                WITH c AS MATERIALIZED (
                    SELECT ctid FROM %1$s.depot_delivery
                    WHERE queue_id = ? AND claimed_by IS NULL AND visible_at <= ?
                      AND (expires_at IS NULL OR expires_at > ?)
                    ORDER BY priority DESC, message_id
                    LIMIT ?
                    FOR UPDATE SKIP LOCKED
                )%2$s""".formatted(q, claimLockedRows(q));
        claimKeysSql = """
                WITH c AS MATERIALIZED (
                    SELECT d.ctid FROM %1$s.depot_delivery d
                    JOIN unnest(?::smallint[], ?::bigint[]) AS k(priority, message_id)
                      ON d.priority = k.priority AND d.message_id = k.message_id
                    WHERE d.queue_id = ? AND d.claimed_by IS NULL AND d.visible_at <= ?
                      AND (d.expires_at IS NULL OR d.expires_at > ?)
                    FOR UPDATE OF d SKIP LOCKED
                )%2$s""".formatted(q, claimLockedRows(q));
        // Sends and acknowledgements (of many sessions at once, in a group commit) in one statement,
        // so they cost one round trip: rows of kind 'w' count the deliveries written per queue, rows
        // of kind 'a' are the deliveries acknowledged. Writing alone and acknowledging alone are
        // this statement with the other arrays empty. The row of kind 's' sets the commit's
        // synchronous_commit, for a caller that need not wait for the disk.
        writeSql = "WITH " + writeMessages(q) + ", " + deleteAcknowledged(q) + """
                SELECT 'w', w.queue_id, w.n::int, NULL::smallint, NULL::bigint, %s
                FROM (SELECT queue_id, count(*) AS n FROM d GROUP BY queue_id) AS w
                UNION ALL
                SELECT 'a', a.queue_id, NULL, a.priority, a.message_id, NULL FROM a
                UNION ALL
                SELECT 's', NULL, NULL, NULL, NULL,
                       set_config('synchronous_commit', coalesce(?, current_setting('synchronous_commit')), true)
                """.formatted(NOTIFY_WRITTEN + "::text");
        // A delivered message that has used up its deliveries goes to its queue's dead-letter queue
        // (which the caller made sure exists) instead of back on the queue.
        releaseSql = """
                WITH k AS (
                    SELECT * FROM unnest(?::bigint[], ?::smallint[], ?::bigint[], ?::boolean[])
                        AS k(queue_id, priority, message_id, delivered)
                ), r AS (
                    UPDATE %1$s.depot_delivery d
                    SET claimed_by = NULL,
                        queue_id = CASE WHEN x.dead THEN x.dlq_id ELSE d.queue_id END,
                        delivery_count = CASE WHEN x.dead THEN 0
                                              WHEN x.delivered THEN d.delivery_count
                                              ELSE d.delivery_count - 1 END,
                        visible_at = CASE WHEN x.delivered AND NOT x.dead AND x.redelivery_delay_ms > 0
                                          THEN ? + x.redelivery_delay_ms ELSE d.visible_at END
                    FROM (
                        SELECT k.delivered, dd.ctid AS row, q.redelivery_delay_ms, dq.id AS dlq_id,
                               (k.delivered AND dq.id IS NOT NULL AND dd.delivery_count >= q.max_delivery_count) AS dead
                        FROM k
                        %2$s
                        CROSS JOIN LATERAL (
                            SELECT id, max_delivery_count, redelivery_delay_ms, dead_letter_queue
                            FROM %1$s.depot_queue WHERE id = k.queue_id OFFSET 0) AS q
                        LEFT JOIN LATERAL (
                            SELECT id FROM %1$s.depot_queue WHERE name = q.dead_letter_queue AND id <> q.id
                            OFFSET 0) AS dq ON true
                    ) AS x
                    WHERE d.ctid = x.row AND d.claimed_by = ?
                    RETURNING d.queue_id
                )
                SELECT pg_notify(?, w.queue_id::text) FROM (SELECT DISTINCT queue_id FROM r) AS w
                """.formatted(q, deliveryOf(q, "k", "ctid, delivery_count", "dd"));
        deadLetterSql = """
                WITH u AS (
                    UPDATE %1$s.depot_delivery
                    SET queue_id = ?, claimed_by = NULL, delivery_count = 0
                    WHERE queue_id = ? AND priority = ? AND message_id = ? AND claimed_by = ?
                    RETURNING queue_id
                )
                SELECT count(*), pg_notify(?, min(queue_id)::text) FROM u
                """.formatted(q);
        // Keyset paging in claim order, as two index range scans: the rest of the cursor's
        // priority, then the lower priorities. (One condition with OR would make PostgreSQL walk
        // the index from the start on every page.)
        scanSql = page(q, "d.claimed_by IS NULL AND ", "d.delivery_count", "headers");
        browseSql = page(q, "", "d.delivery_count - CASE WHEN d.claimed_by IS NULL THEN 0 ELSE 1 END",
                "headers, body");
        garbageSql = """
                DELETE FROM %1$s.depot_message m
                WHERE m.fanout AND NOT EXISTS (
                    SELECT 1 FROM %1$s.depot_delivery x WHERE x.message_id = m.id AND x.fanout)
                """.formatted(q);
        notifySql = """
                SELECT pg_notify(?, w.id::text) FROM (
                    SELECT unnest(?::bigint[]) AS id
                    UNION SELECT queue_id FROM %1$s.depot_subscription WHERE topic_id = ANY(?::bigint[])
                ) AS w
                """.formatted(q);
        // Taking deletes in the caller's transaction what a claim would mark: if that transaction
        // rolls back, the message was never taken.
        takeSql = """
                WITH c AS MATERIALIZED (
                    SELECT ctid FROM %1$s.depot_delivery
                    WHERE queue_id = ? AND claimed_by IS NULL AND visible_at <= ?
                      AND (expires_at IS NULL OR expires_at > ?)
                      AND (?::bigint IS NULL OR (priority = ? AND message_id = ?))
                    ORDER BY priority DESC, message_id
                    LIMIT ?
                    FOR UPDATE SKIP LOCKED
                ), d AS (
                    DELETE FROM %1$s.depot_delivery d
                    WHERE d.ctid = ANY (ARRAY(SELECT ctid FROM c))
                    RETURNING d.queue_id, d.priority, d.message_id, d.delivery_count, d.expires_at, d.fanout
                ), x AS (
                    SELECT d.*, m.headers, m.body FROM d %2$s
                ), m AS (
                    %3$s
                )
                SELECT queue_id, priority, message_id, delivery_count + 1, expires_at, headers, body FROM x
                """.formatted(q, messageOf(q, "d"), deleteUnreferencedMessages(q));
        depthSql = "SELECT count(*) FROM %1$s.depot_delivery WHERE queue_id = ?".formatted(q);
        expireSql = """
                WITH d AS (
                    DELETE FROM %1$s.depot_delivery
                    WHERE expires_at <= ? AND claimed_by IS NULL
                    RETURNING queue_id, message_id, fanout
                ), m AS (
                    %2$s
                )
                SELECT count(*) FROM d
                """.formatted(q, deleteUnreferencedMessages(q));
    }

    private static String page(String q, String condition, String count, String columns) {
        String select = "SELECT d.priority, d.message_id, " + count + ", d.expires_at, " + columns
                + " FROM " + q + ".depot_delivery d " + messageOf(q, "d", columns)
                + " WHERE d.queue_id = ? AND " + condition + "d.visible_at <= ? AND (d.expires_at IS NULL OR d.expires_at > ?)";
        return "(" + select + " AND d.priority = ? AND d.message_id > ? ORDER BY d.message_id LIMIT ?)"
                + " UNION ALL "
                + "(" + select + " AND d.priority < ? ORDER BY d.priority DESC, d.message_id LIMIT ?)"
                + " LIMIT ?";
    }

    /**
     * Wakes the consumers of each queue {@code w} got deliveries, with how many (and which node
     * wrote them, when that node wakes its own): parameters notify?, channel, node id or null.
     */
    private static final String NOTIFY_WRITTEN =
            "CASE WHEN ? THEN pg_notify(?, w.queue_id || ':' || w.n || coalesce(':' || ?::bigint, '')) END";

    /**
     * CTEs t, f, m, d writing messages (parameters 1 to 11, arrays of one element per message)
     * and a delivery of each to its queue, or to every subscription of its topic (but not to
     * subscriptions that refuse their own connection's messages); a published message without a
     * subscription is not written at all. {@code d} returns the queue of each delivery.
     */
    private static String writeMessages(String q) {
        return """
                t AS (
                    SELECT * FROM unnest(?::bigint[], ?::bytea[], ?::bytea[], ?::bigint[], ?::boolean[],
                                         ?::smallint[], ?::bigint[], ?::bigint[], ?::text[], ?::text[], ?::boolean[])
                        AS t(id, headers, body, destination, topic, priority, visible_at, expires_at, origin, client,
                             persistent)
                ), f AS (
                    SELECT s.queue_id, t.priority, t.id, t.visible_at, t.expires_at, t.persistent
                    FROM t JOIN %1$s.depot_subscription s ON s.topic_id = t.destination
                    WHERE t.topic
                      AND NOT (s.no_local AND (coalesce(s.owner_connection = t.origin, false)
                                               OR coalesce(s.client_key = t.client, false)))
                ), m AS (
                    INSERT INTO %1$s.depot_message (id, headers, body, fanout)
                    SELECT t.id, t.headers, t.body, t.topic FROM t
                    WHERE NOT t.topic OR t.id IN (SELECT f.id FROM f)
                ), d AS (
                    INSERT INTO %1$s.depot_delivery (queue_id, priority, message_id, visible_at, expires_at, fanout,
                                                     persistent)
                    SELECT t.destination, t.priority, t.id, t.visible_at, NULLIF(t.expires_at, 0), false, t.persistent
                    FROM t WHERE NOT t.topic
                    UNION ALL
                    SELECT f.queue_id, f.priority, f.id, f.visible_at, NULLIF(f.expires_at, 0), true, f.persistent
                    FROM f
                    RETURNING queue_id
                )
                """.formatted(q);
    }

    /**
     * CTEs k, a, am deleting the deliveries keyed by three arrays (queue ids, priorities, message
     * ids) that this node (the fourth parameter) still holds, and their messages; {@code a}
     * returns the keys deleted.
     */
    private static String deleteAcknowledged(String q) {
        return """
                k AS (
                    SELECT * FROM unnest(?::bigint[], ?::smallint[], ?::bigint[]) AS k(queue_id, priority, message_id)
                ), a AS (
                    DELETE FROM %1$s.depot_delivery d
                    WHERE d.ctid = ANY (ARRAY(SELECT x.ctid FROM k %3$s))
                      AND d.claimed_by = ?
                    RETURNING d.queue_id, d.priority, d.message_id, d.fanout
                ), am AS (
                    %2$s
                )
                """.formatted(q, deleteUnreferencedMessages(q, "a"), deliveryOf(q, "k", "ctid", "x"));
    }

    /**
     * The second half of a claim: marks the rows locked in {@code c} (found by their physical
     * address, so no index is searched again) and reads their messages. The last parameter is the
     * transaction's {@code synchronous_commit}: a claim whose messages reach the application only
     * after a later synchronous commit of this node need not wait for its own flush, since the
     * later one flushes it too. A claim that takes a non-persistent message always waits: that
     * message's acknowledgement is written in the background, and a crash that undid the claim
     * would let it be delivered twice.
     */
    private static String claimLockedRows(String q) {
        return """
                , u AS (
                    UPDATE %1$s.depot_delivery d
                    SET claimed_by = ?, delivery_count = d.delivery_count + 1
                    WHERE d.ctid = ANY (ARRAY(SELECT ctid FROM c))
                    RETURNING d.queue_id, d.priority, d.message_id, d.delivery_count, d.expires_at, d.persistent
                )
                SELECT u.queue_id, u.priority, u.message_id, u.delivery_count, u.expires_at, m.headers, m.body,
                       set_config('synchronous_commit', CASE WHEN bool_and(u.persistent) OVER ()
                           THEN coalesce(?, current_setting('synchronous_commit'))
                           ELSE current_setting('synchronous_commit') END, true)
                FROM u %2$s
                """.formatted(q, messageOf(q, "u"));
    }

    /**
     * {@code CROSS JOIN LATERAL} the message (headers and body, as {@code m}) of each row of
     * {@code rows}, looked up by its key.
     *
     * <p>Every join of a delivery to its message, and every delete by a list of keys, is written
     * so that the only plan is one index lookup per row: a lateral subquery that {@code OFFSET 0}
     * keeps from being flattened, or a delete of the rows' physical addresses. Depot's connections
     * use generic plans, made once and kept until the table's statistics change; a plan made while
     * the tables were nearly empty (as they are whenever consumers keep up, right after Depot's
     * vacuum) judges a scan of the whole table as cheap as a lookup, and a plain join may keep
     * that scan for every row once a backlog has built up: a claim of 100 messages behind 1 000
     * others read 135 000 index entries.
     */
    private static String messageOf(String q, String rows) {
        return messageOf(q, rows, "headers, body");
    }

    /**
     * {@code CROSS JOIN LATERAL} the delivery ({@code columns} of it, as {@code alias}) keyed by each
     * row of {@code keys} (queue_id, priority, message_id), looked up by that key as
     * {@link #messageOf(String, String)} looks up messages.
     */
    private static String deliveryOf(String q, String keys, String columns, String alias) {
        return """
                CROSS JOIN LATERAL (
                    SELECT %3$s FROM %1$s.depot_delivery
                    WHERE queue_id = %2$s.queue_id AND priority = %2$s.priority AND message_id = %2$s.message_id
                    OFFSET 0) AS %4$s""".formatted(q, keys, columns, alias);
    }

    /** As {@link #messageOf(String, String)}, selecting {@code columns} of the message. */
    private static String messageOf(String q, String rows, String columns) {
        return "CROSS JOIN LATERAL (SELECT %3$s FROM %1$s.depot_message WHERE id = %2$s.message_id OFFSET 0) AS m"
                .formatted(q, rows, columns);
    }

    /**
     * The statement that removes the messages of the deliveries a CTE {@code d} (queue_id,
     * message_id, fanout) has just deleted, unless another delivery still references them. A
     * published message whose last two deliveries go at the same instant is left for
     * {@link #collectGarbage}, since each statement still sees the other's delivery.
     */
    static String deleteUnreferencedMessages(String q) {
        return deleteUnreferencedMessages(q, "d");
    }

    /** As {@link #deleteUnreferencedMessages(String)}, for deleted deliveries in the CTE named {@code cte}. */
    static String deleteUnreferencedMessages(String q, String cte) {
        return """
                DELETE FROM %1$s.depot_message
                    WHERE ctid = ANY (ARRAY(
                        SELECT m.ctid FROM %2$s %3$s
                        WHERE NOT %2$s.fanout OR NOT EXISTS (
                            SELECT 1 FROM %1$s.depot_delivery x
                            WHERE x.message_id = %2$s.message_id AND x.fanout AND x.queue_id <> %2$s.queue_id)))""".formatted(
                        q, cte, messageOf(q, cte, "ctid"));
    }

    /** Removes published messages no delivery references any more (see {@link #deleteUnreferencedMessages}). */
    public int collectGarbage(Connection connection) {
        return store.work(connection, "remove unreferenced messages", c -> {
            try (PreparedStatement ps = c.prepareStatement(garbageSql)) {
                return ps.executeUpdate();
            }
        });
    }

    /**
     * Who hears of new messages when their transaction commits: every node's waiting consumers,
     * only other nodes' (the caller wakes this node's itself, without a round trip through the
     * database), or nobody (a transaction that notifies cannot be prepared for two-phase commit).
     */
    public enum Notify { ALL_NODES, OTHER_NODES, NONE }

    /**
     * Writes messages, and a delivery of each to its queue or to every subscription of its topic,
     * in one statement, waking every node's consumers when the caller commits.
     *
     * @return the deliveries written, by queue
     */
    public Map<Long, Integer> enqueue(Connection connection, List<OutgoingMessage> messages) {
        return enqueue(connection, messages, Notify.ALL_NODES);
    }

    /**
     * Writes messages as {@link #enqueue(Connection, List)} does, telling the nodes {@code notify}
     * names; with {@link Notify#NONE} the caller {@link #notifyDestinations wakes consumers} after
     * its commit.
     *
     * @return the deliveries written, by queue
     */
    public Map<Long, Integer> enqueue(Connection connection, List<OutgoingMessage> messages, Notify notify) {
        if (messages.isEmpty()) {
            return Map.of();
        }
        return write(connection, messages, List.of(), notify).deliveries();
    }

    /** What {@link #write} did: deliveries written per queue, and the deliveries acknowledged. */
    public record Written(Map<Long, Integer> deliveries, Set<DeliveryKey> acknowledged) {
    }

    /**
     * Writes messages as {@link #enqueue(Connection, List, Notify)} does and acknowledges
     * deliveries as {@link #acknowledge} does, in one statement: one round trip, and no
     * transaction of its own needed, on an autocommit connection, for both to commit together.
     */
    public Written write(Connection connection, List<OutgoingMessage> messages, List<DeliveryKey> acknowledged,
                         Notify notify) {
        return write(connection, messages, acknowledged, notify, true);
    }

    /**
     * As {@link #write(Connection, List, List, Notify)}; with {@code durable} false the commit of
     * an autocommit connection does not wait for the disk, and a database crash may undo it. Only
     * for what may be lost: non-persistent messages, and acknowledgements of claims whose loss
     * leaves the message claimed, not delivered again.
     */
    public Written write(Connection connection, List<OutgoingMessage> messages, List<DeliveryKey> acknowledged,
                         Notify notify, boolean durable) {
        MessageColumns columns = new MessageColumns(messages, store.config().maxBodyBytes());
        KeyColumns keys = new KeyColumns(acknowledged);
        return store.work(connection, "write " + messages.size() + " message(s) and acknowledge "
                + acknowledged.size(), c -> {
            try (PreparedStatement ps = c.prepareStatement(writeSql)) {
                int next = columns.bind(c, ps, 1);
                next = keys.bind(c, ps, next);
                next = bindNotify(ps, next, notify);
                ps.setString(next, synchronousCommit(durable));
                Map<Long, Integer> written = new HashMap<>();
                Set<DeliveryKey> deleted = new HashSet<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        switch (rs.getString(1)) {
                            case "w" -> written.put(rs.getLong(2), rs.getInt(3));
                            case "a" -> deleted.add(new DeliveryKey(rs.getLong(2), rs.getShort(4), rs.getLong(5)));
                            default -> { } // the setting's row
                        }
                    }
                }
                return new Written(written, deleted);
            }
        });
    }

    private int bindNotify(PreparedStatement ps, int index, Notify notify) throws SQLException {
        ps.setBoolean(index, notify != Notify.NONE);
        ps.setString(index + 1, store.channel());
        if (notify == Notify.OTHER_NODES) {
            ps.setLong(index + 2, store.nodeId());
        } else {
            ps.setNull(index + 2, java.sql.Types.BIGINT);
        }
        return index + 3;
    }

    /** Messages as the eleven arrays {@link #writeMessages} takes; checks each body's size first. */
    private static final class MessageColumns {
        private final Long[] ids;
        private final byte[][] headers;
        private final byte[][] bodies;
        private final Long[] destinations;
        private final Boolean[] topics;
        private final Short[] priorities;
        private final Long[] visible;
        private final Long[] expires;
        private final String[] origins;
        private final String[] clients;
        private final Boolean[] persistent;

        MessageColumns(List<OutgoingMessage> messages, long maxBodyBytes) {
            int n = messages.size();
            ids = new Long[n];
            headers = new byte[n][];
            bodies = new byte[n][];
            destinations = new Long[n];
            topics = new Boolean[n];
            priorities = new Short[n];
            visible = new Long[n];
            expires = new Long[n];
            origins = new String[n];
            clients = new String[n];
            persistent = new Boolean[n];
            for (int i = 0; i < n; i++) {
                OutgoingMessage message = messages.get(i);
                if (message.body() != null && message.body().length > maxBodyBytes) {
                    throw new StoreException(StoreException.Kind.INVALID_INPUT, "The message body is "
                            + message.body().length + " bytes; the largest allowed is " + maxBodyBytes);
                }
                ids[i] = message.messageId();
                headers[i] = message.headers();
                bodies[i] = message.body();
                destinations[i] = message.destinationId();
                topics[i] = message.topic();
                priorities[i] = (short) message.priority();
                visible[i] = message.visibleAt();
                expires[i] = message.expiresAt();
                origins[i] = message.origin().connectionId();
                clients[i] = message.origin().clientId();
                persistent[i] = message.persistent();
            }
        }

        int bind(Connection c, PreparedStatement ps, int index) throws SQLException {
            ps.setArray(index, c.createArrayOf("bigint", ids));
            ps.setArray(index + 1, c.createArrayOf("bytea", headers));
            ps.setArray(index + 2, c.createArrayOf("bytea", bodies));
            ps.setArray(index + 3, c.createArrayOf("bigint", destinations));
            ps.setArray(index + 4, c.createArrayOf("boolean", topics));
            ps.setArray(index + 5, c.createArrayOf("smallint", priorities));
            ps.setArray(index + 6, c.createArrayOf("bigint", visible));
            ps.setArray(index + 7, c.createArrayOf("bigint", expires));
            ps.setArray(index + 8, c.createArrayOf("text", origins));
            ps.setArray(index + 9, c.createArrayOf("text", clients));
            ps.setArray(index + 10, c.createArrayOf("boolean", persistent));
            return index + 11;
        }
    }

    /** Delivery keys as the three arrays {@link #deleteAcknowledged} takes, then this node's id. */
    private final class KeyColumns {
        private final Long[] queues;
        private final Short[] priorities;
        private final Long[] messageIds;

        KeyColumns(List<DeliveryKey> keys) {
            int n = keys.size();
            queues = new Long[n];
            priorities = new Short[n];
            messageIds = new Long[n];
            for (int i = 0; i < n; i++) {
                DeliveryKey key = keys.get(i);
                queues[i] = key.queueId();
                priorities[i] = (short) key.priority();
                messageIds[i] = key.messageId();
            }
        }

        int bind(Connection c, PreparedStatement ps, int index) throws SQLException {
            ps.setArray(index, c.createArrayOf("bigint", queues));
            ps.setArray(index + 1, c.createArrayOf("smallint", priorities));
            ps.setArray(index + 2, c.createArrayOf("bigint", messageIds));
            ps.setLong(index + 3, store.nodeId());
            return index + 4;
        }
    }

    /**
     * Claims up to {@code max} available deliveries of a queue for this node, in claim order,
     * raising each one's delivery count. Rows other claimers hold are skipped, never waited for.
     */
    public List<StoredDelivery> claim(Connection connection, long queueId, int max, long now) {
        return claim(connection, queueId, max, now, true);
    }

    /**
     * As {@link #claim(Connection, long, int, long)}; with {@code durable} false the claim's
     * commit does not wait for the disk. Only for a caller that hands the messages out after a
     * later synchronous commit of its own: until then a database crash may undo the claim.
     */
    public List<StoredDelivery> claim(Connection connection, long queueId, int max, long now, boolean durable) {
        return store.work(connection, "claim messages", c -> {
            try (PreparedStatement ps = c.prepareStatement(claimSql)) {
                ps.setLong(1, queueId);
                ps.setLong(2, now);
                ps.setLong(3, now);
                ps.setInt(4, max);
                ps.setLong(5, store.nodeId());
                ps.setString(6, synchronousCommit(durable));
                return readClaimed(ps);
            }
        });
    }

    /** Claims the given deliveries of one queue, those still available; used after a selector scan. */
    public List<StoredDelivery> claim(Connection connection, long queueId, List<DeliveryKey> keys, long now) {
        return claim(connection, queueId, keys, now, true);
    }

    /** As {@link #claim(Connection, long, List, long)}, durable or not as for {@link #claim(Connection, long, int, long, boolean)}. */
    public List<StoredDelivery> claim(Connection connection, long queueId, List<DeliveryKey> keys, long now,
                                      boolean durable) {
        if (keys.isEmpty()) {
            return List.of();
        }
        Short[] priorities = new Short[keys.size()];
        Long[] messageIds = new Long[keys.size()];
        for (int i = 0; i < keys.size(); i++) {
            priorities[i] = (short) keys.get(i).priority();
            messageIds[i] = keys.get(i).messageId();
        }
        return store.work(connection, "claim messages", c -> {
            try (PreparedStatement ps = c.prepareStatement(claimKeysSql)) {
                ps.setArray(1, c.createArrayOf("smallint", priorities));
                ps.setArray(2, c.createArrayOf("bigint", messageIds));
                ps.setLong(3, queueId);
                ps.setLong(4, now);
                ps.setLong(5, now);
                ps.setLong(6, store.nodeId());
                ps.setString(7, synchronousCommit(durable));
                return readClaimed(ps);
            }
        });
    }

    /** The claim's {@code synchronous_commit}: the connection's own when durable. */
    private static String synchronousCommit(boolean durable) {
        return durable ? null : "off";
    }

    private static List<StoredDelivery> readClaimed(PreparedStatement ps) throws SQLException {
        List<StoredDelivery> claimed = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                long expires = rs.getLong(5);
                claimed.add(new StoredDelivery(
                        new DeliveryKey(rs.getLong(1), rs.getShort(2), rs.getLong(3)),
                        rs.getInt(4), expires, rs.getBytes(6), rs.getBytes(7)));
            }
        }
        // RETURNING follows no ORDER BY; the consumer must see them in claim order.
        claimed.sort(CLAIM_ORDER);
        return claimed;
    }

    /**
     * Takes the next available delivery of a queue (or exactly {@code key}, when given) by deleting
     * it in the caller's transaction, which is the application's own: the message is consumed if
     * that transaction commits and is back on the queue, untouched, if it rolls back. Nothing is
     * claimed, so nothing needs releasing.
     */
    public List<StoredDelivery> take(Connection connection, long queueId, DeliveryKey key, long now) {
        return store.work(connection, "take a message", c -> {
            try (PreparedStatement ps = c.prepareStatement(takeSql)) {
                ps.setLong(1, queueId);
                ps.setLong(2, now);
                ps.setLong(3, now);
                if (key == null) {
                    ps.setNull(4, java.sql.Types.BIGINT);
                    ps.setNull(5, java.sql.Types.SMALLINT);
                    ps.setNull(6, java.sql.Types.BIGINT);
                } else {
                    ps.setLong(4, key.messageId());
                    ps.setShort(5, (short) key.priority());
                    ps.setLong(6, key.messageId());
                }
                ps.setInt(7, 1);
                return readClaimed(ps);
            }
        });
    }

    /**
     * Reads available deliveries after {@code after} in claim order, headers only, without claiming:
     * a consumer with a selector matches them in memory and claims the ones it wants.
     */
    public List<StoredDelivery> scanAvailable(Connection connection, long queueId, DeliveryKey after, int limit, long now) {
        return page(connection, scanSql, queueId, after, limit, now, false);
    }

    /**
     * Reads the messages of a queue in claim order, claimed or not, without changing anything.
     * The delivery count of each is that of its finished deliveries (a claim in progress is not counted).
     */
    public List<StoredDelivery> browse(Connection connection, long queueId, DeliveryKey after, int limit, long now) {
        return page(connection, browseSql, queueId, after, limit, now, true);
    }

    /** The key before every delivery of a queue, to start a scan or a browse. */
    public static DeliveryKey start(long queueId) {
        return new DeliveryKey(queueId, Short.MAX_VALUE, 0);
    }

    private List<StoredDelivery> page(Connection connection, String sql, long queueId, DeliveryKey after,
                                      int limit, long now, boolean withBody) {
        return store.work(connection, "read queue " + queueId, c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setLong(1, queueId);
                ps.setLong(2, now);
                ps.setLong(3, now);
                ps.setInt(4, after.priority());
                ps.setLong(5, after.messageId());
                ps.setInt(6, limit);
                ps.setLong(7, queueId);
                ps.setLong(8, now);
                ps.setLong(9, now);
                ps.setInt(10, after.priority());
                ps.setInt(11, limit);
                ps.setInt(12, limit);
                List<StoredDelivery> page = new ArrayList<>(Math.min(limit, 1024));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        page.add(new StoredDelivery(new DeliveryKey(queueId, rs.getShort(1), rs.getLong(2)),
                                rs.getInt(3), rs.getLong(4), rs.getBytes(5), withBody ? rs.getBytes(6) : null));
                    }
                }
                return page;
            }
        });
    }

    /**
     * Deletes acknowledged deliveries, and their messages. Only deliveries this node still holds
     * are deleted: one that was released meanwhile (because this node was taken for dead) stays.
     *
     * @return those of {@code keys} that were deleted
     */
    public Set<DeliveryKey> acknowledge(Connection connection, List<DeliveryKey> keys) {
        if (keys.isEmpty()) {
            return Set.of();
        }
        return write(connection, List.of(), keys, Notify.NONE).acknowledged();
    }

    /**
     * Gives claimed deliveries back to their queues. A delivered one becomes visible again after
     * its queue's redelivery delay, or goes to the dead-letter queue when its delivery count has
     * reached the queue's maximum (the caller {@link Queues#ensure ensures} that queue exists);
     * one that never reached the application keeps its count.
     */
    public void release(Connection connection, List<Release> releases, long now) {
        if (releases.isEmpty()) {
            return;
        }
        int n = releases.size();
        Long[] queues = new Long[n];
        Short[] priorities = new Short[n];
        Long[] messageIds = new Long[n];
        Boolean[] delivered = new Boolean[n];
        for (int i = 0; i < n; i++) {
            Release release = releases.get(i);
            queues[i] = release.key().queueId();
            priorities[i] = (short) release.key().priority();
            messageIds[i] = release.key().messageId();
            delivered[i] = release.delivered();
        }
        store.work(connection, "release " + n + " message(s)", c -> {
            try (PreparedStatement ps = c.prepareStatement(releaseSql)) {
                ps.setArray(1, c.createArrayOf("bigint", queues));
                ps.setArray(2, c.createArrayOf("smallint", priorities));
                ps.setArray(3, c.createArrayOf("bigint", messageIds));
                ps.setArray(4, c.createArrayOf("boolean", delivered));
                ps.setLong(5, now);
                ps.setLong(6, store.nodeId());
                ps.setString(7, store.channel());
                ps.executeQuery().close();
                return null;
            }
        });
    }

    /**
     * Moves a claimed delivery to a dead-letter queue, available there with a fresh count.
     *
     * @return whether this node still held it
     */
    public boolean deadLetter(Connection connection, DeliveryKey key, QueueInfo deadLetterQueue) {
        return store.work(connection, "move message " + key.messageId() + " to " + deadLetterQueue.name(), c -> {
            try (PreparedStatement ps = c.prepareStatement(deadLetterSql)) {
                ps.setLong(1, deadLetterQueue.id());
                ps.setLong(2, key.queueId());
                ps.setShort(3, (short) key.priority());
                ps.setLong(4, key.messageId());
                ps.setLong(5, store.nodeId());
                ps.setString(6, store.channel());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getInt(1) == 1;
                }
            }
        });
    }

    /** Wakes the consumers of these queues, and of every subscription of these topics. */
    public void notifyDestinations(Connection connection, List<Long> queueIds, List<Long> topicIds) {
        if (queueIds.isEmpty() && topicIds.isEmpty()) {
            return;
        }
        store.work(connection, "wake consumers", c -> {
            try (PreparedStatement ps = c.prepareStatement(notifySql)) {
                ps.setString(1, store.channel());
                ps.setArray(2, c.createArrayOf("bigint", queueIds.toArray(Long[]::new)));
                ps.setArray(3, c.createArrayOf("bigint", topicIds.toArray(Long[]::new)));
                ps.executeQuery().close();
                return null;
            }
        });
    }

    /** How many messages a queue holds, claimed ones included. */
    public long depth(Connection connection, long queueId) {
        return store.work(connection, "count queue " + queueId, c -> {
            try (PreparedStatement ps = c.prepareStatement(depthSql)) {
                ps.setLong(1, queueId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    /** Removes available deliveries whose time to live has passed, and their messages. */
    public int expire(Connection connection, long now) {
        return store.work(connection, "remove expired messages", c -> {
            try (PreparedStatement ps = c.prepareStatement(expireSql)) {
                ps.setLong(1, now);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
        });
    }
}
