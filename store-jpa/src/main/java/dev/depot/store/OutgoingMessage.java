package dev.depot.store;

/**
 * A message to be written to one queue.
 *
 * @param messageId from {@link DepotStore#allocateMessageIds}, so the provider can put it in the headers it encodes
 * @param visibleAt epoch milliseconds from which it may be delivered (its delivery time)
 * @param expiresAt epoch milliseconds after which it must not be delivered; 0 for never
 * @param headers   headers and properties, encoded by the provider
 * @param body      the encoded body, or null
 */
public record OutgoingMessage(long messageId, long queueId, int priority, long visibleAt, long expiresAt, byte[] headers, byte[] body) {
}
