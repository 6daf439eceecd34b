package dev.depot.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A row of {@code depot_consumer}: a consumer attached to a subscription, in some JVM. */
@Entity
@Table(name = "depot_consumer")
public class ConsumerEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "queue_id", nullable = false)
    private long queueId;

    @Column(name = "node_id", nullable = false)
    private long nodeId;

    @Column(name = "connection_id", nullable = false)
    private String connectionId;

    protected ConsumerEntity() {
    }

    public Long id() {
        return id;
    }

    public long queueId() {
        return queueId;
    }
}
