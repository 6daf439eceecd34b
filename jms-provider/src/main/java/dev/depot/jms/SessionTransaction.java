package dev.depot.jms;

import dev.depot.store.DeliveryKey;
import dev.depot.store.OutgoingMessage;
import dev.depot.store.StoreException;
import jakarta.jms.JMSException;
import jakarta.jms.TransactionRolledBackException;
import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * How a session's sends and acknowledgements reach the database: one object per kind of
 * transaction, instead of {@code if (transacted)} across the session.
 */
abstract sealed class SessionTransaction permits SessionTransaction.None, SessionTransaction.Local, XaTransaction,
        ApplicationTransaction {

    private static final System.Logger LOG = System.getLogger(SessionTransaction.class.getName());

    final Engine engine;

    SessionTransaction(Engine engine) {
        this.engine = engine;
    }

    abstract void send(OutgoingMessage message) throws JMSException;

    /** Makes the session's sends visible and its consumed messages acknowledged, atomically. */
    abstract void commit(List<DeliveryKey> consumed) throws JMSException;

    /** Forgets the session's sends; the session itself gives its consumed messages back. */
    abstract void rollback() throws JMSException;

    /**
     * Whether work happens outside any transaction just now, so that a received message is
     * acknowledged at once: true only for an XA session between branches.
     */
    boolean outsideTransaction() {
        return false;
    }

    /**
     * Whether a consumer takes messages in this transaction instead of claiming them: only a
     * session bound to the application's own transaction does.
     */
    boolean takesOnReceive() {
        return false;
    }

    /** Non-transacted: each send is its own commit, shared with other sessions' by the group committer. */
    static final class None extends SessionTransaction {

        None(Engine engine) {
            super(engine);
        }

        @Override
        void send(OutgoingMessage message) throws JMSException {
            engine.writer.send(List.of(message));
        }

        @Override
        void commit(List<DeliveryKey> consumed) {
            throw new java.lang.IllegalStateException("a non-transacted session has nothing to commit");
        }

        @Override
        void rollback() {
            throw new java.lang.IllegalStateException("a non-transacted session has nothing to roll back");
        }
    }

    /**
     * A transacted session: one database transaction per JMS transaction. Sends wait in memory and
     * go to the database in one statement at commit, together with the acknowledgements; a large
     * transaction writes ahead on a connection it then holds until commit or rollback.
     */
    static final class Local extends SessionTransaction {

        private static final int FLUSH_MESSAGES = 500;
        private static final long FLUSH_BYTES = 8L * 1024 * 1024;

        private final List<OutgoingMessage> pending = new ArrayList<>();
        private final Set<Long> touchedQueues = new LinkedHashSet<>();
        private long pendingBytes;
        private Connection connection;
        /** A write-ahead failed: this transaction can only roll back. */
        private String rollbackOnly;

        Local(Engine engine) {
            super(engine);
        }

        @Override
        synchronized void send(OutgoingMessage message) throws JMSException {
            if (rollbackOnly != null) {
                throw new jakarta.jms.IllegalStateException("The transaction can only roll back: " + rollbackOnly);
            }
            pending.add(message);
            if (!message.topic()) {
                touchedQueues.add(message.destinationId());
            }
            pendingBytes += message.headers().length + (message.body() == null ? 0 : message.body().length);
            if (pending.size() >= FLUSH_MESSAGES || pendingBytes >= FLUSH_BYTES) {
                try {
                    write(open());
                } catch (JMSException | StoreException | SQLException e) {
                    abandon();
                    rollbackOnly = "writing its sends ahead failed: " + e.getMessage();
                    throw JmsExceptions.link(new JMSException("The send failed and the transaction can only roll back: "
                            + e.getMessage()), e);
                }
            }
        }

        private Connection open() throws JMSException, SQLException {
            if (connection == null) {
                Connection c = engine.borrow();
                c.setAutoCommit(false);
                connection = c;
            }
            return connection;
        }

        private void write(Connection c) {
            engine.store.deliveries().enqueue(c, pending);
            pending.clear();
            pendingBytes = 0;
        }

        @Override
        synchronized void commit(List<DeliveryKey> consumed) throws JMSException {
            if (rollbackOnly != null) {
                String why = rollbackOnly;
                abandon();
                rollbackOnly = null;
                throw new TransactionRolledBackException("The transaction was rolled back: " + why);
            }
            if (pending.isEmpty() && consumed.isEmpty() && connection == null) {
                return;
            }
            try {
                Connection c = open();
                write(c);
                int acknowledged = engine.store.deliveries().acknowledge(c, consumed).size();
                if (acknowledged != consumed.size()) {
                    c.rollback();
                    throw new TransactionRolledBackException("The transaction was rolled back: "
                            + (consumed.size() - acknowledged) + " of its " + consumed.size()
                            + " consumed message(s) were no longer held by this JVM (it was taken for dead)");
                }
                c.commit();
            } catch (TransactionRolledBackException e) {
                throw e;
            } catch (JMSException | StoreException | SQLException e) {
                throw rolledBack("commit", e);
            } finally {
                abandon();
            }
            touchedQueues.forEach(engine.store.wakeups()::wake);
            touchedQueues.clear();
        }

        @Override
        synchronized void rollback() {
            abandon();
            rollbackOnly = null;
        }

        /** Drops pending sends and rolls back and returns the held connection, if any. */
        private void abandon() {
            pending.clear();
            pendingBytes = 0;
            touchedQueues.clear();
            Connection c = connection;
            connection = null;
            if (c != null) {
                try {
                    c.rollback();
                } catch (SQLException e) {
                    LOG.log(Level.DEBUG, "Rollback failed; the connection is dropped: {0}", e.getMessage());
                }
                try {
                    c.close();
                } catch (SQLException e) {
                    LOG.log(Level.DEBUG, "Closing a transaction's connection failed: {0}", e.getMessage());
                }
            }
        }

        private static JMSException rolledBack(String what, Exception cause) {
            return JmsExceptions.link(new TransactionRolledBackException(
                    "The transaction was rolled back; its " + what + " failed: " + cause.getMessage()), cause);
        }
    }
}
