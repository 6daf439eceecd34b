package dev.depot.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A row of {@code depot_message}: a message encoded once, headers and properties apart from the
 * body so that selectors and browsers can read the first without loading the second. Written and
 * read on the hot path by {@link Deliveries} in batches; the entity maps it for everything else.
 */
@Entity
@Table(name = "depot_message")
public class MessageEntity {

    @Id
    private Long id;

    @Column(nullable = false)
    private byte[] headers;

    private byte[] body;

    /** Published to a topic: it may have several deliveries. */
    @Column(nullable = false)
    private boolean fanout;

    protected MessageEntity() {
    }

    public Long id() {
        return id;
    }

    public byte[] headers() {
        return headers;
    }

    public byte[] body() {
        return body;
    }
}
