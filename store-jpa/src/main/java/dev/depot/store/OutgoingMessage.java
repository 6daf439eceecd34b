package dev.depot.store;

/**
 * A message to be written to one queue or published to one topic.
 *
 * @param messageId     from {@link DepotStore#allocateMessageIds}, so the provider can put it in the headers it encodes
 * @param destinationId the queue's id, or the topic's when {@code topic}
 * @param topic         whether it is published: then every subscription of the topic gets a delivery
 * @param visibleAt     epoch milliseconds from which it may be delivered (its delivery time)
 * @param expiresAt     epoch milliseconds after which it must not be delivered; 0 for never
 * @param headers       headers and properties, encoded by the provider
 * @param body          the encoded body, or null
 * @param origin        who publishes it, for subscriptions that do not want their own messages (noLocal)
 * @param persistent    false for a message delivered at most once: a delivery of it whose claimer dies
 *                      is dropped, not released
 */
public record OutgoingMessage(long messageId, long destinationId, boolean topic, int priority, long visibleAt,
                              long expiresAt, byte[] headers, byte[] body, Origin origin, boolean persistent) {

    /** A persistent message for a queue. */
    public OutgoingMessage(long messageId, long queueId, int priority, long visibleAt, long expiresAt,
                           byte[] headers, byte[] body) {
        this(messageId, queueId, false, priority, visibleAt, expiresAt, headers, body, Origin.NONE, true);
    }

    /**
     * The connection (and its client ID, if any) that sends a message.
     */
    public record Origin(String connectionId, String clientId) {
        public static final Origin NONE = new Origin(null, null);
    }
}
