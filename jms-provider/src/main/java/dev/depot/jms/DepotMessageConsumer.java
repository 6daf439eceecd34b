package dev.depot.jms;

import dev.depot.jms.message.DepotMessage;
import dev.depot.jms.message.MessageCodec;
import dev.depot.jms.selector.Selector;
import dev.depot.store.Attachment;
import dev.depot.store.Deliveries;
import dev.depot.store.DeliveryKey;
import dev.depot.store.QueueInfo;
import dev.depot.store.Release;
import dev.depot.store.StoredDelivery;
import dev.depot.store.Wakeups;
import jakarta.jms.DeliveryMode;
import jakarta.jms.IllegalStateException;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.Queue;
import jakarta.jms.QueueReceiver;
import jakarta.jms.Topic;
import jakarta.jms.TopicSubscriber;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Receives messages from a queue. It claims up to {@code prefetch} deliveries at a time in one
 * statement and hands them out one by one, so it never holds more than its prefetch in memory;
 * with a selector it reads candidates' headers a page at a time, matches them in memory and
 * claims only those that match, leaving the rest to other consumers.
 */
public class DepotMessageConsumer implements QueueReceiver, TopicSubscriber {

    /** Candidates read per round trip when a selector scans a queue. */
    static final int SCAN_PAGE = 1_000;

    final DepotSession session;
    final DepotDestination destination;
    final QueueInfo queue;
    /** The application's selector; on a queue it picks what to claim, on a subscription what to deliver. */
    private final Selector selector;
    /** For a topic consumer: its place on the subscription, given up when it closes. */
    private final Attachment attachment;
    private final boolean noLocal;
    private final Engine engine;
    private final Wakeups.Signal signal;
    private final Runnable wakeDispatcher;
    /** Claimed for this consumer and not yet handed to the application. Guarded by itself. */
    private final ArrayDeque<StoredDelivery> prefetched = new ArrayDeque<>();
    /** Held by a receive() while it claims and hands out a message, so close() and stop() can wait for it. */
    private final ReentrantLock receiveLock = new ReentrantLock();
    private volatile MessageListener listener;
    private volatile boolean closed;
    /** When this consumer last claimed, and whether the queue had no more for it then. */
    private long lastClaimAt;
    private boolean lastClaimShort;
    /** For a consumer with a selector: the wake-up epoch of its last short claim. */
    private long shortEpoch = -1;

    DepotMessageConsumer(DepotSession session, DepotDestination destination, QueueInfo queue, Selector selector,
                         Attachment attachment, boolean noLocal) {
        this.session = session;
        this.destination = destination;
        this.queue = queue;
        this.selector = selector;
        this.attachment = attachment;
        this.noLocal = noLocal;
        this.engine = session.engine;
        this.signal = engine.store.wakeups().signal(queue.id());
        this.wakeDispatcher = session::wakeDispatcher;
    }

    private void checkOpen() throws IllegalStateException {
        if (closed) {
            throw new IllegalStateException("The consumer is closed");
        }
        session.checkOpen();
    }

    boolean isClosed() {
        return closed;
    }

    MessageListener listener() {
        return listener;
    }

    @Override
    public String getMessageSelector() throws JMSException {
        checkOpen();
        return selector.isMatchAll() ? null : selector.text();
    }

    @Override
    public MessageListener getMessageListener() throws JMSException {
        checkOpen();
        return listener;
    }

    @Override
    public void setMessageListener(MessageListener value) throws JMSException {
        checkOpen();
        if (value != null && session.transaction() instanceof ApplicationTransaction) {
            throw new IllegalStateException("A session in the application's transaction receives with receive(); "
                    + "the application decides when its transaction ends");
        }
        MessageListener previous = listener;
        listener = value;
        if (value != null && previous == null) {
            if (session.acknowledgesBeforeHandingOut()) {
                // receive() may have claimed these without waiting for the disk, and a listener
                // sees a message before its acknowledgement: they go back, to be claimed again.
                List<Release> releases = new ArrayList<>();
                drainPrefetched(releases);
                engine.writer.release(releases);
            }
            signal.addListener(wakeDispatcher);
            session.listenerSet();
        } else if (value == null && previous != null) {
            signal.removeListener(wakeDispatcher);
        }
    }

    @Override
    public Queue getQueue() throws JMSException {
        checkOpen();
        return destination instanceof Queue q ? q : null;
    }

    @Override
    public Topic getTopic() throws JMSException {
        checkOpen();
        return destination instanceof Topic t ? t : null;
    }

    @Override
    public boolean getNoLocal() throws JMSException {
        checkOpen();
        return noLocal;
    }

    /** Whether this consumer holds the durable subscription of that name. */
    boolean isDurableSubscription(String name) {
        return !closed && attachment != null && attachment.subscription().durable()
                && name.equals(attachment.subscription().name());
    }

    /**
     * Whether a claimed message is for the application. A subscription's deliveries are claimed
     * whatever they hold and filtered here: no other consumer could want the ones that do not match.
     */
    boolean accepts(DepotMessage message) throws JMSException {
        return attachment == null || selector.isMatchAll() || selector.matches(message);
    }

