package dev.depot.bench.transport;

public interface Sender extends AutoCloseable {
    /**
     * Sends one message; {@code kind} (nullable) becomes the string property "kind". Returns when
     * the send mode's promise holds (durable for PERSISTENT; buffered for TRANSACTED until commit).
     */
    void send(byte[] body, String kind) throws Exception;

    /** For {@link SendMode#ASYNC}: returns at once; {@code completion} hears the outcome. */
    void sendAsync(byte[] body, String kind, Completion completion) throws Exception;

    void commit() throws Exception;

    @Override
    void close() throws Exception;
}
