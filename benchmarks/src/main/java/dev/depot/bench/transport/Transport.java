package dev.depot.bench.transport;

/**
 * The client side of one provider in one JVM: the only way the workload talks to a provider. For
 * the JMS providers it is plain jakarta.jms ({@link JmsTransport}); raw PostgreSQL has its own.
 */
public interface Transport extends AutoCloseable {
    /** A connection; {@code clientId} is set for durable subscriptions, else null. */
    Client connect(String clientId) throws Exception;

    /** Called before a destination is first used (raw PostgreSQL creates its table here). */
    default void prepare(Dest dest, SendMode mode) throws Exception {
    }

    @Override
    void close() throws Exception;
}
