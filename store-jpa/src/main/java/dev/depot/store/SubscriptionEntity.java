package dev.depot.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A row of {@code depot_subscription}: a subscription to a topic. Its deliveries are held by the
 * queue row of the same id; {@link Subscriptions} creates, joins, replaces and removes them.
 */
@Entity
@Table(name = "depot_subscription")
public class SubscriptionEntity {

    @Id
    @Column(name = "queue_id")
    private Long queueId;

    @Column(name = "topic_id", nullable = false)
    private long topicId;

    private String name;

    @Column(name = "client_key", nullable = false)
    private String clientKey;

    @Column(nullable = false)
    private boolean durable;

    @Column(nullable = false)
    private boolean shared;

    private String selector;

    @Column(name = "no_local", nullable = false)
    private boolean noLocal;

    @Column(name = "owner_node")
    private Long ownerNode;

    @Column(name = "owner_connection")
    private String ownerConnection;

    @Column(name = "created_at", nullable = false, insertable = false, updatable = false)
    private Instant createdAt;

    protected SubscriptionEntity() {
    }

    public Long queueId() {
        return queueId;
    }

    public long topicId() {
        return topicId;
    }

    public String name() {
        return name;
    }

    public String clientKey() {
        return clientKey;
    }

    public boolean durable() {
        return durable;
    }

    public boolean shared() {
        return shared;
    }

    public String selector() {
        return selector;
    }
}
