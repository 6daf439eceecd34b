package dev.depot.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.hibernate.StatelessSession;

/**
 * Queues by name: created on first use, looked up through a short-lived cache (a queue's rules
 * change rarely and only by an administrator), validated before any of it reaches the database.
 */
public final class Queues {

    /** The longest queue name, in characters. */
    public static final int MAX_NAME_LENGTH = 255;

    /** Where a message goes after too many deliveries, unless its queue says otherwise. */
    public static final String DEFAULT_DEAD_LETTER_QUEUE = "DLQ";

    private static final long CACHE_MILLIS = 10_000;

    private final DepotStore store;
    private final ConcurrentHashMap<String, Cached> cache = new ConcurrentHashMap<>();
    private final String insertSql;
    private final String deleteSql;

    private record Cached(QueueInfo info, long loadedAt) {
    }

    Queues(DepotStore store, String schema) {
        this.store = store;
        String q = '"' + schema + '"';
        // INSERT .. ON CONFLICT lets two JVMs create the same queue at once; JPA has no upsert that does.
        insertSql = "INSERT INTO " + q + ".depot_queue (name) VALUES (?) ON CONFLICT (kind, name) DO NOTHING";
        deleteSql = deleteQueueSql(q);
    }

    /** Deletes a queue (of any kind) with its deliveries and the messages only they referenced. */
    static String deleteQueueSql(String q) {
        return """
                WITH d AS (DELETE FROM %1$s.depot_delivery WHERE queue_id = ? RETURNING queue_id, message_id, fanout),
                     m AS (%2$s)
                DELETE FROM %1$s.depot_queue WHERE id = ?
                """.formatted(q, Deliveries.deleteUnreferencedMessages(q));
    }

    /**
     * Checks a queue name against Depot's rules: 1 to 255 characters, no control characters,
     * no leading or trailing white space. Any other character, quotes and semicolons included,
     * is allowed: names only ever reach the database as bind parameters.
     *
     * @throws StoreException of kind {@link StoreException.Kind#INVALID_INPUT} naming the problem
     */
    public static String validateName(String name) {
        if (name == null) {
            throw invalid("A queue name must not be null");
        }
        if (name.isEmpty()) {
            throw invalid("A queue name must not be empty");
        }
        if (name.length() > MAX_NAME_LENGTH) {
            throw invalid("Queue name is " + name.length() + " characters long; the limit is " + MAX_NAME_LENGTH);
        }
        if (name.isBlank() || Character.isWhitespace(name.charAt(0))
                || Character.isWhitespace(name.charAt(name.length() - 1))) {
            throw invalid("Queue name '" + name + "' must not begin or end with white space");
        }
        for (int i = 0; i < name.length(); i++) {
            if (Character.isISOControl(name.charAt(i))) {
                throw invalid("Queue name contains the control character U+"
                        + String.format("%04X", (int) name.charAt(i)) + " at position " + i);
            }
        }
        return name;
    }

    private static StoreException invalid(String message) {
        return new StoreException(StoreException.Kind.INVALID_INPUT, message);
    }

    /** The queue of that name, created with the default rules if it does not exist yet. */
    public QueueInfo ensure(Connection connection, String name) {
        Optional<QueueInfo> known = cached(name);
        if (known.isPresent()) {
            return known.get();
        }
        Optional<QueueInfo> found = load(connection, name);
        if (found.isEmpty()) {
            store.work(connection, "create queue " + name, c -> {
                try (PreparedStatement ps = c.prepareStatement(insertSql)) {
                    ps.setString(1, name);
                    return ps.executeUpdate();
                }
            });
            found = load(connection, name);
        }
        QueueInfo info = found.orElseThrow(() -> new StoreException(StoreException.Kind.NO_SUCH_DESTINATION,
                "Queue " + name + " was deleted while it was being created"));
        if (!info.temporary()) {
            cache.put(name, new Cached(info, System.currentTimeMillis()));
        }
        return info;
    }

