package dev.depot.jms;

import static dev.depot.jms.JmsRuntimeExceptions.convert;

import jakarta.jms.IllegalStateRuntimeException;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageListener;
import java.util.Objects;

/**
 * Depot's {@link JMSConsumer}: a classic {@link MessageConsumer} of its context's session.
 *
 * <p>{@code receiveBody} is {@link DepotMessageConsumer}'s own, because what a refused body does
 * depends on the session: in AUTO_ACKNOWLEDGE and DUPS_OK_ACKNOWLEDGE the message stays first in
 * line, neither acknowledged nor counted as delivered, as if the call had not happened; in
 * CLIENT_ACKNOWLEDGE and SESSION_TRANSACTED it counts as delivered, to be acknowledged, committed,
 * recovered or rolled back with the others.
 */
public class DepotJMSConsumer implements JMSConsumer {

    private final DepotJMSContext context;
    private final DepotMessageConsumer consumer;
    /** The application's listener (the classic consumer has the context's wrapper around it). */
    private volatile MessageListener listener;
    private volatile boolean closed;

    DepotJMSConsumer(DepotJMSContext context, MessageConsumer consumer) {
        this.context = context;
        this.consumer = (DepotMessageConsumer) consumer;
    }

    private void checkOpen() {
        context.checkOpen();
        if (closed) {
            throw new IllegalStateRuntimeException("The JMSConsumer is closed");
        }
    }

    @Override
    public String getMessageSelector() {
        checkOpen();
        try {
            return consumer.getMessageSelector();
        } catch (JMSException e) {
            throw convert(e);
        }
    }

    @Override
    public MessageListener getMessageListener() {
        checkOpen();
        return listener;
    }

    /**
     * Synchronized with {@link #stopDelivery()}: a listener set while the context closes (by its
     * running listener, say) must not slip in after close() has detached the others.
     */
    @Override
    public synchronized void setMessageListener(MessageListener value) {
        checkOpen();
        if (value != null && context.isClosing()) {
            throw new IllegalStateRuntimeException("The JMSContext is closing");
        }
        try {
            consumer.setMessageListener(value == null ? null : context.listenerFor(value));
        } catch (JMSException e) {
            throw convert(e);
        }
        listener = value;
    }

    /** The context is closing: no further message may reach this consumer's listener. */
    synchronized void stopDelivery() {
        try {
            consumer.setMessageListener(null);
        } catch (JMSException e) {
            // Already closed, so it delivers nothing anyway.
        }
    }

    // ---------------------------------------------------------------- receive

    @Override
    public Message receive() {
        checkOpen();
        try {
            return consumer.receive();
        } catch (JMSException e) {
            throw convert(e);
        }
    }

    @Override
    public Message receive(long timeout) {
        checkOpen();
        try {
            return consumer.receive(timeout);
        } catch (JMSException e) {
            throw convert(e);
        }
    }

    @Override
    public Message receiveNoWait() {
        checkOpen();
        try {
            return consumer.receiveNoWait();
        } catch (JMSException e) {
            throw convert(e);
        }
    }

    @Override
    public <T> T receiveBody(Class<T> c) {
        return body(c, 0);
    }

    /** Like {@link #receive(long)}, a timeout of zero or less waits for ever. */
    @Override
    public <T> T receiveBody(Class<T> c, long timeout) {
        return body(c, Math.max(timeout, 0));
    }

    @Override
    public <T> T receiveBodyNoWait(Class<T> c) {
        return body(c, -1);
    }

    /** @param timeout as {@link DepotMessageConsumer}'s receiveBody takes it: 0 for ever, negative not at all */
    private <T> T body(Class<T> c, long timeout) {
        Objects.requireNonNull(c, "The class of the body must not be null");
        checkOpen();
        try {
            return consumer.receiveBody(c, timeout);
        } catch (JMSException e) {
            throw convert(e);
        }
    }

    // ---------------------------------------------------------------- close

    /**
     * Closes the consumer; a receive in progress returns null. It may be called from this consumer's
     * own listener, and from another thread while the listener runs (it then waits for it).
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        try {
            consumer.close();
        } catch (JMSException e) {
            throw convert(e);
        }
        closed = true;
        context.consumerClosed(this);
    }

    /** The context closed, and its session with it the classic consumer. */
    void contextClosed() {
        closed = true;
    }

    @Override
    public String toString() {
        return "DepotJMSConsumer[" + consumer + "]";
    }
}
