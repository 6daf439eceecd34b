package dev.depot.jms;

import static dev.depot.jms.JmsRuntimeExceptions.convert;

import jakarta.jms.BytesMessage;
import jakarta.jms.CompletionListener;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionMetaData;
import jakarta.jms.Destination;
import jakarta.jms.ExceptionListener;
import jakarta.jms.IllegalStateRuntimeException;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSProducer;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageListener;
import jakarta.jms.MessageProducer;
import jakarta.jms.ObjectMessage;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;
import jakarta.jms.StreamMessage;
import jakarta.jms.TemporaryQueue;
import jakarta.jms.TemporaryTopic;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import java.io.Serializable;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Depot's {@link JMSContext}: a {@link Connection} and one {@link Session} of it, driven through the
 * classic API. Every checked {@link JMSException} of the classic objects leaves as the unchecked
 * exception of the same name ({@link JmsRuntimeExceptions}).
 *
 * <h2>Connection and session</h2>
 * <ul>
 * <li>The context owns the connection it was made with. {@link #createContext(int)} makes another
 *     context on the same connection; the connection is closed when the last context using it is
 *     closed.</li>
 * <li>The session is created at the first use that needs it, so that {@link #setClientID(String)}
 *     can still be called right after the context is made.</li>
 * <li>{@code autoStart} (default true): creating a consumer starts the connection.</li>
 * </ul>
 *
 * <h2>Acknowledgement</h2>
 * The session runs in the context's own mode, so acknowledgement is entirely the session's. The
 * context needs Depot's classic objects, not just any {@link Connection}: {@code receiveBody}
 * relies on {@link DepotMessageConsumer}'s, which leaves a message whose body it refuses first in
 * line and unacknowledged in AUTO and DUPS_OK, as the specification demands; and
 * {@link #acknowledge()} on {@link DepotSession}'s, since {@code receiveBody} hands the application
 * no message whose {@code acknowledge()} could be called.
 *
 * <h2>Threads</h2>
 * Like a session, a context is for one thread at a time, except {@link #close()}. Its message
 * listeners run on the session's delivery thread and its completion listeners on the session's
 * completion thread; the context recognises both (through thread-locals set by the wrappers it puts
 * around them) to refuse what the specification forbids there: closing or stopping the context from
 * its own message listener, and closing, committing or rolling back from its own completion listener.
 */
public class DepotJMSContext implements JMSContext {

    /** The context whose MessageListener runs on the current thread. */
    private static final ThreadLocal<DepotJMSContext> LISTENER_CONTEXT = new ThreadLocal<>();

    /** The context whose CompletionListener runs on the current thread. */
    private static final ThreadLocal<DepotJMSContext> COMPLETION_CONTEXT = new ThreadLocal<>();

    /** Opens the connection a new context will own. */
    @FunctionalInterface
    interface ConnectionOpener {
        Connection open() throws JMSException;
    }

    private final SharedConnection shared;
    private final int sessionMode;
    private final Object sessionLock = new Object();
    /** Created at first use. Guarded by sessionLock. */
    private DepotSession session;
    /** The anonymous producer every JMSProducer of this context sends with. Guarded by sessionLock. */
    private MessageProducer producer;
    /** Set when close() begins: no new session, no new message listeners. */
    private final AtomicBoolean closing = new AtomicBoolean();
    /** Set once close() has waited for the running listener and callbacks: from then on, everything fails. */
    private volatile boolean closed;
    private volatile boolean autoStart = true;
    private final Set<DepotJMSConsumer> consumers = ConcurrentHashMap.newKeySet();
    private final Object completionLock = new Object();
    /** Asynchronous sends whose CompletionListener has not returned yet. Guarded by completionLock. */
    private int pendingCompletions;

    /**
     * A context that owns {@code connection} and uses it with the given session mode. When the mode
     * is invalid the connection is closed and a {@link JMSRuntimeException} thrown.
     *
     * @param connection  a connection nothing else uses; the context closes it
     * @param sessionMode {@code AUTO_ACKNOWLEDGE}, {@code CLIENT_ACKNOWLEDGE}, {@code DUPS_OK_ACKNOWLEDGE}
     *                    or {@code SESSION_TRANSACTED}
     */
    DepotJMSContext(Connection connection, int sessionMode) {
        this(adopt(connection, sessionMode), sessionMode);
    }

    private DepotJMSContext(SharedConnection shared, int sessionMode) {
        this.shared = shared;
        this.sessionMode = sessionMode;
    }

    /**
     * For the connection factory's {@code createContext} methods: checks the session mode, then opens
     * the connection and makes the context that owns it, converting failures to unchecked exceptions.
     */
    static DepotJMSContext open(ConnectionOpener opener, int sessionMode) {
        checkSessionMode(sessionMode);
        Connection connection;
        try {
            connection = opener.open();
        } catch (JMSException e) {
            throw convert(e);
        }
        return new DepotJMSContext(connection, sessionMode);
    }

    private static SharedConnection adopt(Connection connection, int sessionMode) {
        Objects.requireNonNull(connection, "connection");
        try {
            checkSessionMode(sessionMode);
        } catch (JMSRuntimeException e) {
            try {
                connection.close();
            } catch (JMSException | RuntimeException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
        return new SharedConnection(connection);
    }

    static void checkSessionMode(int sessionMode) {
        if (sessionMode != AUTO_ACKNOWLEDGE && sessionMode != CLIENT_ACKNOWLEDGE
                && sessionMode != DUPS_OK_ACKNOWLEDGE && sessionMode != SESSION_TRANSACTED) {
            throw new JMSRuntimeException("Invalid session mode " + sessionMode + ": use JMSContext.AUTO_ACKNOWLEDGE (1), "
                    + "CLIENT_ACKNOWLEDGE (2), DUPS_OK_ACKNOWLEDGE (3) or SESSION_TRANSACTED (0)");
        }
    }

    // ---------------------------------------------------------------- state

    void checkOpen() {
        if (closed) {
            throw new IllegalStateRuntimeException("The JMSContext is closed");
        }
    }

    /** Checks the context is open and fixes the client ID: any use but setClientID comes too late for it. */
    private void use() {
        checkOpen();
        shared.fixClientId();
    }

    boolean isClosing() {
        return closing.get();
    }

    /** The context's session, created at the first call. */
    private DepotSession session() {
        synchronized (sessionLock) {
            checkOpen();
            if (session == null) {
                if (closing.get()) {
                    throw new IllegalStateRuntimeException("The JMSContext is closing");
                }
                shared.fixClientId();
                try {
                    session = newSession(shared.connection, sessionMode);
                } catch (JMSException e) {
                    throw convert(e);
                }
            }
            return session;
        }
    }

    /** Opens the context's session; an XA context opens an XA session. */
    DepotSession newSession(Connection connection, int mode) throws JMSException {
        return (DepotSession) connection.createSession(mode);
    }

    /** The context's session, opening it if need be. */
    DepotSession currentSession() {
        return session();
    }

    /** The session if it has been created, else null (then nothing was received, sent or created yet). */
    private DepotSession existingSession() {
        synchronized (sessionLock) {
            checkOpen();
            return session;
        }
    }

    @FunctionalInterface
    private interface SessionWork<T> {
        T apply(Session session) throws JMSException;
    }

    private <T> T withSession(SessionWork<T> work) {
        Session s = session();
        try {
            return work.apply(s);
        } catch (JMSException e) {
            throw convert(e);
        }
    }

    // ---------------------------------------------------------------- contexts and producers

    @Override
    public JMSContext createContext(int mode) {
        checkOpen();
        checkSessionMode(mode);
        shared.join();
        return new DepotJMSContext(shared, mode);
    }

    @Override
    public JMSProducer createProducer() {
        use();
        return new DepotJMSProducer(this);
    }

    /** Sends for a JMSProducer of this context, with its delivery settings, through the context's one producer. */
    void send(Destination destination, Message message, DepotJMSProducer settings) {
        MessageProducer sender = messageProducer();
        CompletionListener async = settings.getAsync();
        try {
            synchronized (sender) {
                sender.setDeliveryDelay(settings.getDeliveryDelay());
                sender.setDisableMessageID(settings.getDisableMessageID());
                sender.setDisableMessageTimestamp(settings.getDisableMessageTimestamp());
                if (async == null) {
                    sender.send(destination, message, settings.getDeliveryMode(), settings.getPriority(),
                            settings.getTimeToLive());
                } else {
                    ContextCompletion completion = completionFor(async);
                    try {
                        sender.send(destination, message, settings.getDeliveryMode(), settings.getPriority(),
                                settings.getTimeToLive(), completion);
                    } catch (JMSException | RuntimeException e) {
                        // The send failed in this thread: its listener is not called and nothing waits for it.
                        completion.finish();
                        throw e;
                    }
                }
            }
        } catch (JMSException e) {
            throw convert(e);
        }
    }

    private MessageProducer messageProducer() {
        Session s = session();
        synchronized (sessionLock) {
            if (producer == null) {
                try {
                    producer = s.createProducer(null);
                } catch (JMSException e) {
                    throw convert(e);
                }
            }
            return producer;
        }
    }

    // ---------------------------------------------------------------- client ID, metadata, exception listener

    @Override
    public String getClientID() {
        checkOpen();
        try {
            return shared.connection.getClientID();
        } catch (JMSException e) {
            throw convert(e);
        }
    }

    @Override
    public void setClientID(String clientID) {
        checkOpen();
        shared.setClientId(clientID);
    }

    @Override
    public ConnectionMetaData getMetaData() {
        checkOpen();
        try {
            return shared.connection.getMetaData();
        } catch (JMSException e) {
            throw convert(e);
        }
    }

    @Override
    public ExceptionListener getExceptionListener() {
        checkOpen();
        try {
            return shared.connection.getExceptionListener();
        } catch (JMSException e) {
            throw convert(e);
        }
    }

    @Override
    public void setExceptionListener(ExceptionListener listener) {
        use();
        try {
            shared.connection.setExceptionListener(listener);
        } catch (JMSException e) {
            throw convert(e);
        }
    }

    // ---------------------------------------------------------------- start, stop, close

    @Override
    public void start() {
        use();
        shared.start();
    }

    @Override
    public void stop() {
        checkOpen();
        if (LISTENER_CONTEXT.get() == this) {
            throw new IllegalStateRuntimeException("A MessageListener must not stop its own JMSContext");
        }
        shared.fixClientId();
        shared.stop();
    }

    @Override
    public void setAutoStart(boolean autoStart) {
        use();
        this.autoStart = autoStart;
    }

    @Override
    public boolean getAutoStart() {
        checkOpen();
        return autoStart;
    }

    /**
     * Closes the session and, when no other context uses it, the connection. Waits first for the
     * completion listeners of this context's asynchronous sends and for a message listener of this
     * context that is running; while they run, the context is fully usable to them. Once the close
     * has begun, no further message reaches a listener: it stays on its queue.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        if (LISTENER_CONTEXT.get() == this) {
            throw new IllegalStateRuntimeException("A MessageListener must not close its own JMSContext");
        }
        if (COMPLETION_CONTEXT.get() == this) {
            throw new IllegalStateRuntimeException("A CompletionListener must not close its own JMSContext");
        }
        if (!closing.compareAndSet(false, true)) {
            return;
        }
        // In AUTO and DUPS_OK a listener's message is acknowledged when the listener returns, so one
        // that reached a listener after the context closed would be lost: detach the listeners, then
        // wait for the delivery in progress, before anything becomes unusable.
        for (DepotJMSConsumer consumer : consumers) {
            consumer.stopDelivery();
        }
        awaitCompletions();
        DepotSession s;
        synchronized (sessionLock) {
            s = session;
        }
        if (s != null) {
            s.awaitListenerIdle();
        }
        synchronized (sessionLock) {
            closed = true;
        }
        JMSRuntimeException failure = null;
        if (s != null) {
            try {
                s.close();
            } catch (JMSException e) {
                failure = convert(e);
            }
        }
        for (DepotJMSConsumer consumer : consumers) {
            consumer.contextClosed();
        }
        consumers.clear();
        try {
            shared.leave();
        } catch (JMSException e) {
            if (failure == null) {
                failure = convert(e);
            } else {
                failure.addSuppressed(e);
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    // ---------------------------------------------------------------- messages

    @Override
    public BytesMessage createBytesMessage() {
        return withSession(Session::createBytesMessage);
    }

    @Override
    public MapMessage createMapMessage() {
        return withSession(Session::createMapMessage);
    }

    @Override
    public Message createMessage() {
        return withSession(Session::createMessage);
    }

    @Override
    public ObjectMessage createObjectMessage() {
        return withSession(Session::createObjectMessage);
    }

    @Override
    public ObjectMessage createObjectMessage(Serializable object) {
        return withSession(s -> s.createObjectMessage(object));
    }

    @Override
    public StreamMessage createStreamMessage() {
        return withSession(Session::createStreamMessage);
    }

    @Override
    public TextMessage createTextMessage() {
        return withSession(Session::createTextMessage);
    }

    @Override
    public TextMessage createTextMessage(String text) {
        return withSession(s -> s.createTextMessage(text));
    }

    // ---------------------------------------------------------------- transaction and acknowledgement

    @Override
    public boolean getTransacted() {
        checkOpen();
        return sessionMode == SESSION_TRANSACTED;
    }

    @Override
    public int getSessionMode() {
        checkOpen();
        return sessionMode;
    }

    @Override
    public void commit() {
        endTransaction("commit", "commit", DepotSession::commit);
    }

    @Override
    public void rollback() {
        endTransaction("roll back", "rollback", DepotSession::rollback);
    }

    @FunctionalInterface
    private interface Ending {
        void end(DepotSession session) throws JMSException;
    }

    /** Commit and rollback share their rules: transacted only, not from a CompletionListener, after its sends complete. */
    private void endTransaction(String verb, String method, Ending ending) {
        checkOpen();
        if (COMPLETION_CONTEXT.get() == this) {
            throw new IllegalStateRuntimeException("A CompletionListener must not " + verb + " its own JMSContext");
        }
        if (sessionMode != SESSION_TRANSACTED) {
            throw new IllegalStateRuntimeException(method + "() is only for a transacted JMSContext (SESSION_TRANSACTED)");
        }
        shared.fixClientId();
        DepotSession s = existingSession();
        if (s == null) {
            return;
        }
        awaitCompletions();
        try {
            ending.end(s);
        } catch (JMSException e) {
            throw convert(e);
        }
    }

    @Override
    public void recover() {
        use();
        if (sessionMode == SESSION_TRANSACTED) {
            throw new IllegalStateRuntimeException("recover() is not for a transacted JMSContext; use rollback()");
        }
        DepotSession s = existingSession();
        if (s == null) {
            return;
        }
        try {
            s.recover();
        } catch (JMSException e) {
            throw convert(e);
        }
    }

    /**
     * Acknowledges every message the session has consumed, in CLIENT_ACKNOWLEDGE; does nothing in the
     * other modes.
     */
    @Override
    public void acknowledge() {
        checkOpen();
        shared.fixClientId();
        DepotSession s = existingSession();
        if (s == null) {
            return;
        }
        try {
            s.acknowledge();
        } catch (JMSException e) {
            throw convert(e);
        }
    }

    // ---------------------------------------------------------------- destinations

    @Override
    public Queue createQueue(String queueName) {
        return withSession(s -> s.createQueue(queueName));
    }

    @Override
    public Topic createTopic(String topicName) {
        return withSession(s -> s.createTopic(topicName));
    }

    @Override
    public TemporaryQueue createTemporaryQueue() {
        return withSession(Session::createTemporaryQueue);
    }

    @Override
    public TemporaryTopic createTemporaryTopic() {
        return withSession(Session::createTemporaryTopic);
    }

    // ---------------------------------------------------------------- consumers and browsers

    @Override
    public JMSConsumer createConsumer(Destination destination) {
        return consumer(s -> s.createConsumer(destination));
    }

    @Override
    public JMSConsumer createConsumer(Destination destination, String messageSelector) {
        return consumer(s -> s.createConsumer(destination, messageSelector));
    }

    @Override
    public JMSConsumer createConsumer(Destination destination, String messageSelector, boolean noLocal) {
        return consumer(s -> s.createConsumer(destination, messageSelector, noLocal));
    }

    @Override
    public JMSConsumer createDurableConsumer(Topic topic, String name) {
        return consumer(s -> s.createDurableConsumer(topic, name));
    }

    @Override
    public JMSConsumer createDurableConsumer(Topic topic, String name, String messageSelector, boolean noLocal) {
        return consumer(s -> s.createDurableConsumer(topic, name, messageSelector, noLocal));
    }

    @Override
    public JMSConsumer createSharedDurableConsumer(Topic topic, String name) {
        return consumer(s -> s.createSharedDurableConsumer(topic, name));
    }

    @Override
    public JMSConsumer createSharedDurableConsumer(Topic topic, String name, String messageSelector) {
        return consumer(s -> s.createSharedDurableConsumer(topic, name, messageSelector));
    }

    @Override
    public JMSConsumer createSharedConsumer(Topic topic, String sharedSubscriptionName) {
        return consumer(s -> s.createSharedConsumer(topic, sharedSubscriptionName));
    }

    @Override
    public JMSConsumer createSharedConsumer(Topic topic, String sharedSubscriptionName, String messageSelector) {
        return consumer(s -> s.createSharedConsumer(topic, sharedSubscriptionName, messageSelector));
    }

    /** Creates the classic consumer, wraps it, and starts the connection when autoStart says so. */
    private JMSConsumer consumer(SessionWork<MessageConsumer> creation) {
        MessageConsumer classic = withSession(creation);
        DepotJMSConsumer consumer = new DepotJMSConsumer(this, classic);
        consumers.add(consumer);
        if (autoStart) {
            try {
                shared.start();
            } catch (JMSRuntimeException e) {
                consumers.remove(consumer);
                try {
                    classic.close();
                } catch (JMSException suppressed) {
                    e.addSuppressed(suppressed);
                }
                throw e;
            }
        }
        return consumer;
    }

    void consumerClosed(DepotJMSConsumer consumer) {
        consumers.remove(consumer);
    }

    @Override
    public QueueBrowser createBrowser(Queue queue) {
        return withSession(s -> s.createBrowser(queue));
    }

    @Override
    public QueueBrowser createBrowser(Queue queue, String messageSelector) {
        return withSession(s -> s.createBrowser(queue, messageSelector));
    }

    @Override
    public void unsubscribe(String name) {
        withSession(s -> {
            s.unsubscribe(name);
            return null;
        });
    }

    // ---------------------------------------------------------------- listeners

    /** The listener the classic consumer gets for an application's listener. */
    MessageListener listenerFor(MessageListener target) {
        return new ContextListener(target);
    }

    /**
     * Runs an application's MessageListener marking the thread as this context's listener thread,
     * so that the context can refuse to be closed or stopped from it.
     */
    private final class ContextListener implements MessageListener {

        private final MessageListener target;

        ContextListener(MessageListener target) {
            this.target = target;
        }

        @Override
        public void onMessage(Message message) {
            DepotJMSContext outer = LISTENER_CONTEXT.get();
            LISTENER_CONTEXT.set(DepotJMSContext.this);
            try {
                target.onMessage(message);
            } finally {
                restore(LISTENER_CONTEXT, outer);
            }
        }
    }

    /** Counts an asynchronous send and returns the listener that the classic producer gets for it. */
    private ContextCompletion completionFor(CompletionListener target) {
        synchronized (completionLock) {
            pendingCompletions++;
        }
        return new ContextCompletion(target);
    }

    /** Waits until the completion listeners of this context's asynchronous sends have returned. */
    private void awaitCompletions() {
        synchronized (completionLock) {
            while (pendingCompletions > 0) {
                try {
                    completionLock.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Runs an application's CompletionListener, marking the thread as this context's completion thread. */
    private final class ContextCompletion implements CompletionListener {

        private final CompletionListener target;
        private final AtomicBoolean finished = new AtomicBoolean();

        ContextCompletion(CompletionListener target) {
            this.target = target;
        }

        @Override
        public void onCompletion(Message message) {
            call(() -> target.onCompletion(message));
        }

        @Override
        public void onException(Message message, Exception exception) {
            call(() -> target.onException(message, exception));
        }

        private void call(Runnable callback) {
            DepotJMSContext outer = COMPLETION_CONTEXT.get();
            COMPLETION_CONTEXT.set(DepotJMSContext.this);
            try {
                callback.run();
            } finally {
                restore(COMPLETION_CONTEXT, outer);
                finish();
            }
        }

        void finish() {
            if (finished.compareAndSet(false, true)) {
                synchronized (completionLock) {
                    pendingCompletions--;
                    completionLock.notifyAll();
                }
            }
        }
    }

    private static void restore(ThreadLocal<DepotJMSContext> local, DepotJMSContext outer) {
        if (outer == null) {
            local.remove();
        } else {
            local.set(outer);
        }
    }

    @Override
    public String toString() {
        return "DepotJMSContext[mode=" + sessionMode + (closed ? ", closed" : "") + "]";
    }

    // ---------------------------------------------------------------- the shared connection

    /**
     * The connection of a context and of the contexts made from it with createContext(int): closed
     * when the last of them closes. It also knows whether the client ID can still be set.
     */
    private static final class SharedConnection {

        final Connection connection;
        private int users = 1;
        private boolean clientIdFixed;

        SharedConnection(Connection connection) {
            this.connection = connection;
        }

        synchronized void join() {
            if (users == 0) {
                throw new IllegalStateRuntimeException("The connection of this JMSContext is closed");
            }
            users++;
            clientIdFixed = true;
        }

        synchronized void fixClientId() {
            clientIdFixed = true;
        }

        void start() {
            try {
                connection.start();
            } catch (JMSException e) {
                throw convert(e);
            }
        }

        void stop() {
            try {
                connection.stop();
            } catch (JMSException e) {
                throw convert(e);
            }
        }

        synchronized void setClientId(String clientId) {
            if (clientIdFixed) {
                throw new IllegalStateRuntimeException("The client ID must be set right after the JMSContext is "
                        + "created, before any other use of it or of its connection");
            }
            try {
                connection.setClientID(clientId);
            } catch (JMSException e) {
                throw convert(e);
            }
            clientIdFixed = true;
        }

        void leave() throws JMSException {
            boolean last;
            synchronized (this) {
                last = --users == 0;
            }
            if (last) {
                connection.close();
            }
        }
    }
}