    /**
     * The queue of that name as this JVM last read it, if that was recently: lets a sender skip
     * borrowing a connection at all for a queue it already knows.
     */
    public Optional<QueueInfo> cached(String name) {
        validateName(name);
        Cached cached = cache.get(name);
        if (cached != null && System.currentTimeMillis() - cached.loadedAt < CACHE_MILLIS) {
            return Optional.of(cached.info);
        }
        return Optional.empty();
    }

    /** The queue of that name if it exists; never cached, so a deleted temporary queue is seen as gone. */
    public Optional<QueueInfo> find(Connection connection, String name) {
        validateName(name);
        return load(connection, name);
    }

    private Optional<QueueInfo> load(Connection connection, String name) {
        try (StatelessSession session = store.openSession(connection)) {
            return session.createSelectionQuery("from QueueEntity where name = :name and kind = 'queue'", QueueEntity.class)
                    .setParameter("name", name)
                    .uniqueResultOptional()
                    .map(QueueEntity::toInfo);
        } catch (org.hibernate.JDBCException e) {
            throw store.failure("look up queue " + name, e.getSQLException());
        }
    }

    /** Creates a temporary queue owned by one connection of this node. */
    public QueueInfo createTemporary(Connection connection, String name, String ownerConnection) {
        validateName(name);
        try (StatelessSession session = store.openSession(connection)) {
            QueueEntity entity = new QueueEntity(name);
            entity.makeTemporary(store.nodeId(), ownerConnection);
            entity.setDeadLetterQueue(null);
            session.insert(entity);
            return entity.toInfo();
        } catch (org.hibernate.exception.ConstraintViolationException e) {
            throw invalid("A destination named " + name + " already exists");
        } catch (org.hibernate.JDBCException e) {
            throw store.failure("create temporary queue " + name, e.getSQLException());
        }
    }

    /** Deletes a queue with every message on it. */
    public void delete(Connection connection, QueueInfo queue) {
        cache.remove(queue.name());
        store.work(connection, "delete queue " + queue.name(), c -> {
            try (PreparedStatement ps = c.prepareStatement(deleteSql)) {
                ps.setLong(1, queue.id());
                ps.setLong(2, queue.id());
                return ps.executeUpdate();
            }
        });
    }

    /**
     * Sets a queue's delivery rules, creating the queue if needed.
     *
     * @param deadLetterQueue where messages go after {@code maxDeliveryCount} deliveries; null keeps them on the queue
     */
    public QueueInfo configure(Connection connection, String name, int maxDeliveryCount, String deadLetterQueue,
                               long redeliveryDelayMillis) {
        if (maxDeliveryCount < 1) {
            throw invalid("maxDeliveryCount is " + maxDeliveryCount + "; it must be at least 1");
        }
        if (redeliveryDelayMillis < 0) {
            throw invalid("redeliveryDelay is " + redeliveryDelayMillis + " ms; it must not be negative");
        }
        if (deadLetterQueue != null) {
            validateName(deadLetterQueue);
        }
        QueueInfo queue = ensure(connection, name);
        try (StatelessSession session = store.openSession(connection)) {
            QueueEntity entity = session.get(QueueEntity.class, queue.id());
            entity.setMaxDeliveryCount(maxDeliveryCount);
            entity.setDeadLetterQueue(deadLetterQueue);
            entity.setRedeliveryDelayMillis(redeliveryDelayMillis);
            session.update(entity);
            cache.remove(name);
            return entity.toInfo();
        } catch (org.hibernate.JDBCException e) {
            throw store.failure("configure queue " + name, e.getSQLException());
        }
    }

    /** Forgets cached rules, so the next lookup reads the database. */
    public void invalidate(String name) {
        cache.remove(name);
    }

    /** Deletes the temporary queues of a node, for cleanup when it is gone. */
    int deleteTemporaryOf(Connection connection, long node) {
        return store.work(connection, "delete temporary queues of node " + node, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT id FROM \"" + store.config().schema() + "\".depot_queue WHERE temporary AND owner_node = ?")) {
                ps.setLong(1, node);
                int deleted = 0;
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        try (PreparedStatement del = c.prepareStatement(deleteSql)) {
                            del.setLong(1, rs.getLong(1));
                            del.setLong(2, rs.getLong(1));
                            deleted += del.executeUpdate();
                        }
                    }
                }
                return deleted;
            }
        });
    }
}
