package dev.depot.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Subscriptions and the consumers attached to them, in every JVM. Each method runs in the caller's
 * transaction, which must not be in autocommit mode: attaching locks the subscription row, so two
 * JVMs creating, replacing or joining the same durable subscription take turns.
 *
 * <ul>
 *   <li>a non-shared non-durable consumer has a private subscription that ends with it;</li>
 *   <li>a shared non-durable subscription ends with its last consumer;</li>
 *   <li>a durable subscription lasts until it is unsubscribed; a non-shared one takes one consumer at a time;</li>
 *   <li>attaching with another topic, selector or noLocal replaces the subscription, unless consumers are active.</li>
 * </ul>
 */
public final class Subscriptions {

    private final DepotStore store;
    private final String schema;
    private final String lockSql;
    private final String insertQueueSql;
    private final String insertSubscriptionSql;
    private final String insertConsumerSql;
    private final String countConsumersSql;
    private final String claimedSql;
    private final String deleteConsumerSql;
    private final String deleteSubscriptionSql;
    private final String deleteConsumersOfSql;
    private final String deleteQueueSql;
    private final String dropQueueSql;
    private final String sweepSql;
    private final String nodeConsumersSql;
    private final String abandonedSql;

    Subscriptions(DepotStore store, String schema) {
        this.store = store;
        this.schema = schema;
        String q = '"' + schema + '"';
        String columns = "s.queue_id, s.topic_id, s.name, s.client_key, s.durable, s.shared, s.selector, s.no_local";
        lockSql = "SELECT " + columns + " FROM " + q + ".depot_subscription s "
                + "WHERE s.durable = ? AND s.client_key = ? AND s.name = ? FOR UPDATE";
        insertQueueSql = "INSERT INTO " + q + ".depot_queue (kind, name) VALUES ('subscription', ?) RETURNING id";
        insertSubscriptionSql = "INSERT INTO " + q + ".depot_subscription "
                + "(queue_id, topic_id, name, client_key, durable, shared, selector, no_local, owner_node, owner_connection) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING";
        insertConsumerSql = "INSERT INTO " + q + ".depot_consumer (queue_id, node_id, connection_id) VALUES (?, ?, ?) RETURNING id";
        countConsumersSql = "SELECT count(*) FROM " + q + ".depot_consumer WHERE queue_id = ?";
        claimedSql = "SELECT count(*) FROM " + q + ".depot_delivery WHERE queue_id = ? AND claimed_by IS NOT NULL";
        deleteConsumerSql = "DELETE FROM " + q + ".depot_consumer WHERE id = ?";
        deleteSubscriptionSql = "DELETE FROM " + q + ".depot_subscription WHERE queue_id = ?";
        deleteConsumersOfSql = "DELETE FROM " + q + ".depot_consumer WHERE queue_id = ?";
        deleteQueueSql = Queues.deleteQueueSql(q);
        // Claimed deliveries stay until their consumers finish with them; the queue then goes with
        // the housekeeping's sweep of subscription queues that lost their subscription.
        dropQueueSql = """
                WITH d AS (DELETE FROM %1$s.depot_delivery WHERE queue_id = ? AND claimed_by IS NULL
                           RETURNING queue_id, message_id, fanout),
                     m AS (%2$s)
                DELETE FROM %1$s.depot_queue q WHERE q.id = ? AND NOT EXISTS (
                    SELECT 1 FROM %1$s.depot_delivery x WHERE x.queue_id = q.id AND x.claimed_by IS NOT NULL)
                """.formatted(q, Deliveries.deleteUnreferencedMessages(q));
        sweepSql = """
                WITH o AS (
                    SELECT q.id FROM %1$s.depot_queue q
                    WHERE q.kind = 'subscription'
                      AND NOT EXISTS (SELECT 1 FROM %1$s.depot_subscription s WHERE s.queue_id = q.id)
                ), d AS (
                    DELETE FROM %1$s.depot_delivery WHERE queue_id IN (SELECT id FROM o) AND claimed_by IS NULL
                    RETURNING queue_id, message_id, fanout
                ), m AS (%2$s)
                DELETE FROM %1$s.depot_queue q WHERE q.id IN (SELECT id FROM o) AND NOT EXISTS (
                    SELECT 1 FROM %1$s.depot_delivery x WHERE x.queue_id = q.id AND x.claimed_by IS NOT NULL)
                """.formatted(q, Deliveries.deleteUnreferencedMessages(q));
        nodeConsumersSql = "DELETE FROM " + q + ".depot_consumer WHERE node_id = ?";
        abandonedSql = "SELECT s.queue_id FROM " + q + ".depot_subscription s WHERE NOT s.durable "
                + "AND NOT EXISTS (SELECT 1 FROM " + q + ".depot_consumer c WHERE c.queue_id = s.queue_id)";
    }

