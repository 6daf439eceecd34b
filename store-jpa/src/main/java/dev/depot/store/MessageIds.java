package dev.depot.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

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

    /** Returns {@code count} fresh ids, in increasing order. */
    synchronized long[] next(Connection connection, int count) {
        long[] ids = new long[count];
        for (int i = 0; i < count; i++) {
            if (next == end) {
                next = store.work(connection, "allocate message ids", c -> {
                    try (PreparedStatement ps = c.prepareStatement(nextBlockSql); ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        return rs.getLong(1);
                    }
                });
                end = next + BLOCK;
            }
            ids[i] = next++;
        }
        return ids;
    }
}