    // ---- synchronous receive ----

    @Override
    public Message receive() throws JMSException {
        return receive(Long.MAX_VALUE, true, null);
    }

    @Override
    public Message receive(long timeout) throws JMSException {
        return receive(timeout <= 0 ? Long.MAX_VALUE : timeout, true, null);
    }

    @Override
    public Message receiveNoWait() throws JMSException {
        return receive(0, false, null);
    }

    /**
     * For {@code JMSConsumer.receiveBody}: the next message's body as {@code type}. When the message
     * has no body or the body cannot be given as that type, an AUTO_ACKNOWLEDGE or DUPS_OK_ACKNOWLEDGE session behaves as
     * if the call had not happened (the message stays first, neither acknowledged nor counted as
     * redelivered); in the other modes it counts as delivered. Either way MessageFormatException.
     *
     * @param timeout 0 to wait for ever, a negative value not to wait
     */
    <T> T receiveBody(Class<T> type, long timeout) throws JMSException {
        Message message = timeout < 0 ? receive(0, false, type)
                : receive(timeout == 0 ? Long.MAX_VALUE : timeout, true, type);
        return message == null ? null : message.getBody(type);
    }

    private Message receive(long timeout, boolean wait, Class<?> bodyType) throws JMSException {
        checkOpen();
        if (listener != null) {
            throw new IllegalStateException("This consumer has a message listener; it cannot also receive()");
        }
        long start = System.currentTimeMillis();
        long deadline = timeout >= Long.MAX_VALUE - start ? Long.MAX_VALUE : start + timeout;
        try {
            while (true) {
                if (closed || session.isClosed()) {
                    return null;
                }
                long remaining = deadline == Long.MAX_VALUE ? Long.MAX_VALUE : deadline - System.currentTimeMillis();
                if (!session.connection.isStarted()) {
                    if (!wait || remaining <= 0) {
                        return null;
                    }
                    session.connection.awaitStarted(Math.min(remaining, engine.settings.pollMillis));
                    continue;
                }
                long seen = signal.epoch();
                receiveLock.lock();
                try {
                    if (closed || session.isClosed()) {
                        return null;
                    }
                    StoredDelivery delivery = session.connection.isStarted() ? next(wait) : null;
                    if (delivery != null) {
                        if (!session.connection.isStarted()) {
                            // stop() came while we claimed: the message waits for start().
                            pushBack(delivery);
                            continue;
                        }
                        DepotMessage message = session.prepare(this, delivery);
                        if (message != null) {
                            if (bodyType != null && (!message.hasBody() || !message.isBodyAssignableTo(bodyType))) {
                                session.refuseBody(this, delivery);
                                throw new jakarta.jms.MessageFormatException(message.hasBody()
                                        ? "The body of message " + message.getJMSMessageID() + " cannot be given as "
                                                + bodyType.getName()
                                        : "Message " + message.getJMSMessageID() + " has no body to receive");
                            }
                            session.afterReceive(delivery.key(),
                                    message.getJMSDeliveryMode() == DeliveryMode.PERSISTENT);
                            return message;
                        }
                        continue;
                    }
                } finally {
                    receiveLock.unlock();
                }
                if (!wait || remaining <= 0) {
                    return null;
                }
                signal.awaitChange(seen, Math.min(remaining, engine.settings.pollMillis), !claimsAll());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** Waits until no receive() of this consumer is claiming or handing out a message. */
    void awaitReceiveIdle() {
        if (!receiveLock.isHeldByCurrentThread()) {
            receiveLock.lock();
            receiveLock.unlock();
        }
    }

    /**
     * Whether this consumer claims whatever its queue holds: it has no selector, or it consumes a
     * subscription (whose consumers all share one selector, applied after the claim). Otherwise it
     * claims only what its selector matches, leaving the rest to others.
     */
    private boolean claimsAll() {
        return attachment != null || selector.isMatchAll();
    }

    /**
     * The next prefetched delivery, claiming more when none is left; null when the queue has
     * nothing for us. A consumer that may wait does not ask the database again after a short
     * claim until a wake-up says there is something new (or its poll interval has passed).
     */
    private StoredDelivery next(boolean mayWait) throws JMSException {
        if (closed) {
            return null;
        }
        synchronized (prefetched) {
            StoredDelivery delivery = prefetched.poll();
            if (delivery != null) {
                return delivery;
            }
        }
        long now = System.currentTimeMillis();
        // A consumer that takes whatever the queue holds shares the count of unclaimed wake-ups with
        // the others of this JVM; one with a selector keeps its own, since it leaves messages behind.
        // (A take in the application's transaction is always asked for: its rollback wakes no one.)
        boolean takesAll = claimsAll();
        boolean takes = session.transaction().takesOnReceive();
        if (mayWait && !takes && lastClaimShort && now - lastClaimAt < engine.settings.pollMillis
                && (takesAll ? !signal.pending() : signal.epoch() == shortEpoch)) {
            return null;
        }
        session.flushDupsOk(1);
        int asked = takes ? 1 : engine.settings.prefetch;
        long epoch = takesAll ? signal.beginClaim(asked) : signal.epoch();
        List<StoredDelivery> claimed = claim();
        lastClaimAt = now;
        lastClaimShort = claimed.size() < asked;
        if (takesAll) {
            signal.endClaim(epoch, lastClaimShort);
        } else if (lastClaimShort) {
            shortEpoch = epoch;
        }
        if (claimed.isEmpty()) {
            return null;
        }
        synchronized (prefetched) {
            if (closed) {
                List<Release> releases = new ArrayList<>();
                claimed.forEach(d -> releases.add(new Release(d.key(), false)));
                engine.writer.release(releases);
                return null;
            }
            prefetched.addAll(claimed);
            return prefetched.poll();
        }
    }

    /**
     * For the session's listener thread: the next delivery, without waiting. A queue found empty is
     * not asked again until it is woken or the poll interval has passed, so an idle listener costs
     * no round trips while its session's other listeners are busy.
     */
    StoredDelivery nextForListener() throws JMSException {
        return next(true);
    }

    /** Puts back a delivery taken but not delivered (the connection stopped); a closed consumer releases it. */
    void pushBack(StoredDelivery delivery) {
        synchronized (prefetched) {
            if (!closed) {
                prefetched.addFirst(delivery);
                return;
            }
        }
        engine.writer.releaseLater(List.of(new Release(delivery.key(), false)));
    }

    private List<StoredDelivery> claim() throws JMSException {
        if (session.transaction() instanceof ApplicationTransaction application) {
            return take(application);
        }
        int prefetch = engine.settings.prefetch;
        long now = System.currentTimeMillis();
        boolean durable = listener != null || !session.acknowledgesBeforeHandingOut();
        if (claimsAll()) {
            return engine.autocommit("receive from " + destination,
                    c -> engine.store.deliveries().claim(c, queue.id(), prefetch, now, durable));
        }
        return engine.autocommit("receive from " + destination, c -> {
            List<DeliveryKey> matches = new ArrayList<>();
            DeliveryKey cursor = Deliveries.start(queue.id());
            while (matches.size() < prefetch) {
                List<StoredDelivery> page = engine.store.deliveries().scanAvailable(c, queue.id(), cursor, SCAN_PAGE, now);
                for (StoredDelivery candidate : page) {
                    if (selector.matches(MessageCodec.decode(candidate.headers(), null))
                            && matches.size() < prefetch) {
                        matches.add(candidate.key());
                    }
                }
                if (page.size() < SCAN_PAGE) {
                    break;
                }
                cursor = page.get(page.size() - 1).key();
            }
            return engine.store.deliveries().claim(c, queue.id(), matches, now, durable);
        });
    }

    /** One message at a time, taken in the application's transaction: the first, or the first the selector wants. */
    private List<StoredDelivery> take(ApplicationTransaction application) throws JMSException {
        if (claimsAll()) {
            return application.take(queue.id(), null);
        }
        long now = System.currentTimeMillis();
        DeliveryKey cursor = Deliveries.start(queue.id());
        while (true) {
            DeliveryKey from = cursor;
            List<StoredDelivery> page = engine.autocommit("receive from " + destination,
                    c -> engine.store.deliveries().scanAvailable(c, queue.id(), from, SCAN_PAGE, now));
            for (StoredDelivery candidate : page) {
                if (selector.matches(MessageCodec.decode(candidate.headers(), null))) {
                    List<StoredDelivery> taken = application.take(queue.id(), candidate.key());
                    if (!taken.isEmpty()) {
                        return taken;
                    }
                }
            }
            if (page.size() < SCAN_PAGE) {
                return List.of();
            }
            cursor = page.get(page.size() - 1).key();
        }
    }

    /** Hands every prefetched delivery back as never delivered. */
    void drainPrefetched(List<Release> releases) {
        synchronized (prefetched) {
            prefetched.forEach(d -> releases.add(new Release(d.key(), false)));
            prefetched.clear();
        }
    }

    // ---- close ----

    @Override
    public void close() throws JMSException {
        if (closed) {
            return;
        }
        if (!session.isDispatcherThread()) {
            // Let a listener that is running finish first; a listener closing its own consumer goes on.
            session.awaitListenerIdle();
        }
        List<Release> releases = new ArrayList<>();
        closeInternally(releases);
        session.consumerClosed(this);
        engine.writer.release(releases);
        detach();
    }

    /** Leaves the subscription: a non-durable one ends with its last consumer. */
    void detach() throws JMSException {
        if (attachment != null) {
            engine.transaction("close the consumer of " + destination, c -> {
                engine.store.subscriptions().detach(c, attachment);
                return null;
            });
        }
    }

    /**
     * Marks the consumer closed, wakes a receive() blocked on it, waits for one in progress, and
     * collects its prefetched deliveries for release.
     */
    void closeInternally(List<Release> releases) {
        closed = true;
        signal.removeListener(wakeDispatcher);
        signal.fire();
        session.connection.wakeWaiters();
        awaitReceiveIdle();
        drainPrefetched(releases);
    }
}
