package dev.depot.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A row of {@code depot_client}: a client ID held by one connection. */
@Entity
@Table(name = "depot_client")
public class ClientEntity {

    @Id
    @Column(name = "client_id")
    private String clientId;

    @Column(name = "node_id", nullable = false)
    private long nodeId;

    @Column(name = "connection_id", nullable = false)
    private String connectionId;

    @Column(name = "claimed_at", nullable = false, insertable = false, updatable = false)
    private Instant claimedAt;

    protected ClientEntity() {
    }

    public String clientId() {
        return clientId;
    }

    public long nodeId() {
        return nodeId;
    }
}
