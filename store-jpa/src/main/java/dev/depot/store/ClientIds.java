package dev.depot.store;

import java.sql.Connection;
import java.sql.PreparedStatement;

/** Client IDs in use: a row per ID, so two connections in any two JVMs never hold the same one. */
public final class ClientIds {

    private final DepotStore store;
    private final String claimSql;
    private final String releaseSql;
    private final String releaseNodeSql;

    ClientIds(DepotStore store, String schema) {
        this.store = store;
        String q = '"' + schema + '"';
        claimSql = "INSERT INTO " + q + ".depot_client (client_id, node_id, connection_id) VALUES (?, ?, ?) "
                + "ON CONFLICT (client_id) DO NOTHING";
        releaseSql = "DELETE FROM " + q + ".depot_client WHERE client_id = ? AND connection_id = ?";
        releaseNodeSql = "DELETE FROM " + q + ".depot_client WHERE node_id = ?";
    }

    /** @return whether the ID was free and is now this connection's */
    public boolean claim(Connection connection, String clientId, String connectionId) {
        return store.work(connection, "claim client ID " + clientId, c -> {
            try (PreparedStatement ps = c.prepareStatement(claimSql)) {
                ps.setString(1, clientId);
                ps.setLong(2, store.nodeId());
                ps.setString(3, connectionId);
                return ps.executeUpdate() == 1;
            }
        });
    }

    public void release(Connection connection, String clientId, String connectionId) {
        store.work(connection, "release client ID " + clientId, c -> {
            try (PreparedStatement ps = c.prepareStatement(releaseSql)) {
                ps.setString(1, clientId);
                ps.setString(2, connectionId);
                return ps.executeUpdate();
            }
        });
    }

    void releaseAllOf(Connection connection, long node) {
        store.work(connection, "release the client IDs of node " + node, c -> {
            try (PreparedStatement ps = c.prepareStatement(releaseNodeSql)) {
                ps.setLong(1, node);
                return ps.executeUpdate();
            }
        });
    }
}
