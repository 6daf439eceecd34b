package dev.depot.bench.transport;

/** What a scenario needs of the client side beyond the defaults. */
public record TransportOptions(boolean asyncSends) {
    public static final TransportOptions DEFAULT = new TransportOptions(false);
}
