package dev.depot.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A row of {@code depot_queue}: a queue and the rules for its deliveries. */
@Entity
@Table(name = "depot_queue")
public class QueueEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String name;

    /** {@code queue}, or {@code subscription} for the queue that holds a subscription's deliveries. */
    @Column(nullable = false)
    private String kind = "queue";

    @Column(nullable = false)
    private boolean temporary;

    @Column(name = "owner_node")
    private Long ownerNode;

    @Column(name = "owner_connection")
    private String ownerConnection;

    @Column(name = "max_delivery_count", nullable = false)
    private int maxDeliveryCount = 10;

    @Column(name = "dead_letter_queue")
    private String deadLetterQueue = "DLQ";

    @Column(name = "redelivery_delay_ms", nullable = false)
    private long redeliveryDelayMillis;

    @Column(name = "created_at", nullable = false, insertable = false, updatable = false)
    private Instant createdAt;

    protected QueueEntity() {
    }

    QueueEntity(String name) {
        this.name = name;
    }

    static QueueEntity forSubscription(String name) {
        QueueEntity entity = new QueueEntity(name);
        entity.kind = "subscription";
        return entity;
    }

    QueueInfo toInfo() {
        return new QueueInfo(id, name, temporary, ownerNode == null ? 0 : ownerNode, ownerConnection,
                maxDeliveryCount, deadLetterQueue, redeliveryDelayMillis);
    }

    Long id() {
        return id;
    }

    void makeTemporary(long node, String connection) {
        this.temporary = true;
        this.ownerNode = node;
        this.ownerConnection = connection;
    }

    void setMaxDeliveryCount(int value) {
        this.maxDeliveryCount = value;
    }

    void setDeadLetterQueue(String value) {
        this.deadLetterQueue = value;
    }

    void setRedeliveryDelayMillis(long value) {
        this.redeliveryDelayMillis = value;
    }
}
