package dev.depot.jms;

import dev.depot.store.DeliveryKey;
import dev.depot.store.OutgoingMessage;
import dev.depot.store.StoreException;
import dev.depot.store.StoredDelivery;
import jakarta.jms.JMSException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * A session bound to the application's own database transaction: the transactional outbox and
 * inbox without either. Sends are written on the application's connection at once; a receive
 * takes its message by deleting it on that connection. Whatever the application's transaction
 * does — commit or roll back, through JDBC or JPA — its messages do with it, in one local database
 * transaction and without XA.
 */
final class ApplicationTransaction extends SessionTransaction {

    private final Connection connection;

    ApplicationTransaction(Engine engine, Connection connection) {
        super(engine);
        this.connection = connection;
    }

    @Override
    void send(OutgoingMessage message) throws JMSException {
        try {
            engine.store.deliveries().enqueue(connection, List.of(message));
        } catch (StoreException e) {
            throw JmsExceptions.fromStore(e, "send in the application's transaction");
        }
    }

    /** Takes the next message (or the one a selector picked) in the application's transaction. */
    List<StoredDelivery> take(long queueId, DeliveryKey key) throws JMSException {
        try {
            return engine.store.deliveries().take(connection, queueId, key, System.currentTimeMillis());
        } catch (StoreException e) {
            throw JmsExceptions.fromStore(e, "receive in the application's transaction");
        }
    }

    @Override
    boolean takesOnReceive() {
        return true;
    }

    /** Session.commit() commits the application's transaction, which holds the session's work. */
    @Override
    void commit(List<DeliveryKey> consumed) throws JMSException {
        try {
            connection.commit();
        } catch (SQLException e) {
            throw JmsExceptions.link(new jakarta.jms.TransactionRolledBackException(
                    "The application's transaction did not commit: " + e.getMessage()), e);
        }
    }

    @Override
    void rollback() throws JMSException {
        try {
            connection.rollback();
        } catch (SQLException e) {
            throw JmsExceptions.link(new JMSException("The application's transaction did not roll back: "
                    + e.getMessage()), e);
        }
    }

    /** Closing the session leaves the application's transaction to the application. */
    void close() {
        // Nothing to release: nothing is claimed, and the connection is the application's.
    }
}
