package dev.depot.jms;

import jakarta.jms.CompletionListener;
import jakarta.jms.DeliveryMode;
import jakarta.jms.Destination;
import jakarta.jms.IllegalStateException;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import jakarta.jms.QueueSender;
import jakarta.jms.Topic;
import jakarta.jms.TopicPublisher;

/**
 * Sends messages for its session, with the delivery settings the specification lets a producer
 * carry. A producer made without a destination is anonymous and takes one with each send.
 */
public class DepotMessageProducer implements QueueSender, TopicPublisher {

    private final DepotSession session;
    private final DepotDestination destination;
    private volatile boolean closed;
    private int deliveryMode = DeliveryMode.PERSISTENT;
    private int priority = Message.DEFAULT_PRIORITY;
    private long timeToLive = Message.DEFAULT_TIME_TO_LIVE;
    private long deliveryDelay = Message.DEFAULT_DELIVERY_DELAY;
    private boolean disableMessageID;
    private boolean disableMessageTimestamp;

    DepotMessageProducer(DepotSession session, DepotDestination destination) {
        this.session = session;
        this.destination = destination;
    }

    private void checkOpen() throws IllegalStateException {
        if (closed) {
            throw new IllegalStateException("The producer is closed");
        }
        session.checkOpen();
    }

    // ---- settings ----

    @Override
    public void setDisableMessageID(boolean value) throws JMSException {
        checkOpen();
        disableMessageID = value;
    }

    @Override
    public boolean getDisableMessageID() throws JMSException {
        checkOpen();
        return disableMessageID;
    }

    boolean isDisableMessageID() {
        return disableMessageID;
    }

    @Override
    public void setDisableMessageTimestamp(boolean value) throws JMSException {
        checkOpen();
        disableMessageTimestamp = value;
    }

    @Override
    public boolean getDisableMessageTimestamp() throws JMSException {
        checkOpen();
        return disableMessageTimestamp;
    }

    boolean isDisableMessageTimestamp() {
        return disableMessageTimestamp;
    }

    @Override
    public void setDeliveryMode(int value) throws JMSException {
        checkOpen();
        DepotProducerSettings.checkDeliveryMode(value);
        deliveryMode = value;
    }

    @Override
    public int getDeliveryMode() throws JMSException {
        checkOpen();
        return deliveryMode;
    }

    @Override
    public void setPriority(int value) throws JMSException {
        checkOpen();
        DepotProducerSettings.checkPriority(value);
        priority = value;
    }

    @Override
    public int getPriority() throws JMSException {
        checkOpen();
        return priority;
    }

    @Override
    public void setTimeToLive(long value) throws JMSException {
        checkOpen();
        timeToLive = value;
    }

    @Override
    public long getTimeToLive() throws JMSException {
        checkOpen();
        return timeToLive;
    }

    @Override
    public void setDeliveryDelay(long value) throws JMSException {
        checkOpen();
        DepotProducerSettings.checkDeliveryDelay(value);
        deliveryDelay = value;
    }

    @Override
    public long getDeliveryDelay() throws JMSException {
        checkOpen();
        return deliveryDelay;
    }

    @Override
    public Destination getDestination() throws JMSException {
        checkOpen();
        return destination;
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

    // ---- sending to the producer's own destination ----

    @Override
    public void send(Message message) throws JMSException {
        send(message, deliveryMode, priority, timeToLive);
    }

    @Override
    public void send(Message message, int mode, int messagePriority, long ttl) throws JMSException {
        checkOpen();
        if (destination == null) {
            throw new UnsupportedOperationException("This producer has no destination: name one in send()");
        }
        session.send(this, destination, message, mode, messagePriority, ttl, deliveryDelay, null);
    }

    @Override
    public void send(Message message, CompletionListener completionListener) throws JMSException {
        send(message, deliveryMode, priority, timeToLive, completionListener);
    }

    @Override
    public void send(Message message, int mode, int messagePriority, long ttl, CompletionListener listener)
            throws JMSException {
        checkOpen();
        checkCompletionListener(listener);
        if (destination == null) {
            throw new UnsupportedOperationException("This producer has no destination: name one in send()");
        }
        session.send(this, destination, message, mode, messagePriority, ttl, deliveryDelay, listener);
    }

    // ---- sending to a destination named per send (anonymous producers) ----

    @Override
    public void send(Destination target, Message message) throws JMSException {
        send(target, message, deliveryMode, priority, timeToLive);
    }

    @Override
    public void send(Destination target, Message message, int mode, int messagePriority, long ttl)
            throws JMSException {
        sendTo(target, message, mode, messagePriority, ttl, null);
    }

    @Override
    public void send(Destination target, Message message, CompletionListener listener) throws JMSException {
        send(target, message, deliveryMode, priority, timeToLive, listener);
    }

    @Override
    public void send(Destination target, Message message, int mode, int messagePriority, long ttl,
                     CompletionListener listener) throws JMSException {
        checkOpen();
        checkCompletionListener(listener);
        sendTo(target, message, mode, messagePriority, ttl, listener);
    }

    private void sendTo(Destination target, Message message, int mode, int messagePriority, long ttl,
                        CompletionListener listener) throws JMSException {
        checkOpen();
        if (destination != null) {
            throw new UnsupportedOperationException("This producer sends to " + destination
                    + "; only a producer created without a destination takes one per send");
        }
        if (target == null) {
            throw new InvalidDestinationException("The destination to send to must not be null");
        }
        session.send(this, target, message, mode, messagePriority, ttl, deliveryDelay, listener);
    }

    // ---- the classic queue and topic interfaces ----

    @Override
    public void send(Queue queue, Message message) throws JMSException {
        send((Destination) queue, message);
    }

    @Override
    public void send(Queue queue, Message message, int mode, int messagePriority, long ttl) throws JMSException {
        send((Destination) queue, message, mode, messagePriority, ttl);
    }

    @Override
    public void publish(Message message) throws JMSException {
        send(message);
    }

    @Override
    public void publish(Message message, int mode, int messagePriority, long ttl) throws JMSException {
        send(message, mode, messagePriority, ttl);
    }

    @Override
    public void publish(Topic topic, Message message) throws JMSException {
        send(topic, message);
    }

    @Override
    public void publish(Topic topic, Message message, int mode, int messagePriority, long ttl) throws JMSException {
        send(topic, message, mode, messagePriority, ttl);
    }

    private static void checkCompletionListener(CompletionListener listener) {
        if (listener == null) {
            throw new IllegalArgumentException("The CompletionListener must not be null");
        }
    }

    // ---- close ----

    @Override
    public void close() throws JMSException {
        if (DepotSession.isCompletionThreadOf(session.connection)) {
            throw new IllegalStateException("A CompletionListener must not close its own producer");
        }
        if (!closed) {
            session.awaitCompletions();
            closed = true;
            session.producerClosed(this);
        }
    }

    void closeInternally() {
        closed = true;
    }
}
