package dev.depot.jms;

import dev.depot.store.QueueInfo;
import dev.depot.store.TopicInfo;
import jakarta.jms.ConnectionConsumer;
import jakarta.jms.ConnectionMetaData;
import jakarta.jms.Destination;
import jakarta.jms.ExceptionListener;
import jakarta.jms.IllegalStateException;
import jakarta.jms.InvalidClientIDException;
import jakarta.jms.JMSException;
import jakarta.jms.Queue;
import jakarta.jms.QueueConnection;
import jakarta.jms.QueueSession;
import jakarta.jms.ServerSessionPool;
import jakarta.jms.Session;
import jakarta.jms.Topic;
import jakarta.jms.TopicConnection;
import jakarta.jms.TopicSession;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A client's connection to Depot. It holds no database connection of its own: its sessions borrow
 * one from the factory's pool for each piece of work, so an idle connection costs the database
 * nothing. It starts stopped; {@link #start()} lets messages flow to its consumers.
 */
public class DepotConnection implements jakarta.jms.Connection, QueueConnection, TopicConnection, TemporaryDestinationOwner {

    private static final System.Logger LOG = System.getLogger(DepotConnection.class.getName());

    final Engine engine;
    final String id = UUID.randomUUID().toString();
    private final List<DepotSession> sessions = new CopyOnWriteArrayList<>();
    private final Map<String, QueueInfo> temporaryQueues = new ConcurrentHashMap<>();
    private final Map<String, TopicInfo> temporaryTopics = new ConcurrentHashMap<>();
    private final ReentrantLock stateLock = new ReentrantLock();
    private final Condition stateChanged = stateLock.newCondition();
    private volatile boolean started;
    private volatile boolean closed;
    private final java.util.concurrent.atomic.AtomicBoolean closing = new java.util.concurrent.atomic.AtomicBoolean();
    private volatile String clientId;
    private volatile boolean clientIdFixed;
    private volatile ExceptionListener exceptionListener;

    /** The user this connection acts for, or null for an anonymous one. */
    final String user;

    DepotConnection(Engine engine, String user) {
        this.engine = engine;
        this.user = user;
    }

    void assignClientId(String value) throws JMSException {
        if (value == null || value.isEmpty()) {
            throw new InvalidClientIDException("A client ID must not be null or empty");
        }
        boolean claimed = engine.autocommit("claim client ID " + value,
                c -> engine.store.clientIds().claim(c, value, id));
        if (!claimed) {
            throw new InvalidClientIDException("Client ID '" + value + "' is already in use by another connection");
        }
        clientId = value;
        clientIdFixed = true;
    }

    void checkOpen() throws IllegalStateException {
        if (closed || closing.get()) {
            throw new IllegalStateException("The connection is closed");
        }
    }

    /** Any action but setClientID fixes the client ID for the life of the connection. */
    private void fixClientId() {
        clientIdFixed = true;
    }

    boolean isStarted() {
        return started;
    }

    boolean isClosed() {
        return closed;
    }

    /**
     * Waits while the connection is stopped, at most {@code millis}; returns whether it is started.
     * A closed connection counts as started, so waiters wake up and find it closed.
     */
    boolean awaitStarted(long millis) throws InterruptedException {
        if (started || closed) {
            return true;
        }
        long nanos = java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(millis);
        stateLock.lock();
        try {
            while (!started && !closed) {
                if (nanos <= 0) {
                    return false;
                }
                nanos = stateChanged.awaitNanos(nanos);
            }
            return true;
        } finally {
            stateLock.unlock();
        }
    }

    /** Wakes threads waiting for start(), so they look again at what changed (a close, say). */
    void wakeWaiters() {
        stateLock.lock();
        try {
            stateChanged.signalAll();
        } finally {
            stateLock.unlock();
        }
    }

    /** Waits until no receive() of this connection's consumers is handing out a message. */
    private void awaitReceivesIdle() {
        for (DepotSession session : sessions) {
            session.awaitReceivesIdle();
        }
    }

    private void signalState() {
        stateLock.lock();
        try {
            stateChanged.signalAll();
        } finally {
            stateLock.unlock();
        }
        sessions.forEach(DepotSession::wakeDispatcher);
    }

    // ---- sessions ----

    @Override
    public Session createSession(boolean transacted, int acknowledgeMode) throws JMSException {
        return newSession(transacted, acknowledgeMode);
    }

    @Override
    public Session createSession(int sessionMode) throws JMSException {
        return newSession(sessionMode == Session.SESSION_TRANSACTED, sessionMode);
    }

    @Override
    public Session createSession() throws JMSException {
        return newSession(false, Session.AUTO_ACKNOWLEDGE);
    }

    @Override
    public QueueSession createQueueSession(boolean transacted, int acknowledgeMode) throws JMSException {
        DepotSession session = newSession(transacted, acknowledgeMode);
        session.restrictTo(DepotSession.Domain.QUEUE);
        return session;
    }

    @Override
    public TopicSession createTopicSession(boolean transacted, int acknowledgeMode) throws JMSException {
        DepotSession session = newSession(transacted, acknowledgeMode);
        session.restrictTo(DepotSession.Domain.TOPIC);
        return session;
    }

    private DepotSession newSession(boolean transacted, int mode) throws JMSException {
        checkOpen();
        fixClientId();
        int ackMode = transacted ? Session.SESSION_TRANSACTED : mode;
        if (!transacted && ackMode != Session.AUTO_ACKNOWLEDGE && ackMode != Session.CLIENT_ACKNOWLEDGE
                && ackMode != Session.DUPS_OK_ACKNOWLEDGE) {
            throw new JMSException("Invalid session mode " + mode + ": use AUTO_ACKNOWLEDGE (1), "
                    + "CLIENT_ACKNOWLEDGE (2), DUPS_OK_ACKNOWLEDGE (3) or SESSION_TRANSACTED (0)");
        }
        DepotSession session = new DepotSession(this, ackMode);
        register(session);
        return session;
    }

    /** A session bound to the application's own JDBC transaction. */
    DepotSession createApplicationSession(java.sql.Connection jdbc) throws JMSException {
        checkOpen();
        DepotSession session = new DepotSession(this, Session.SESSION_TRANSACTED, new ApplicationTransaction(engine, jdbc));
        register(session);
        return session;
    }

    void register(DepotSession session) {
        fixClientId();
        sessions.add(session);
    }

    void sessionClosed(DepotSession session) {
        sessions.remove(session);
    }

    /** The client ID, or null; for internal use, where asking must not fix it. */
    String currentClientId() {
        return clientId;
    }

    // ---- client ID, metadata, exception listener ----

    @Override
    public String getClientID() throws JMSException {
        checkOpen();
        return clientId;
    }

    @Override
    public void setClientID(String value) throws JMSException {
        checkOpen();
        if (clientId != null) {
            throw new IllegalStateException("This connection already has client ID '" + clientId + "'");
        }
        if (clientIdFixed) {
            throw new IllegalStateException("The client ID must be set before any other use of the connection");
        }
        assignClientId(value);
    }

    @Override
    public ConnectionMetaData getMetaData() throws JMSException {
        checkOpen();
        return DepotConnectionMetaData.INSTANCE;
    }

    @Override
    public ExceptionListener getExceptionListener() throws JMSException {
        checkOpen();
        return exceptionListener;
    }

    @Override
    public void setExceptionListener(ExceptionListener listener) throws JMSException {
        checkOpen();
        fixClientId();
        this.exceptionListener = listener;
    }

    /** Tells the application of a failure it could not otherwise see, such as one in asynchronous delivery. */
    void onAsyncFailure(JMSException e) {
        ExceptionListener listener = exceptionListener;
        if (listener != null && !closed) {
            try {
                listener.onException(e);
            } catch (RuntimeException thrown) {
                LOG.log(Level.WARNING, "The ExceptionListener threw", thrown);
            }
        } else {
            LOG.log(Level.WARNING, "Depot: {0}", e.getMessage());
        }
    }

    // ---- start, stop, close ----

    @Override
    public void start() throws JMSException {
        checkOpen();
        fixClientId();
        started = true;
        signalState();
    }

    @Override
    public void stop() throws JMSException {
        checkOpen();
        fixClientId();
        if (DepotSession.isListenerThreadOf(this)) {
            throw new IllegalStateException("A message listener must not stop its own connection");
        }
        started = false;
        signalState();
        for (DepotSession session : sessions) {
            session.awaitListenerIdle();
        }
        awaitReceivesIdle();
    }

    @Override
    public void close() throws JMSException {
        if (closed) {
            return;
        }
        if (DepotSession.isListenerThreadOf(this)) {
            throw new IllegalStateException("A message listener must not close its own connection");
        }
        if (DepotSession.isCompletionThreadOf(this)) {
            throw new IllegalStateException("A CompletionListener must not close its own connection");
        }
        if (!closing.compareAndSet(false, true)) {
            return;
        }
        started = false;
        JMSException failure = null;
        for (DepotSession session : sessions) {
            try {
                session.close();
            } catch (JMSException e) {
                failure = failure == null ? e : failure;
            }
        }
        closed = true;
        signalState();
        for (QueueInfo queue : temporaryQueues.values()) {
            try {
                engine.autocommit("delete temporary queue " + queue.name(), c -> {
                    engine.store.queues().delete(c, queue);
                    return null;
                });
            } catch (JMSException e) {
                LOG.log(Level.WARNING, "Could not delete temporary queue {0}; it goes when this node does: {1}",
                        queue.name(), e.getMessage());
            }
        }
        temporaryQueues.clear();
        for (TopicInfo topic : temporaryTopics.values()) {
            try {
                engine.transaction("delete temporary topic " + topic.name(), c -> {
                    engine.store.topics().delete(c, topic);
                    return null;
                });
            } catch (JMSException e) {
                LOG.log(Level.WARNING, "Could not delete temporary topic {0}; it goes when this node does: {1}",
                        topic.name(), e.getMessage());
            }
        }
        temporaryTopics.clear();
        if (clientId != null) {
            String released = clientId;
            try {
                engine.autocommit("release client ID " + released, c -> {
                    engine.store.clientIds().release(c, released, id);
                    return null;
                });
            } catch (JMSException e) {
                LOG.log(Level.WARNING, "Could not release client ID {0}: {1}", released, e.getMessage());
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    // ---- temporary destinations ----

    DepotTemporaryQueue createTemporaryQueue() throws JMSException {
        checkOpen();
        String name = "temp-" + UUID.randomUUID();
        QueueInfo queue = engine.autocommit("create a temporary queue",
                c -> engine.store.queues().createTemporary(c, name, id));
        temporaryQueues.put(name, queue);
        return new DepotTemporaryQueue(name, this);
    }

    DepotTemporaryTopic createTemporaryTopic() throws JMSException {
        checkOpen();
        String name = "temp-" + UUID.randomUUID();
        TopicInfo topic = engine.autocommit("create a temporary topic",
                c -> engine.store.topics().createTemporary(c, name, id));
        temporaryTopics.put(name, topic);
        return new DepotTemporaryTopic(name, this);
    }

    /** Whether this connection created that temporary destination (and so may consume from it). */
    boolean owns(DepotDestination destination) {
        return destination.isQueue()
                ? temporaryQueues.containsKey(destination.name())
                : temporaryTopics.containsKey(destination.name());
    }

    @Override
    public void deleteTemporary(DepotDestination destination) throws JMSException {
        checkOpen();
        if (!owns(destination)) {
            throw new jakarta.jms.InvalidDestinationException("Temporary destination " + destination + " no longer exists");
        }
        for (DepotSession session : sessions) {
            if (session.hasConsumerOn(destination)) {
                throw new IllegalStateException("Temporary destination " + destination + " still has consumers");
            }
        }
        if (destination.isQueue()) {
            QueueInfo queue = temporaryQueues.get(destination.name());
            engine.autocommit("delete " + destination, c -> {
                engine.store.queues().delete(c, queue);
                return null;
            });
            temporaryQueues.remove(destination.name());
        } else {
            TopicInfo topic = temporaryTopics.get(destination.name());
            engine.transaction("delete " + destination, c -> {
                engine.store.topics().delete(c, topic);
                return null;
            });
            temporaryTopics.remove(destination.name());
        }
    }

    // ---- connection consumers: an application server facility ----

    @Override
    public ConnectionConsumer createConnectionConsumer(Destination destination, String messageSelector,
            ServerSessionPool sessionPool, int maxMessages) throws JMSException {
        throw connectionConsumersUnsupported();
    }

    @Override
    public ConnectionConsumer createSharedConnectionConsumer(Topic topic, String subscriptionName,
            String messageSelector, ServerSessionPool sessionPool, int maxMessages) throws JMSException {
        throw connectionConsumersUnsupported();
    }

    @Override
    public ConnectionConsumer createDurableConnectionConsumer(Topic topic, String subscriptionName,
            String messageSelector, ServerSessionPool sessionPool, int maxMessages) throws JMSException {
        throw connectionConsumersUnsupported();
    }

    @Override
    public ConnectionConsumer createSharedDurableConnectionConsumer(Topic topic, String subscriptionName,
            String messageSelector, ServerSessionPool sessionPool, int maxMessages) throws JMSException {
        throw connectionConsumersUnsupported();
    }

    @Override
    public ConnectionConsumer createConnectionConsumer(Queue queue, String messageSelector,
            ServerSessionPool sessionPool, int maxMessages) throws JMSException {
        throw connectionConsumersUnsupported();
    }

    @Override
    public ConnectionConsumer createConnectionConsumer(Topic topic, String messageSelector,
            ServerSessionPool sessionPool, int maxMessages) throws JMSException {
        throw connectionConsumersUnsupported();
    }

    private JMSException connectionConsumersUnsupported() throws JMSException {
        checkOpen();
        return new JMSException("Connection consumers are an optional application-server facility that Depot "
                + "provides through its resource adapter, not to Java SE clients");
    }
}
