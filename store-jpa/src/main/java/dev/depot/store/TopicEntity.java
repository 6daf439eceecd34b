package dev.depot.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A row of {@code depot_topic}: a topic, whose subscriptions each get a delivery of every message. */
@Entity
@Table(name = "depot_topic")
public class TopicEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true)
    private String name;

    @Column(nullable = false)
    private boolean temporary;

    @Column(name = "owner_node")
    private Long ownerNode;

    @Column(name = "owner_connection")
    private String ownerConnection;

    @Column(name = "created_at", nullable = false, insertable = false, updatable = false)
    private Instant createdAt;

    protected TopicEntity() {
    }

    public Long id() {
        return id;
    }

    public String name() {
        return name;
    }

    public boolean temporary() {
        return temporary;
    }
}
