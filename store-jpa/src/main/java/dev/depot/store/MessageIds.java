package dev.depot.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Hands out message ids from blocks of the sequence {@code depot_message_id_seq}, which steps by
 * {@link #BLOCK}: one {@code nextval} pays for a hundred messages. Ids grow within a JVM, so the
 * messages of one producer keep their order; across JVMs the blocks interleave.
 */
final class MessageIds {

    static final int BLOCK = 100;

    private final DepotStore store;
    private final String nextBlockSql;
    private long next;
    private long end;

    MessageIds(DepotStore store, String schema) {
        this.store = store;
        this.nextBlockSql = "SELECT nextval('\"" + schema + "\".depot_message_id_seq')";
    }

    /**
     * Returns {@code count} fresh ids, in increasing order. Only when a block runs out does it open
     * a connection from {@code connections}, and closes it again (a pooled one goes back to its pool).
     */
    synchronized long[] next(ConnectionSource connections, int count) {
        long[] ids = new long[count];
        for (int i = 0; i < count; i++) {
            if (next == end) {
                try (Connection connection = connections.open()) {
                    next = store.work(connection, "allocate message ids", c -> {
                        try (PreparedStatement ps = c.prepareStatement(nextBlockSql); ResultSet rs = ps.executeQuery()) {
                            rs.next();
                            return rs.getLong(1);
                        }
                    });
                } catch (SQLException e) {
                    throw store.failure("allocate message ids", e);
                }
                end = next + BLOCK;
            }
            ids[i] = next++;
        }
        return ids;
    }
}
