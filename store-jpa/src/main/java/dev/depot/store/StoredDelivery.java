package dev.depot.store;

/**
 * A delivery as read from the store, with its message: what a claim or a browse returns.
 *
 * @param deliveryCount how many times it has been claimed, this claim included
 * @param expiresAt     epoch milliseconds, 0 for never
 */
public record StoredDelivery(
        DeliveryKey key,
        int deliveryCount,
        long expiresAt,
        byte[] headers,
        byte[] body) {

    public long messageId() {
        return key.messageId();
    }
}
