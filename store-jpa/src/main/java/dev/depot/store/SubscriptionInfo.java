package dev.depot.store;

/**
 * A subscription to a topic, and the queue that holds its deliveries.
 *
 * @param name      null for the private subscription of a non-shared, non-durable consumer
 * @param clientKey the client ID the name belongs to, or "" when none
 * @param selector  the message selector, or null; the consumer applies it as it receives
 */
public record SubscriptionInfo(QueueInfo queue, long topicId, String name, String clientKey, boolean durable,
                               boolean shared, String selector, boolean noLocal) {
}
