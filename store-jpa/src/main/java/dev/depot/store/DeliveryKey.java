package dev.depot.store;

import java.io.Serializable;

/**
 * Names one delivery: a message on a queue. The priority is part of the key because the one index
 * of {@code depot_delivery} orders by it, so every lookup by key is an index probe.
 */
public record DeliveryKey(long queueId, int priority, long messageId) implements Serializable {
}
