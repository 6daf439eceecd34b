package dev.depot.jms;

import dev.depot.store.Deliveries;
import dev.depot.store.DeliveryKey;
import dev.depot.store.OutgoingMessage;
import dev.depot.store.StoreException;
import jakarta.jms.JMSException;
import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.XAConnection;
import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;

/**
 * An XA session's work: PostgreSQL's own two-phase commit. The session holds one physical XA
 * connection; between {@code start} and {@code end} its sends are written on it at once, and at
 * {@code end} the messages it consumed are acknowledged on it, so {@code PREPARE TRANSACTION},
 * {@code COMMIT PREPARED} and {@code ROLLBACK PREPARED} decide them together with whatever else the
 * transaction manager enlisted. Outside a branch the session acts as an AUTO_ACKNOWLEDGE one.
 *
 * <p>A prepared transaction may not have sent a {@code NOTIFY}, so a branch writes without
 * wake-ups and consumers are woken after the commit.
 */
final class XaTransaction extends SessionTransaction implements XAResource {

    private static final System.Logger LOG = System.getLogger(XaTransaction.class.getName());

    private final XAConnection physical;
    private final XAResource resource;
    private final Connection connection;
    private DepotSession session;
    private volatile Xid active;
    private final List<Long> touchedQueues = new ArrayList<>();
    private final List<Long> touchedTopics = new ArrayList<>();
    /** What each ended branch acknowledged, to give back if it rolls back. */
    private final Map<Xid, Branch> ended = new ConcurrentHashMap<>();

    private record Branch(List<DeliveryKey> consumed, List<Long> queues, List<Long> topics) {
    }

    XaTransaction(Engine engine) throws JMSException {
        super(engine);
        try {
            this.physical = engine.xaConnection();
            this.resource = physical.getXAResource();
            this.connection = physical.getConnection();
        } catch (SQLException e) {
            throw JmsExceptions.link(new JMSException("Could not open an XA connection: " + e.getMessage()), e);
        }
    }

    void attach(DepotSession owner) {
        this.session = owner;
    }

    @Override
    boolean outsideTransaction() {
        return active == null;
    }

    @Override
    void send(OutgoingMessage message) throws JMSException {
        if (active == null) {
            engine.writer.send(List.of(message));
            return;
        }
        try {
            engine.store.deliveries().enqueue(connection, List.of(message), Deliveries.Notify.NONE);
        } catch (StoreException e) {
            throw JmsExceptions.fromStore(e, "send in XA transaction " + active);
        }
        synchronized (this) {
            (message.topic() ? touchedTopics : touchedQueues).add(message.destinationId());
        }
    }

    @Override
    void commit(List<DeliveryKey> consumed) {
        throw new java.lang.IllegalStateException("an XA session commits through its XAResource");
    }

    /** Closing the session: the transaction manager decides the fate of its branches, not the close. */
    @Override
    void rollback() {
        LOG.log(Level.DEBUG, "An XA session closes; its branches are left to the transaction manager");
    }

    void close() {
        try {
            physical.close();
        } catch (SQLException e) {
            LOG.log(Level.DEBUG, "Closing an XA connection failed: {0}", e.getMessage());
        }
    }

    // ---- XAResource ----

    @Override
    public void start(Xid xid, int flags) throws XAException {
        resource.start(xid, flags);
        active = xid;
    }

    @Override
    public void end(Xid xid, int flags) throws XAException {
        List<DeliveryKey> consumed = session.takeUnacknowledged();
        List<Long> queues;
        List<Long> topics;
        synchronized (this) {
            queues = List.copyOf(touchedQueues);
            topics = List.copyOf(touchedTopics);
            touchedQueues.clear();
            touchedTopics.clear();
        }
        ended.put(xid, new Branch(consumed, queues, topics));
        try {
            if (flags != TMFAIL && !consumed.isEmpty()
                    && engine.store.deliveries().acknowledge(connection, consumed).size() != consumed.size()) {
                // This JVM was taken for dead meanwhile: the branch must not commit.
                resource.end(xid, TMFAIL);
                throw xaFailure(XAException.XA_RBINTEGRITY, "Messages consumed in " + xid
                        + " were released meanwhile; the branch can only roll back", null);
            }
        } catch (StoreException e) {
            resource.end(xid, TMFAIL);
            throw xaFailure(XAException.XA_RBCOMMFAIL, "Could not acknowledge in " + xid, e);
        } finally {
            active = null;
        }
        resource.end(xid, flags);
    }

    @Override
    public int prepare(Xid xid) throws XAException {
        return resource.prepare(xid);
    }

    @Override
    public void commit(Xid xid, boolean onePhase) throws XAException {
        resource.commit(xid, onePhase);
        Branch branch = ended.remove(xid);
        if (branch != null) {
            wake(branch);
        }
    }

    @Override
    public void rollback(Xid xid) throws XAException {
        resource.rollback(xid);
        Branch branch = ended.remove(xid);
        if (branch != null && !branch.consumed().isEmpty()) {
            try {
                engine.writer.release(DepotSession.delivered(branch.consumed()));
            } catch (JMSException e) {
                LOG.log(Level.WARNING, "Messages of rolled-back {0} go back later: {1}", xid, e.getMessage());
            }
        }
    }

    private void wake(Branch branch) {
        branch.queues().forEach(engine.store.wakeups()::wake);
        try {
            engine.autocommit("wake consumers", c -> {
                engine.store.deliveries().notifyDestinations(c, branch.queues(), branch.topics());
                return null;
            });
        } catch (JMSException e) {
            LOG.log(Level.DEBUG, "Consumers elsewhere will find the messages at their next poll: {0}", e.getMessage());
        }
    }

    @Override
    public Xid[] recover(int flag) throws XAException {
        return resource.recover(flag);
    }

    @Override
    public void forget(Xid xid) throws XAException {
        ended.remove(xid);
        resource.forget(xid);
    }

    /**
     * PostgreSQL cannot join one branch from two connections, so only this very resource is the
     * same resource manager as far as a transaction manager's joining goes.
     */
    @Override
    public boolean isSameRM(XAResource other) {
        return other == this;
    }

    @Override
    public int getTransactionTimeout() throws XAException {
        return resource.getTransactionTimeout();
    }

    @Override
    public boolean setTransactionTimeout(int seconds) throws XAException {
        return resource.setTransactionTimeout(seconds);
    }

    private static XAException xaFailure(int code, String message, Exception cause) {
        XAException e = new XAException(message);
        e.errorCode = code;
        if (cause != null) {
            e.initCause(cause);
        }
        return e;
    }
}
