package dev.depot.bench.transport;

public interface Receiver extends AutoCloseable {
    /** The body of the next message, or null when none came within the timeout. */
    byte[] receive(long timeoutMillis) throws Exception;

    /** For {@link AckMode#TRANSACTED}. */
    void commit() throws Exception;

    @Override
    void close() throws Exception;
}
