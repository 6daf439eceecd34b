package dev.depot.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/**
 * A row of {@code depot_delivery}: one message's place on one queue, and its state.
 *
 * <pre>
 *   available ──claim──► claimed ──acknowledge──► (deleted)
 *       ▲                   │
 *       └─────release───────┤   rollback, recover, consumer closed, node dead
 *                           └──dead-letter──► available on the dead-letter queue
 * </pre>
 *
 * Available means {@code claimedBy == null}; claimed means {@code claimedBy} is the node holding it.
 * The transitions are the methods of {@link Deliveries}.
 */
@Entity
@Table(name = "depot_delivery")
@IdClass(DeliveryEntity.Key.class)
public class DeliveryEntity {

    @Id
    @Column(name = "queue_id")
    private long queueId;

    @Id
    private short priority;

    @Id
    @Column(name = "message_id")
    private long messageId;

    @Column(name = "visible_at", nullable = false)
    private long visibleAt;

    @Column(name = "expires_at")
    private Long expiresAt;

    @Column(name = "claimed_by")
    private Long claimedBy;

    @Column(name = "delivery_count", nullable = false)
    private int deliveryCount;

    /** Whether it is one of several deliveries of a published message. */
    @Column(nullable = false)
    private boolean fanout;

    /** False for a non-persistent message's delivery: dropped, not released, when its claimer dies. */
    @Column(nullable = false)
    private boolean persistent;

    protected DeliveryEntity() {
    }

    public DeliveryKey key() {
        return new DeliveryKey(queueId, priority, messageId);
    }

    public boolean isClaimed() {
        return claimedBy != null;
    }

    public Long claimedBy() {
        return claimedBy;
    }

    public int deliveryCount() {
        return deliveryCount;
    }

    public long visibleAt() {
        return visibleAt;
    }

    public Long expiresAt() {
        return expiresAt;
    }

    public boolean isPersistent() {
        return persistent;
    }

    /** The composite key as JPA wants it. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        private long queueId;
        private short priority;
        private long messageId;

        public Key() {
        }

        public Key(DeliveryKey key) {
            this.queueId = key.queueId();
            this.priority = (short) key.priority();
            this.messageId = key.messageId();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.queueId == queueId && k.priority == priority && k.messageId == messageId;
        }

        @Override
        public int hashCode() {
            return Objects.hash(queueId, priority, messageId);
        }
    }
}
