package dev.depot.jms;

import dev.depot.jms.message.DepotMessage;
import dev.depot.jms.message.MessageCodec;
import dev.depot.jms.selector.Selector;
import dev.depot.store.Deliveries;
import dev.depot.store.DeliveryKey;
import dev.depot.store.QueueInfo;
import dev.depot.store.StoredDelivery;
import jakarta.jms.IllegalStateException;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import java.util.ArrayDeque;
import java.util.Enumeration;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Looks at a queue's messages in delivery order without consuming them. Each enumeration reads the
 * queue a page at a time as it is walked, so browsing a deep queue holds one page in memory.
 */
public class DepotQueueBrowser implements QueueBrowser {

    private static final int PAGE = 100;

    private final DepotSession session;
    private final Queue queue;
    private final QueueInfo info;
    private final Selector selector;
    private volatile boolean closed;

    DepotQueueBrowser(DepotSession session, Queue queue, QueueInfo info, Selector selector) {
        this.session = session;
        this.queue = queue;
        this.info = info;
        this.selector = selector;
    }

    private void checkOpen() throws IllegalStateException {
        if (closed) {
            throw new IllegalStateException("The browser is closed");
        }
        session.checkOpen();
    }

    @Override
    public Queue getQueue() throws JMSException {
        checkOpen();
        return queue;
    }

    @Override
    public String getMessageSelector() throws JMSException {
        checkOpen();
        return selector.isMatchAll() ? null : selector.text();
    }

    @Override
    public Enumeration<Message> getEnumeration() throws JMSException {
        checkOpen();
        return new Pages();
    }

    @Override
    public void close() throws JMSException {
        if (!closed) {
            closed = true;
            session.browserClosed(this);
        }
    }

    void closeInternally() {
        closed = true;
    }

    /** Walks the queue in claim order, one page per round trip, matching the selector in memory. */
    private final class Pages implements Enumeration<Message> {
        private final ArrayDeque<Message> ready = new ArrayDeque<>();
        private DeliveryKey cursor = Deliveries.start(info.id());
        private boolean exhausted;

        @Override
        public boolean hasMoreElements() {
            while (ready.isEmpty() && !exhausted && !closed) {
                readPage();
            }
            return !ready.isEmpty();
        }

        @Override
        public Message nextElement() {
            if (!hasMoreElements()) {
                throw new NoSuchElementException("No more messages on " + queue);
            }
            return ready.poll();
        }

        private void readPage() {
            try {
                long now = System.currentTimeMillis();
                List<StoredDelivery> page = session.engine.autocommit("browse " + queue,
                        c -> session.engine.store.deliveries().browse(c, info.id(), cursor, PAGE, now));
                if (page.size() < PAGE) {
                    exhausted = true;
                }
                for (StoredDelivery delivery : page) {
                    cursor = delivery.key();
                    DepotMessage message = MessageCodec.decode(delivery.headers(), delivery.body());
                    if (selector.matches(message)) {
                        message.markReceived(delivery.deliveryCount() > 0, 0);
                        ready.add(message);
                    }
                }
            } catch (JMSException e) {
                throw new JMSRuntimeException("Could not browse " + queue + ": " + e.getMessage(), e.getErrorCode(), e);
            }
        }
    }
}
