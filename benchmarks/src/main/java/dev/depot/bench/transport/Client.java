package dev.depot.bench.transport;

/** One connection. Senders and receivers it makes are each used by one thread. */
public interface Client extends AutoCloseable {
    Sender sender(Dest dest, SendMode mode) throws Exception;

    /**
     * A consumer. {@code selector} may be null. For a topic, {@code subscription} names a durable
     * subscription (the connection then has a client ID).
     */
    Receiver receiver(Dest dest, AckMode mode, String selector, String subscription) throws Exception;

    void unsubscribe(String subscription) throws Exception;

    @Override
    void close() throws Exception;
}
