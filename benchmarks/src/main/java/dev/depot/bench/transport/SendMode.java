package dev.depot.bench.transport;

public enum SendMode {
    /** Persistent; send() returns once the message is durable. */
    PERSISTENT,
    /** Non-persistent delivery mode. */
    NON_PERSISTENT,
    /** Persistent, in a transacted session: durable at commit(). */
    TRANSACTED,
    /** Persistent, send(message, CompletionListener): durable when the listener hears of it. */
    ASYNC
}
