package dev.depot.jms;

import dev.depot.jms.message.DepotBytesMessage;
import dev.depot.jms.message.DepotMapMessage;
import dev.depot.jms.message.DepotMessage;
import dev.depot.jms.message.DepotObjectMessage;
import dev.depot.jms.message.DepotStreamMessage;
import dev.depot.jms.message.DepotTextMessage;
import dev.depot.jms.message.MessageCodec;
import dev.depot.jms.selector.Selector;
import dev.depot.store.Attachment;
import dev.depot.store.DeliveryKey;
import dev.depot.store.OutgoingMessage;
import dev.depot.store.QueueInfo;
import dev.depot.store.Queues;
import dev.depot.store.Release;
import dev.depot.store.StoreException;
import dev.depot.store.StoredDelivery;
import dev.depot.store.TopicInfo;
import jakarta.jms.BytesMessage;
import jakarta.jms.CompletionListener;
import jakarta.jms.DeliveryMode;
import jakarta.jms.Destination;
import jakarta.jms.IllegalStateException;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSException;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageListener;
import jakarta.jms.MessageProducer;
import jakarta.jms.ObjectMessage;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.jms.QueueReceiver;
import jakarta.jms.QueueSender;
import jakarta.jms.QueueSession;
import jakarta.jms.Session;
import jakarta.jms.StreamMessage;
import jakarta.jms.TemporaryQueue;
import jakarta.jms.TemporaryTopic;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import jakarta.jms.TopicPublisher;
import jakarta.jms.TopicSession;
import jakarta.jms.TopicSubscriber;
import java.io.Serializable;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A single-threaded context for producing and consuming, as the specification defines it. How its
 * work reaches the database is decided by its {@link SessionTransaction}: a transacted session
 * gathers sends and acknowledgements into one database transaction at {@link #commit()}; the other
 * modes hand them to the factory's group committer.
 *
 * <p>Messages reach a {@link MessageListener} on one thread per session, one at a time, as the
 * specification requires; {@code receive()} runs on the caller's thread.
 */
public class DepotSession implements Session, QueueSession, TopicSession {

    private static final System.Logger LOG = System.getLogger(DepotSession.class.getName());

    /** In DUPS_OK mode, acknowledgements are sent in groups of this many. */
    private static final int DUPS_OK_BATCH = 64;

    /** The session whose listener runs on the current thread, to refuse calls that would deadlock. */
    private static final ThreadLocal<DepotSession> LISTENER_SESSION = new ThreadLocal<>();

    /** The session whose CompletionListener runs on the current thread, likewise. */
    private static final ThreadLocal<DepotSession> COMPLETION_SESSION = new ThreadLocal<>();

    final DepotConnection connection;
    final Engine engine;
    private final int ackMode;
    private final SessionTransaction transaction;
    private final List<DepotMessageConsumer> consumers = new CopyOnWriteArrayList<>();
    private final List<DepotMessageProducer> producers = new CopyOnWriteArrayList<>();
    private final List<DepotQueueBrowser> browsers = new CopyOnWriteArrayList<>();
    /** Delivered to the application and not yet acknowledged, in delivery order. Guarded by itself. */
    private final List<DeliveryKey> unacknowledged = new ArrayList<>();
    /** Held while a listener runs, so stop() and close() can wait for it. */
    private final ReentrantLock deliveryLock = new ReentrantLock();
    private final ReentrantLock wakeLock = new ReentrantLock();
    private final Condition wakeCondition = wakeLock.newCondition();
    private long wakeEpoch;
    private volatile Thread dispatcher;
    private volatile boolean closed;
    /** Runs CompletionListener callbacks, in the order the sends completed; created on first use. */
    private java.util.concurrent.ExecutorService completions;
    private final java.util.concurrent.Phaser pendingCompletions = new java.util.concurrent.Phaser(1);
    /** The last non-persistent send written in the background; the writer completes them in order. */
    private volatile CompletableFuture<Void> backgroundSends;
    private MessageListener sessionListener;
    /** A QueueSession or TopicSession refuses the other domain's methods, as the specification says. */
    private Domain domain = Domain.BOTH;

    enum Domain { BOTH, QUEUE, TOPIC }

    void restrictTo(Domain value) {
        this.domain = value;
    }

    private void requireDomain(Domain needed, String method) throws IllegalStateException {
        if (domain != Domain.BOTH && domain != needed) {
            throw new IllegalStateException(method + " is not allowed on a "
                    + (domain == Domain.QUEUE ? "QueueSession" : "TopicSession"));
        }
    }

    DepotSession(DepotConnection connection, int ackMode) {
        this(connection, ackMode, ackMode == SESSION_TRANSACTED
                ? new SessionTransaction.Local(connection.engine)
                : new SessionTransaction.None(connection.engine));
    }

    DepotSession(DepotConnection connection, int ackMode, SessionTransaction transaction) {
        this.connection = connection;
        this.engine = connection.engine;
        this.ackMode = ackMode;
        this.transaction = transaction;
    }

    SessionTransaction transaction() {
        return transaction;
    }

    static boolean isListenerThreadOf(DepotConnection connection) {
        DepotSession session = LISTENER_SESSION.get();
        return session != null && session.connection == connection;
    }

    static boolean isCompletionThreadOf(DepotConnection connection) {
        DepotSession session = COMPLETION_SESSION.get();
        return session != null && session.connection == connection;
    }

    private void checkNotXa(String what) throws jakarta.jms.TransactionInProgressException {
        if (transaction instanceof XaTransaction) {
            throw new jakarta.jms.TransactionInProgressException("An XA session's transaction is the transaction "
                    + "manager's: " + what + " through its XAResource");
        }
    }

    private void checkNotInCompletionListener(String what) throws IllegalStateException {
        if (COMPLETION_SESSION.get() == this) {
            throw new IllegalStateException("A CompletionListener must not " + what + " its own session");
        }
    }

    void checkOpen() throws IllegalStateException {
        if (closed) {
            throw new IllegalStateException("The session is closed");
        }
        connection.checkOpen();
    }

    boolean isClosed() {
        return closed || connection.isClosed();
    }

    // ---- messages ----

    @Override
    public BytesMessage createBytesMessage() throws JMSException {
        checkOpen();
        return new DepotBytesMessage();
    }

    @Override
    public MapMessage createMapMessage() throws JMSException {
        checkOpen();
        return new DepotMapMessage();
    }

    @Override
    public Message createMessage() throws JMSException {
        checkOpen();
        return new DepotMessage();
    }

    @Override
    public ObjectMessage createObjectMessage() throws JMSException {
        checkOpen();
        return new DepotObjectMessage();
    }

    @Override
    public ObjectMessage createObjectMessage(Serializable object) throws JMSException {
        checkOpen();
        return new DepotObjectMessage(object);
    }

    @Override
    public StreamMessage createStreamMessage() throws JMSException {
        checkOpen();
        return new DepotStreamMessage();
    }

    @Override
    public TextMessage createTextMessage() throws JMSException {
        checkOpen();
        return new DepotTextMessage();
    }

    @Override
    public TextMessage createTextMessage(String text) throws JMSException {
        checkOpen();
        return new DepotTextMessage(text);
    }

    // ---- transaction and acknowledgement ----

    @Override
    public boolean getTransacted() throws JMSException {
        checkOpen();
        return ackMode == SESSION_TRANSACTED;
    }

    @Override
    public int getAcknowledgeMode() throws JMSException {
        checkOpen();
        return ackMode;
    }

    @Override
    public void commit() throws JMSException {
        checkOpen();
        checkNotInCompletionListener("commit");
        checkNotXa("commit");
        if (ackMode != SESSION_TRANSACTED) {
            throw new IllegalStateException("commit() is only for transacted sessions");
        }
        List<DeliveryKey> consumed = takeUnacknowledged();
        try {
            transaction.commit(consumed);
        } catch (JMSException e) {
            // The database transaction is gone: what this session consumed goes back for redelivery.
            releaseQuietly(delivered(consumed));
            releaseQuietly(drainPrefetched());
            throw e;
        }
    }

    @Override
    public void rollback() throws JMSException {
        checkOpen();
        checkNotInCompletionListener("roll back");
        checkNotXa("rollback");
        if (ackMode != SESSION_TRANSACTED) {
            throw new IllegalStateException("rollback() is only for transacted sessions");
        }
        transaction.rollback();
        redeliverAll();
    }

    @Override
    public void recover() throws JMSException {
        checkOpen();
        if (ackMode == SESSION_TRANSACTED) {
            throw new IllegalStateException("recover() is not for transacted sessions; use rollback()");
        }
        redeliverAll();
    }

    /** Everything delivered and not acknowledged goes back, then what consumers prefetched, so order holds. */
    private void redeliverAll() throws JMSException {
        List<Release> releases = delivered(takeUnacknowledged());
        releases.addAll(drainPrefetched());
        engine.writer.release(releases);
        wakeDispatcher();
    }

    private List<Release> drainPrefetched() {
        List<Release> releases = new ArrayList<>();
        for (DepotMessageConsumer consumer : consumers) {
            consumer.drainPrefetched(releases);
        }
        return releases;
    }

    static List<Release> delivered(List<DeliveryKey> keys) {
        List<Release> releases = new ArrayList<>(keys.size());
        keys.forEach(key -> releases.add(new Release(key, true)));
        return releases;
    }

    private void releaseQuietly(List<Release> releases) {
        try {
            engine.writer.release(releases);
        } catch (JMSException e) {
            LOG.log(Level.WARNING, "Could not release {0} message(s) yet; retrying: {1}", releases.size(), e.getMessage());
        }
    }

    List<DeliveryKey> takeUnacknowledged() {
        synchronized (unacknowledged) {
            List<DeliveryKey> taken = new ArrayList<>(unacknowledged);
            unacknowledged.clear();
            return taken;
        }
    }

    /** CLIENT_ACKNOWLEDGE: acknowledges every message this session has delivered so far. */
    void acknowledge() throws JMSException {
        if (closed) {
            throw new IllegalStateException("The session of this message is closed");
        }
        connection.checkOpen();
        if (ackMode != CLIENT_ACKNOWLEDGE) {
            return;
        }
        List<DeliveryKey> keys = takeUnacknowledged();
        if (!keys.isEmpty()) {
            try {
                engine.writer.acknowledge(keys);
            } catch (JMSException e) {
                synchronized (unacknowledged) {
                    unacknowledged.addAll(0, keys);
                }
                throw e;
            }
        }
    }

    // ---- delivery ----

    /**
     * Turns a claimed delivery into the application's message, or returns null when it must not be
     * delivered: expired (it is deleted) or out of deliveries (it goes to the dead-letter queue).
     */
    DepotMessage prepare(DepotMessageConsumer consumer, StoredDelivery delivery) throws JMSException {
        DepotMessage message;
        try {
            if (!transaction.takesOnReceive() && delivery.expiresAt() != 0
                    && delivery.expiresAt() <= System.currentTimeMillis()) {
                acknowledgeInBackground(List.of(delivery.key()));
                return null;
            }
            QueueInfo queue = consumer.queue;
            String dlq = queue.deadLetterQueue();
            if (dlq != null && !dlq.equals(queue.name()) && delivery.deliveryCount() > queue.maxDeliveryCount()
                    && !transaction.takesOnReceive()) {
                deadLetter(queue, delivery);
                return null;
            }
            message = MessageCodec.decode(delivery.headers(), delivery.body());
            if (!consumer.accepts(message)) {
                acknowledgeInBackground(List.of(delivery.key()));
                return null;
            }
        } catch (JMSException | RuntimeException e) {
            // Counted as a delivery, so a message that cannot be read ends in the dead-letter queue.
            if (!transaction.takesOnReceive()) {
                engine.writer.releaseLater(List.of(new Release(delivery.key(), true)));
            }
            throw JmsExceptions.from(e, "deliver message " + delivery.messageId());
        }
        message.markReceived(delivery.deliveryCount() > 1, delivery.deliveryCount());
        if (ackMode == CLIENT_ACKNOWLEDGE) {
            message.setAcknowledger(this::acknowledge);
        }
        if (!transaction.takesOnReceive()) {
            synchronized (unacknowledged) {
                unacknowledged.add(delivery.key());
            }
        }
        return message;
    }

    /** Acknowledges without waiting; what fails to be acknowledged is released, to be delivered again. */
    private void acknowledgeInBackground(List<DeliveryKey> keys) throws JMSException {
        engine.writer.acknowledgeAsync(keys).whenComplete((ok, failure) -> {
            if (failure != null) {
                engine.writer.releaseLater(delivered(keys));
            }
        });
    }

    private void deadLetter(QueueInfo queue, StoredDelivery delivery) throws JMSException {
        engine.autocommit("move message " + delivery.messageId() + " to " + queue.deadLetterQueue(), c -> {
            QueueInfo dlq = engine.store.queues().ensure(c, queue.deadLetterQueue());
            engine.store.deliveries().deadLetter(c, delivery.key(), dlq);
            return null;
        });
        LOG.log(Level.DEBUG, "Message {0} went to {1} after {2} deliveries",
                delivery.messageId(), queue.deadLetterQueue(), delivery.deliveryCount() - 1);
    }

    /**
     * Whether receive() acknowledges each message with a synchronous commit before the application
     * sees it. A consumer of such a session may claim without waiting for the disk: that commit,
     * which starts after the claim returned, flushes the claim too.
     */
    boolean acknowledgesBeforeHandingOut() {
        return ackMode == AUTO_ACKNOWLEDGE && transaction instanceof SessionTransaction.None;
    }

    /** After receive() hands a message to the application: the acknowledgement its mode asks for. */
    void afterReceive(DeliveryKey key, boolean persistent) throws JMSException {
        if (ackMode == AUTO_ACKNOWLEDGE || transaction.outsideTransaction()) {
            synchronized (unacknowledged) {
                unacknowledged.remove(key);
            }
            acknowledgeNow(key, persistent);
        } else if (ackMode == DUPS_OK_ACKNOWLEDGE) {
            flushDupsOk(DUPS_OK_BATCH);
        }
    }

    /**
     * receiveBody found a body of the wrong type: in AUTO and DUPS_OK the message goes back first
     * in line, as if never delivered; in the other modes it stays delivered, to be acknowledged,
     * recovered or rolled back with the rest.
     */
    void refuseBody(DepotMessageConsumer consumer, StoredDelivery delivery) {
        if (ackMode == AUTO_ACKNOWLEDGE || ackMode == DUPS_OK_ACKNOWLEDGE) {
            synchronized (unacknowledged) {
                unacknowledged.remove(delivery.key());
            }
            consumer.pushBack(delivery);
        }
    }

    /**
     * Acknowledges one message as its mode says, at once. A persistent message's acknowledgement is
     * committed before this returns; if that fails the message goes back to the queue and the
     * failure is thrown. A non-persistent message is delivered at most once: its acknowledgement
     * is written in the background, as often as it takes, and the message is never given back.
     */
    private void acknowledgeNow(DeliveryKey key, boolean persistent) throws JMSException {
        if (!persistent) {
            engine.writer.acknowledgeEventually(List.of(key));
            return;
        }
        try {
            engine.writer.acknowledge(List.of(key));
        } catch (JMSException e) {
            engine.writer.releaseLater(List.of(new Release(key, true)));
            throw e;
        }
    }

    /** DUPS_OK: sends the gathered acknowledgements once there are at least {@code threshold}. */
    void flushDupsOk(int threshold) throws JMSException {
        if (ackMode != DUPS_OK_ACKNOWLEDGE) {
            return;
        }
        List<DeliveryKey> keys;
        synchronized (unacknowledged) {
            if (unacknowledged.isEmpty() || unacknowledged.size() < threshold) {
                return;
            }
            keys = new ArrayList<>(unacknowledged);
            unacknowledged.clear();
        }
        acknowledgeInBackground(keys);
    }

    /** Runs a listener on the message of one delivery; called on the dispatcher thread only. */
    private void dispatch(DepotMessageConsumer consumer, StoredDelivery delivery) {
        JMSException failure = null;
        deliveryLock.lock();
        try {
            MessageListener listener = consumer.listener();
            if (listener == null || consumer.isClosed() || closed || !connection.isStarted()) {
                consumer.pushBack(delivery);
                return;
            }
            DepotMessage message = prepare(consumer, delivery);
            if (message == null) {
                return;
            }
            boolean persistent = message.getJMSDeliveryMode() == DeliveryMode.PERSISTENT;
            boolean failed = false;
            LISTENER_SESSION.set(this);
            try {
                listener.onMessage(message);
            } catch (RuntimeException e) {
                failed = true;
                LOG.log(Level.WARNING, "A message listener threw; the message will be redelivered", e);
            } finally {
                LISTENER_SESSION.remove();
            }
            afterListener(delivery.key(), persistent, failed);
        } catch (JMSException e) {
            failure = e;
        } finally {
            deliveryLock.unlock();
        }
        if (failure != null) {
            // Outside the lock: an ExceptionListener may well close the connection.
            connection.onAsyncFailure(failure);
        }
    }

    private void afterListener(DeliveryKey key, boolean persistent, boolean failed) throws JMSException {
        boolean acknowledgesNow = ackMode == AUTO_ACKNOWLEDGE || transaction.outsideTransaction();
        if (!acknowledgesNow && ackMode != DUPS_OK_ACKNOWLEDGE) {
            return;
        }
        boolean stillUnacknowledged;
        synchronized (unacknowledged) {
            // recover() inside the listener has already given the message back.
            stillUnacknowledged = unacknowledged.remove(key);
        }
        if (!stillUnacknowledged) {
            return;
        }
        if (failed) {
            engine.writer.release(List.of(new Release(key, true)));
        } else if (acknowledgesNow) {
            acknowledgeNow(key, persistent);
        } else {
            synchronized (unacknowledged) {
                unacknowledged.add(key);
            }
            flushDupsOk(DUPS_OK_BATCH);
        }
    }

    /** Starts the listener thread when the first listener is set. */
    void listenerSet() {
        synchronized (this) {
            if (dispatcher == null && !closed) {
                Thread thread = new Thread(this::dispatchLoop, "depot-session-listener");
                thread.setDaemon(true);
                dispatcher = thread;
                thread.start();
            }
        }
        wakeDispatcher();
    }

    /** Wakes the listener thread to look for messages again. */
    void wakeDispatcher() {
        wakeLock.lock();
        try {
            wakeEpoch++;
            wakeCondition.signalAll();
        } finally {
            wakeLock.unlock();
        }
    }

    private void dispatchLoop() {
        long pollMillis = engine.settings.pollMillis;
        while (!isClosed()) {
            try {
                if (!connection.isStarted()) {
                    connection.awaitStarted(pollMillis);
                    continue;
                }
                long seen;
                wakeLock.lock();
                try {
                    seen = wakeEpoch;
                } finally {
                    wakeLock.unlock();
                }
                boolean delivered = false;
                for (DepotMessageConsumer consumer : consumers) {
                    if (consumer.listener() == null || consumer.isClosed() || !connection.isStarted()) {
                        continue;
                    }
                    StoredDelivery delivery = consumer.nextForListener();
                    if (delivery != null) {
                        delivered = true;
                        dispatch(consumer, delivery);
                    }
                }
                if (!delivered) {
                    awaitWake(seen, pollMillis);
                }
            } catch (JMSException e) {
                connection.onAsyncFailure(e);
                sleepQuietly(pollMillis);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void awaitWake(long seen, long millis) throws InterruptedException {
        long nanos = TimeUnit.MILLISECONDS.toNanos(millis);
        wakeLock.lock();
        try {
            while (wakeEpoch == seen && nanos > 0 && !isClosed()) {
                nanos = wakeCondition.awaitNanos(nanos);
            }
        } finally {
            wakeLock.unlock();
        }
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits until no listener of this session is running (unless called from that listener). */
    /** Waits until no receive() of this session's consumers is handing out a message. */
    void awaitReceivesIdle() {
        consumers.forEach(DepotMessageConsumer::awaitReceiveIdle);
    }

    void awaitListenerIdle() {
        if (Thread.currentThread() == dispatcher) {
            return;
        }
        deliveryLock.lock();
        deliveryLock.unlock();
    }

    boolean isDispatcherThread() {
        return Thread.currentThread() == dispatcher;
    }

    // ---- sending ----

    /** Sends one message: stamps its headers, encodes it once, and writes it as the session's mode says. */
    void send(DepotMessageProducer producer, Destination target, Message message, int deliveryMode,
              int priority, long timeToLive, long deliveryDelay, CompletionListener completion) throws JMSException {
        checkOpen();
        if (message == null) {
            throw new jakarta.jms.MessageFormatException("The message to send must not be null");
        }
        DepotDestination destination = DepotDestination.of(target);
        if (destination == null) {
            throw new InvalidDestinationException("No destination: the producer has none and none was given");
        }
        DepotProducerSettings.checkDeliveryMode(deliveryMode);
        DepotProducerSettings.checkPriority(priority);
        long now = System.currentTimeMillis();
        long expiration = timeToLive > 0 ? now + timeToLive : 0;
        long deliveryTime = now + Math.max(0, deliveryDelay);
        long destinationId = destination.isTopic() ? engine.topic(destination).id() : engine.queue(destination).id();
        long id = engine.nextMessageId();
        String messageId = producer.isDisableMessageID() ? null : "ID:" + id;

        message.setJMSDestination(destination);
        message.setJMSDeliveryMode(deliveryMode);
        message.setJMSPriority(priority);
        message.setJMSTimestamp(producer.isDisableMessageTimestamp() ? 0 : now);
        message.setJMSExpiration(expiration);
        message.setJMSDeliveryTime(deliveryTime);
        message.setJMSMessageID(messageId);
        DepotMessage depotMessage = DepotMessage.copyOf(message);
        if (engine.settings.populateUserId && connection.user != null) {
            depotMessage.setProviderProperty("JMSXUserID", connection.user);
        }

        long bodySize = MessageCodec.bodySize(depotMessage);
        if (bodySize > engine.settings.maxBodyBytes) {
            throw new JMSException("The message body is " + bodySize + " bytes; the largest allowed is "
                    + engine.settings.maxBodyBytes + " (the connection factory's maxBodyBytes)");
        }
        boolean persistent = deliveryMode == DeliveryMode.PERSISTENT;
        OutgoingMessage outgoing = new OutgoingMessage(id, destinationId, destination.isTopic(), priority, deliveryTime,
                expiration, MessageCodec.encodeHeaders(depotMessage), MessageCodec.encodeBody(depotMessage),
                new OutgoingMessage.Origin(connection.id, connection.currentClientId()), persistent);
        if (completion == null && !persistent && transaction instanceof SessionTransaction.None) {
            sendInBackground(outgoing, destination);
        } else if (completion == null) {
            transaction.send(outgoing);
        } else if (ackMode == SESSION_TRANSACTED) {
            // In a transaction the message is sent once it is part of it; commit makes it durable.
            transaction.send(outgoing);
            complete(completion, message, null);
        } else {
            pendingCompletions.register();
            engine.writer.sendAsync(List.of(outgoing)).whenComplete((ok, failure) -> complete(completion, message,
                    failure == null ? null : JmsExceptions.from(failure, "send to " + destination)));
        }
    }

    /**
     * A non-persistent message of a non-transacted session: send() returns once the message is
     * queued for the next group commit (or, when the database falls behind, once there is room in
     * that queue), since such a message may be lost anyway if something fails.
     * Messages still reach the database in the order sent, with this session's other sends; a
     * failure reaches the connection's ExceptionListener; close() waits for what is still queued.
     */
    private void sendInBackground(OutgoingMessage outgoing, DepotDestination destination) throws JMSException {
        CompletableFuture<Void> written = engine.writer.sendInBackground(List.of(outgoing));
        backgroundSends = written;
        written.whenComplete((ok, failure) -> {
            if (failure != null) {
                connection.onAsyncFailure(JmsExceptions.link(new JMSException("A non-persistent message to "
                        + destination + " could not be written, and is lost: " + failure.getMessage()), failure));
            }
        });
    }

    /** Waits until the non-persistent messages sent in the background have been written, or have failed. */
    private void awaitBackgroundSends() {
        CompletableFuture<Void> last = backgroundSends;
        if (last != null) {
            last.handle((ok, failure) -> null).join();
        }
    }

    /**
     * Calls a CompletionListener on the session's completion thread, never on the sender's: in the
     * order the sends completed, one at a time.
     */
    private void complete(CompletionListener listener, Message message, JMSException failure) {
        java.util.concurrent.ExecutorService executor;
        synchronized (this) {
            if (completions == null) {
                completions = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
                    Thread t = new Thread(r, "depot-session-completion");
                    t.setDaemon(true);
                    return t;
                });
            }
            executor = completions;
        }
        if (failure == null && ackMode == SESSION_TRANSACTED) {
            pendingCompletions.register();
        }
        executor.execute(() -> {
            COMPLETION_SESSION.set(this);
            try {
                if (failure == null) {
                    listener.onCompletion(message);
                } else {
                    listener.onException(message, failure);
                }
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "A CompletionListener threw", e);
            } finally {
                COMPLETION_SESSION.remove();
                pendingCompletions.arriveAndDeregister();
            }
        });
    }

    /** Waits until every CompletionListener of this session's asynchronous sends has been called. */
    void awaitCompletions() {
        pendingCompletions.arriveAndAwaitAdvance();
    }

    // ---- destinations ----

    @Override
    public Queue createQueue(String queueName) throws JMSException {
        checkOpen();
        requireDomain(Domain.QUEUE, "createQueue");
        try {
            Queues.validateName(queueName);
        } catch (StoreException e) {
            throw JmsExceptions.invalidDestination(e);
        }
        return new DepotQueue(queueName);
    }

    @Override
    public Topic createTopic(String topicName) throws JMSException {
        checkOpen();
        requireDomain(Domain.TOPIC, "createTopic");
        try {
            Queues.validateName(topicName);
        } catch (StoreException e) {
            throw JmsExceptions.invalidDestination(e);
        }
        return new DepotTopic(topicName);
    }

    @Override
    public TemporaryQueue createTemporaryQueue() throws JMSException {
        checkOpen();
        requireDomain(Domain.QUEUE, "createTemporaryQueue");
        return connection.createTemporaryQueue();
    }

    @Override
    public TemporaryTopic createTemporaryTopic() throws JMSException {
        checkOpen();
        requireDomain(Domain.TOPIC, "createTemporaryTopic");
        return connection.createTemporaryTopic();
    }

    boolean hasConsumerOn(DepotDestination destination) {
        return consumers.stream().anyMatch(c -> !c.isClosed() && c.destination.equals(destination));
    }

    // ---- producers, consumers, browsers ----

    @Override
    public MessageProducer createProducer(Destination destination) throws JMSException {
        return newProducer(destination);
    }

    @Override
    public QueueSender createSender(Queue queue) throws JMSException {
        return newProducer(queue);
    }

    @Override
    public TopicPublisher createPublisher(Topic topic) throws JMSException {
        return newProducer(topic);
    }

    private DepotMessageProducer newProducer(Destination destination) throws JMSException {
        checkOpen();
        DepotMessageProducer producer = new DepotMessageProducer(this, DepotDestination.of(destination));
        producers.add(producer);
        return producer;
    }

    void producerClosed(DepotMessageProducer producer) {
        producers.remove(producer);
    }

    @Override
    public MessageConsumer createConsumer(Destination destination) throws JMSException {
        return newConsumer(destination, null);
    }

    @Override
    public MessageConsumer createConsumer(Destination destination, String messageSelector) throws JMSException {
        return newConsumer(destination, messageSelector);
    }

    @Override
    public MessageConsumer createConsumer(Destination destination, String messageSelector, boolean noLocal)
            throws JMSException {
        return newConsumer(destination, messageSelector, noLocal);
    }

    @Override
    public QueueReceiver createReceiver(Queue queue) throws JMSException {
        return newConsumer(queue, null);
    }

    @Override
    public QueueReceiver createReceiver(Queue queue, String messageSelector) throws JMSException {
        return newConsumer(queue, messageSelector);
    }

    private DepotMessageConsumer newConsumer(Destination target, String messageSelector) throws JMSException {
        return newConsumer(target, messageSelector, false);
    }

    private DepotMessageConsumer newConsumer(Destination target, String messageSelector, boolean noLocal)
            throws JMSException {
        checkOpen();
        DepotDestination destination = DepotDestination.of(target);
        if (destination == null) {
            throw new InvalidDestinationException("A consumer needs a destination; null was given");
        }
        if (destination.isTopic()) {
            return subscribe(destination, null, messageSelector, false, false, noLocal);
        }
        Selector selector = Selector.parse(messageSelector);
        if (destination.isTemporary() && !connection.owns(destination)) {
            DepotTemporaryQueue temporary = destination instanceof DepotTemporaryQueue t ? t : null;
            throw new InvalidDestinationException(temporary != null && temporary.owner() == connection
                    ? "Temporary queue " + destination.name() + " has been deleted"
                    : "Only the connection that created temporary queue " + destination.name() + " may consume from it");
        }
        QueueInfo queue = engine.queue(destination);
        engine.ensureDeadLetterQueue(queue);
        DepotMessageConsumer consumer = new DepotMessageConsumer(this, destination, queue, selector, null, false);
        consumers.add(consumer);
        return consumer;
    }

    /**
     * A consumer on a topic: attached to a subscription, which is created, joined or replaced as
     * the specification says for its kind.
     *
     * @param name null for a non-shared non-durable consumer, which gets a subscription of its own
     */
    private DepotMessageConsumer subscribe(Destination target, String name, String messageSelector, boolean durable,
                                           boolean shared, boolean noLocal) throws JMSException {
        checkOpen();
        DepotDestination destination = DepotDestination.of(target);
        if (destination == null) {
            throw new InvalidDestinationException("A subscription needs a topic; null was given");
        }
        if (!destination.isTopic()) {
            throw new InvalidDestinationException(destination + " is a queue; subscriptions are made to topics");
        }
        if (name != null && name.isEmpty()) {
            throw new JMSException("A subscription name must not be empty");
        }
        String clientId = connection.currentClientId();
        if (durable && !shared && clientId == null) {
            throw new IllegalStateException("A non-shared durable subscription needs a client ID on its connection");
        }
        if (destination.isTemporary() && !connection.owns(destination)) {
            throw new InvalidDestinationException("Only the connection that created temporary topic "
                    + destination.name() + " may consume from it");
        }
        Selector selector = Selector.parse(messageSelector);
        String selectorText = selector.isMatchAll() ? null : selector.text();
        TopicInfo topic = engine.topic(destination);
        Attachment attachment = engine.transaction("subscribe to " + destination, c -> engine.store.subscriptions()
                .attach(c, topic, name, clientId, durable, shared, selectorText, noLocal, connection.id));
        QueueInfo queue = attachment.subscription().queue();
        engine.ensureDeadLetterQueue(queue);
        DepotMessageConsumer consumer = new DepotMessageConsumer(this, destination, queue, selector, attachment, noLocal);
        consumers.add(consumer);
        return consumer;
    }

    void consumerClosed(DepotMessageConsumer consumer) {
        consumers.remove(consumer);
    }

    @Override
    public QueueBrowser createBrowser(Queue queue) throws JMSException {
        return createBrowser(queue, null);
    }

    @Override
    public QueueBrowser createBrowser(Queue queue, String messageSelector) throws JMSException {
        checkOpen();
        requireDomain(Domain.QUEUE, "createBrowser");
        DepotDestination destination = DepotDestination.of(queue);
        if (destination == null) {
            throw new InvalidDestinationException("A browser needs a queue; null was given");
        }
        Selector selector = Selector.parse(messageSelector);
        DepotQueueBrowser browser = new DepotQueueBrowser(this, (Queue) destination, engine.queue(destination), selector);
        browsers.add(browser);
        return browser;
    }

    void browserClosed(DepotQueueBrowser browser) {
        browsers.remove(browser);
    }

    // ---- topics ----

    @Override
    public TopicSubscriber createSubscriber(Topic topic) throws JMSException {
        return subscribe(topic, null, null, false, false, false);
    }

    @Override
    public TopicSubscriber createSubscriber(Topic topic, String messageSelector, boolean noLocal) throws JMSException {
        return subscribe(topic, null, messageSelector, false, false, noLocal);
    }

    @Override
    public MessageConsumer createSharedConsumer(Topic topic, String sharedSubscriptionName) throws JMSException {
        return subscribe(topic, requireName(sharedSubscriptionName), null, false, true, false);
    }

    @Override
    public MessageConsumer createSharedConsumer(Topic topic, String sharedSubscriptionName, String messageSelector)
            throws JMSException {
        return subscribe(topic, requireName(sharedSubscriptionName), messageSelector, false, true, false);
    }

    @Override
    public TopicSubscriber createDurableSubscriber(Topic topic, String name) throws JMSException {
        return subscribe(topic, requireName(name), null, true, false, false);
    }

    @Override
    public TopicSubscriber createDurableSubscriber(Topic topic, String name, String messageSelector, boolean noLocal)
            throws JMSException {
        return subscribe(topic, requireName(name), messageSelector, true, false, noLocal);
    }

    @Override
    public MessageConsumer createDurableConsumer(Topic topic, String name) throws JMSException {
        return subscribe(topic, requireName(name), null, true, false, false);
    }

    @Override
    public MessageConsumer createDurableConsumer(Topic topic, String name, String messageSelector, boolean noLocal)
            throws JMSException {
        return subscribe(topic, requireName(name), messageSelector, true, false, noLocal);
    }

    @Override
    public MessageConsumer createSharedDurableConsumer(Topic topic, String name) throws JMSException {
        return subscribe(topic, requireName(name), null, true, true, false);
    }

    @Override
    public MessageConsumer createSharedDurableConsumer(Topic topic, String name, String messageSelector)
            throws JMSException {
        return subscribe(topic, requireName(name), messageSelector, true, true, false);
    }

    private String requireName(String name) throws JMSException {
        checkOpen();
        requireDomain(Domain.TOPIC, "A durable or shared subscription");
        if (name == null || name.isEmpty()) {
            throw new JMSException("A subscription name must not be null or empty");
        }
        return name;
    }

    @Override
    public void unsubscribe(String name) throws JMSException {
        checkOpen();
        requireDomain(Domain.TOPIC, "unsubscribe");
        requireName(name);
        for (DepotMessageConsumer consumer : consumers) {
            if (consumer.isDurableSubscription(name)) {
                throw new IllegalStateException("Durable subscription '" + name + "' has an active consumer in this session");
            }
        }
        String clientId = connection.currentClientId();
        engine.transaction("unsubscribe " + name, c -> {
            engine.store.subscriptions().unsubscribe(c, clientId, name);
            return null;
        });
    }

    // ---- the application-server facility ----

    @Override
    public MessageListener getMessageListener() throws JMSException {
        checkOpen();
        return sessionListener;
    }

    @Override
    public void setMessageListener(MessageListener listener) throws JMSException {
        checkOpen();
        if (listener != null) {
            throw new JMSException("A session-wide message listener belongs to the optional application-server "
                    + "facility (server session pools), which Depot does not offer; set the listener on a consumer");
        }
        this.sessionListener = null;
    }

    /** Part of the optional application-server facility; Depot's resource adapter delivers differently. */
    @Override
    public void run() {
        LOG.log(Level.DEBUG, "Session.run() has nothing to deliver: Depot does not use server session pools");
    }

    // ---- close ----

    @Override
    public void close() throws JMSException {
        if (closed) {
            return;
        }
        if (transaction instanceof ApplicationTransaction) {
            // Its work is the application's transaction's; the session owns only its private connection.
            closed = true;
            consumers.forEach(c -> c.closeInternally(new ArrayList<>()));
            consumers.clear();
            producers.forEach(DepotMessageProducer::closeInternally);
            producers.clear();
            connection.sessionClosed(this);
            connection.close();
            return;
        }
        if (LISTENER_SESSION.get() == this) {
            throw new IllegalStateException("A message listener must not close its own session");
        }
        checkNotInCompletionListener("close");
        awaitCompletions();
        awaitBackgroundSends();
        closed = true;
        wakeDispatcher();
        awaitListenerIdle();
        Thread thread = dispatcher;
        if (thread != null && thread != Thread.currentThread()) {
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        List<Release> releases = new ArrayList<>();
        for (DepotMessageConsumer consumer : consumers) {
            consumer.closeInternally(releases);
        }
        List<DepotMessageConsumer> closing = new ArrayList<>(consumers);
        JMSException failure = null;
        try {
            if (ackMode == SESSION_TRANSACTED) {
                transaction.rollback();
                releases.addAll(0, delivered(takeUnacknowledged()));
            } else if (ackMode == DUPS_OK_ACKNOWLEDGE) {
                flushDupsOk(1);
            } else {
                releases.addAll(0, delivered(takeUnacknowledged()));
            }
        } catch (JMSException e) {
            failure = e;
        }
        releaseQuietly(releases);
        for (DepotMessageConsumer consumer : closing) {
            try {
                consumer.detach();
            } catch (JMSException e) {
                failure = failure == null ? e : failure;
            }
        }
        producers.forEach(DepotMessageProducer::closeInternally);
        browsers.forEach(DepotQueueBrowser::closeInternally);
        consumers.clear();
        producers.clear();
        browsers.clear();
        connection.sessionClosed(this);
        synchronized (this) {
            if (completions != null) {
                completions.shutdown();
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