    /**
     * Attaches a new consumer to a subscription, creating or replacing the subscription as the
     * specification says.
     *
     * @param name     the subscription name; null for a non-shared non-durable consumer's own subscription
     * @param clientId the connection's client ID, or null
     * @throws StoreException of kind {@link StoreException.Kind#IN_USE} when the specification forbids it
     */
    public Attachment attach(Connection connection, TopicInfo topic, String name, String clientId, boolean durable,
                             boolean shared, String selector, boolean noLocal, String connectionId) {
        String clientKey = clientId == null ? "" : clientId;
        if (name == null) {
            SubscriptionInfo created = create(connection, topic, null, clientKey, false, false, selector, noLocal,
                    connectionId).orElseThrow();
            return new Attachment(created, addConsumer(connection, created, connectionId));
        }
        while (true) {
            Optional<SubscriptionInfo> existing = lock(connection, durable, clientKey, name);
            if (existing.isPresent()) {
                SubscriptionInfo subscription = existing.get();
                long consumers = count(connection, countConsumersSql, subscription.queue().id());
                if (subscription.shared() != shared) {
                    throw inUse((subscription.shared() ? "A shared" : "A non-shared") + " durable subscription named '"
                            + name + "'" + forClient(clientKey) + " already exists");
                }
                if (!shared && consumers > 0) {
                    throw inUse("Durable subscription '" + name + "'" + forClient(clientKey)
                            + " already has an active consumer");
                }
                boolean same = subscription.topicId() == topic.id() && Objects.equals(subscription.selector(), selector)
                        && subscription.noLocal() == noLocal;
                if (same) {
                    return new Attachment(subscription, addConsumer(connection, subscription, connectionId));
                }
                if (consumers > 0) {
                    throw inUse("Subscription '" + name + "'" + forClient(clientKey) + " has active consumers "
                            + "on another topic or selector; it cannot be changed now");
                }
                delete(connection, subscription.queue().id());
            }
            Optional<SubscriptionInfo> created = create(connection, topic, name, clientKey, durable, shared, selector,
                    noLocal, connectionId);
            if (created.isPresent()) {
                return new Attachment(created.get(), addConsumer(connection, created.get(), connectionId));
            }
            // Another JVM created it between our look and our insert: look again, and join or refuse.
        }
    }

    private static String forClient(String clientKey) {
        return clientKey.isEmpty() ? "" : " for client ID '" + clientKey + "'";
    }

    private static StoreException inUse(String message) {
        return new StoreException(StoreException.Kind.IN_USE, message);
    }

