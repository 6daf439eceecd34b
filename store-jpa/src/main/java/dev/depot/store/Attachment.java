package dev.depot.store;

/** A consumer attached to a subscription: what it detaches with when it closes. */
public record Attachment(SubscriptionInfo subscription, long consumerId) {
}
