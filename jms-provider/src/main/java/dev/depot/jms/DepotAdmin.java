package dev.depot.jms;

import jakarta.jms.JMSException;

/**
 * Administration through a connection factory's database: the users that may connect, and the
 * delivery rules of queues. The standalone server's console uses the same operations.
 */
public final class DepotAdmin {

    private final DepotConnectionFactory factory;

    public DepotAdmin(DepotConnectionFactory factory) {
        this.factory = factory;
    }

    /** Creates a user that may connect with this password, or gives an existing one a new password. */
    public void saveUser(String name, String password) throws JMSException {
        Engine engine = factory.engine();
        engine.autocommit("save user " + name, c -> {
            engine.store.users().save(c, name, password);
            return null;
        });
    }

    /** @return whether there was such a user */
    public boolean deleteUser(String name) throws JMSException {
        Engine engine = factory.engine();
        return engine.autocommit("delete user " + name, c -> engine.store.users().delete(c, name));
    }

    /**
     * Sets a queue's delivery rules, creating the queue if needed.
     *
     * @param deadLetterQueue where a message goes after {@code maxDeliveryCount} deliveries; null keeps it
     */
    public void configureQueue(String name, int maxDeliveryCount, String deadLetterQueue, long redeliveryDelayMillis)
            throws JMSException {
        Engine engine = factory.engine();
        engine.autocommit("configure queue " + name, c ->
                engine.store.queues().configure(c, name, maxDeliveryCount, deadLetterQueue, redeliveryDelayMillis));
    }
}
