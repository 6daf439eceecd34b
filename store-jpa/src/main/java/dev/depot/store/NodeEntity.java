package dev.depot.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A row of {@code depot_node}: one JVM using Depot, alive while its heartbeat is recent. */
@Entity
@Table(name = "depot_node")
public class NodeEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String name;

    @Column(name = "started_at", nullable = false, insertable = false, updatable = false)
    private Instant startedAt;

    @Column(name = "heartbeat_at", nullable = false, insertable = false)
    private Instant heartbeatAt;

    protected NodeEntity() {
    }

    NodeEntity(String name) {
        this.name = name;
    }

    Long id() {
        return id;
    }

    public String name() {
        return name;
    }

    public Instant heartbeatAt() {
        return heartbeatAt;
    }
}
