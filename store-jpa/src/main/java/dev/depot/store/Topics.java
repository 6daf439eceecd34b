package dev.depot.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Topics by name, created on first use; the same name rules as queues. */
public final class Topics {

    private final DepotStore store;
    private final ConcurrentHashMap<String, TopicInfo> cache = new ConcurrentHashMap<>();
    private final String insertSql;
    private final String selectSql;
    private final String insertTemporarySql;
    private final String subscriptionsOfSql;
    private final String deleteSql;
    private final String temporaryOfNodeSql;

    Topics(DepotStore store, String schema) {
        this.store = store;
        String q = '"' + schema + '"';
        insertSql = "INSERT INTO " + q + ".depot_topic (name) VALUES (?) ON CONFLICT (name) DO NOTHING";
        selectSql = "SELECT id, name, temporary, owner_node, owner_connection FROM " + q + ".depot_topic WHERE name = ?";
        insertTemporarySql = "INSERT INTO " + q + ".depot_topic (name, temporary, owner_node, owner_connection) "
                + "VALUES (?, true, ?, ?) RETURNING id";
        subscriptionsOfSql = "SELECT queue_id FROM " + q + ".depot_subscription WHERE topic_id = ?";
        deleteSql = "DELETE FROM " + q + ".depot_topic WHERE id = ?";
        temporaryOfNodeSql = "SELECT id FROM " + q + ".depot_topic WHERE temporary AND owner_node = ?";
    }

    /** The topic of that name, created if it does not exist yet. */
    public TopicInfo ensure(Connection connection, String name) {
        Optional<TopicInfo> known = cached(name);
        if (known.isPresent()) {
            return known.get();
        }
        Optional<TopicInfo> found = find(connection, name);
        if (found.isEmpty()) {
            store.work(connection, "create topic " + name, c -> {
                try (PreparedStatement ps = c.prepareStatement(insertSql)) {
                    ps.setString(1, name);
                    return ps.executeUpdate();
                }
            });
            found = find(connection, name);
        }
        TopicInfo topic = found.orElseThrow(() -> new StoreException(StoreException.Kind.NO_SUCH_DESTINATION,
                "Topic " + name + " was deleted while it was being created"));
        if (!topic.temporary()) {
            cache.put(name, topic);
        }
        return topic;
    }

    /** The topic of that name as this JVM already knows it, without a round trip. */
    public Optional<TopicInfo> cached(String name) {
        Queues.validateName(name);
        return Optional.ofNullable(cache.get(name));
    }

    /** The topic of that name if it exists, read from the database. */
    public Optional<TopicInfo> find(Connection connection, String name) {
        Queues.validateName(name);
        return store.work(connection, "look up topic " + name, c -> {
            try (PreparedStatement ps = c.prepareStatement(selectSql)) {
                ps.setString(1, name);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(new TopicInfo(rs.getLong(1), rs.getString(2), rs.getBoolean(3),
                            rs.getLong(4), rs.getString(5)));
                }
            }
        });
    }

    /** Creates a temporary topic owned by one connection of this node. */
    public TopicInfo createTemporary(Connection connection, String name, String ownerConnection) {
        Queues.validateName(name);
        long id = store.work(connection, "create temporary topic " + name, c -> {
            try (PreparedStatement ps = c.prepareStatement(insertTemporarySql)) {
                ps.setString(1, name);
                ps.setLong(2, store.nodeId());
                ps.setString(3, ownerConnection);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
        return new TopicInfo(id, name, true, store.nodeId(), ownerConnection);
    }

    /** Deletes a topic with its subscriptions and their messages. */
    public void delete(Connection connection, TopicInfo topic) {
        cache.remove(topic.name());
        deleteById(connection, topic.id());
    }

    private void deleteById(Connection connection, long topicId) {
        List<Long> subscriptions = store.work(connection, "list the subscriptions of topic " + topicId, c -> {
            List<Long> ids = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(subscriptionsOfSql)) {
                ps.setLong(1, topicId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getLong(1));
                    }
                }
            }
            return ids;
        });
        for (long queueId : subscriptions) {
            store.subscriptions().delete(connection, queueId);
        }
        store.work(connection, "delete topic " + topicId, c -> {
            try (PreparedStatement ps = c.prepareStatement(deleteSql)) {
                ps.setLong(1, topicId);
                return ps.executeUpdate();
            }
        });
    }

    /** Deletes the temporary topics of a node that is gone. */
    void deleteTemporaryOf(Connection connection, long node) {
        List<Long> topics = store.work(connection, "list the temporary topics of node " + node, c -> {
            List<Long> ids = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(temporaryOfNodeSql)) {
                ps.setLong(1, node);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getLong(1));
                    }
                }
            }
            return ids;
        });
        for (long id : topics) {
            deleteById(connection, id);
        }
    }
}
