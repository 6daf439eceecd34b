package dev.depot.store;

/**
 * A claimed delivery given back.
 *
 * @param delivered whether the application saw it: a prefetched message that never reached the
 *                  application goes back with its delivery count unchanged and no redelivery delay
 */
public record Release(DeliveryKey key, boolean delivered) {
}