    private Optional<SubscriptionInfo> lock(Connection connection, boolean durable, String clientKey, String name) {
        return store.work(connection, "look up subscription " + name, c -> {
            try (PreparedStatement ps = c.prepareStatement(lockSql)) {
                ps.setBoolean(1, durable);
                ps.setString(2, clientKey);
                ps.setString(3, name);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.<SubscriptionInfo>empty();
                    }
                    long queueId = rs.getLong(1);
                    return Optional.of(new SubscriptionInfo(queueInfo(queueId), rs.getLong(2), rs.getString(3),
                            rs.getString(4), rs.getBoolean(5), rs.getBoolean(6), rs.getString(7), rs.getBoolean(8)));
                }
            }
        });
    }

    private QueueInfo queueInfo(long queueId) {
        // The rules of a subscription's queue are the defaults until an administrator changes them.
        return new QueueInfo(queueId, "subscription-" + queueId, false, 0, null, 10, Queues.DEFAULT_DEAD_LETTER_QUEUE, 0);
    }

    private Optional<SubscriptionInfo> create(Connection connection, TopicInfo topic, String name, String clientKey,
                                              boolean durable, boolean shared, String selector, boolean noLocal,
                                              String connectionId) {
        return store.work(connection, "create a subscription to " + topic.name(), c -> {
            long queueId;
            try (PreparedStatement ps = c.prepareStatement(insertQueueSql)) {
                ps.setString(1, "sub-" + UUID.randomUUID());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    queueId = rs.getLong(1);
                }
            }
            int inserted;
            try (PreparedStatement ps = c.prepareStatement(insertSubscriptionSql)) {
                ps.setLong(1, queueId);
                ps.setLong(2, topic.id());
                ps.setString(3, name);
                ps.setString(4, clientKey);
                ps.setBoolean(5, durable);
                ps.setBoolean(6, shared);
                ps.setString(7, selector);
                ps.setBoolean(8, noLocal);
                if (durable || shared) {
                    ps.setNull(9, java.sql.Types.BIGINT);
                    ps.setNull(10, java.sql.Types.VARCHAR);
                } else {
                    ps.setLong(9, store.nodeId());
                    ps.setString(10, connectionId);
                }
                inserted = ps.executeUpdate();
            }
            if (inserted == 0) {
                try (PreparedStatement ps = c.prepareStatement(deleteQueueSql)) {
                    ps.setLong(1, queueId);
                    ps.setLong(2, queueId);
                    ps.executeUpdate();
                }
                return Optional.<SubscriptionInfo>empty();
            }
            return Optional.of(new SubscriptionInfo(queueInfo(queueId), topic.id(), name, clientKey, durable, shared,
                    selector, noLocal));
        });
    }

    private long addConsumer(Connection connection, SubscriptionInfo subscription, String connectionId) {
        return store.work(connection, "attach a consumer", c -> {
            try (PreparedStatement ps = c.prepareStatement(insertConsumerSql)) {
                ps.setLong(1, subscription.queue().id());
                ps.setLong(2, store.nodeId());
                ps.setString(3, connectionId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    private long count(Connection connection, String sql, long queueId) {
        return store.work(connection, "count", c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setLong(1, queueId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    /**
     * Detaches a consumer. A non-durable subscription goes with its last consumer, with whatever
     * it still holds; a durable one stays.
     */
    public void detach(Connection connection, Attachment attachment) {
        execute(connection, deleteConsumerSql, attachment.consumerId());
        SubscriptionInfo subscription = attachment.subscription();
        if (!subscription.durable() && count(connection, countConsumersSql, subscription.queue().id()) == 0) {
            delete(connection, subscription.queue().id());
        }
    }

    /**
     * Deletes a durable subscription (the specification's {@code unsubscribe}).
     *
     * @throws StoreException {@link StoreException.Kind#NO_SUCH_DESTINATION} when there is none of that name,
     *                        {@link StoreException.Kind#IN_USE} while it has consumers or unacknowledged messages
     */
    public void unsubscribe(Connection connection, String clientId, String name) {
        String clientKey = clientId == null ? "" : clientId;
        SubscriptionInfo subscription = lock(connection, true, clientKey, name).orElseThrow(() ->
                new StoreException(StoreException.Kind.NO_SUCH_DESTINATION,
                        "There is no durable subscription named '" + name + "'" + forClient(clientKey)));
        if (count(connection, countConsumersSql, subscription.queue().id()) > 0) {
            throw inUse("Durable subscription '" + name + "'" + forClient(clientKey) + " still has an active consumer");
        }
        if (count(connection, claimedSql, subscription.queue().id()) > 0) {
            throw inUse("Durable subscription '" + name + "'" + forClient(clientKey)
                    + " has messages consumed in a transaction or session not yet completed");
        }
        delete(connection, subscription.queue().id());
    }

    /**
     * Deletes a subscription, its consumers' rows and the messages only it held. Deliveries that a
     * session still holds stay until it acknowledges or releases them, as if the subscription
     * lasted that long; then {@link #sweep} removes what is left.
     */
    void delete(Connection connection, long queueId) {
        execute(connection, deleteConsumersOfSql, queueId);
        execute(connection, deleteSubscriptionSql, queueId);
        store.work(connection, "delete the queue of subscription " + queueId, c -> {
            try (PreparedStatement ps = c.prepareStatement(dropQueueSql)) {
                ps.setLong(1, queueId);
                ps.setLong(2, queueId);
                return ps.executeUpdate();
            }
        });
    }

    /** Removes what is left of deleted subscriptions once nobody holds their deliveries. */
    int sweep(Connection connection) {
        return store.work(connection, "remove the queues of deleted subscriptions", c -> {
            try (PreparedStatement ps = c.prepareStatement(sweepSql)) {
                return ps.executeUpdate();
            }
        });
    }

    /** A node is gone: its consumers detach, and the non-durable subscriptions left without one go. */
    void releaseAllOf(Connection connection, long node) {
        execute(connection, nodeConsumersSql, node);
        List<Long> abandoned = store.work(connection, "find abandoned subscriptions", c -> {
            List<Long> ids = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(abandonedSql); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            return ids;
        });
        for (long queueId : abandoned) {
            delete(connection, queueId);
        }
    }

    private void execute(Connection connection, String sql, long id) {
        store.work(connection, "update subscriptions in " + schema, c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setLong(1, id);
                return ps.executeUpdate();
            }
        });
    }
}
