package dev.depot.store;

/**
 * What the provider needs to know of a queue, read once and cached.
 *
 * @param ownerNode       for a temporary queue, the node of the connection that created it; else 0
 * @param ownerConnection for a temporary queue, the connection that created it; else null
 * @param deadLetterQueue where messages go after {@code maxDeliveryCount} deliveries; null keeps them
 */
public record QueueInfo(
        long id,
        String name,
        boolean temporary,
        long ownerNode,
        String ownerConnection,
        int maxDeliveryCount,
        String deadLetterQueue,
        long redeliveryDelayMillis) {
}
