package dev.depot.bench.transport;

import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.jms.BytesMessage;
import jakarta.jms.CompletionListener;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.Destination;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.Topic;

/**
 * A provider reached through jakarta.jms only. Every producer and consumer gets a connection and a
 * session of its own; bodies travel as BytesMessage.
 */
public final class JmsTransport implements Transport {
    private final ConnectionFactory factory;
    private final boolean waitForCompletionOnPersistentSend;
    private final AutoCloseable onClose;
    private final Set<Connection> connections = ConcurrentHashMap.newKeySet();
    private final AtomicLong callbacksOnSendingThread = new AtomicLong();
    private final AtomicLong callbacks = new AtomicLong();

    /**
     * @param waitForCompletionOnPersistentSend when the provider's plain send() returns before the
     *        message is durable (RabbitMQ's JMS client does), a persistent send is made with a
     *        CompletionListener and waits for it: the provider calls it on the broker's confirm.
     */
    public JmsTransport(ConnectionFactory factory, boolean waitForCompletionOnPersistentSend, AutoCloseable onClose) {
        this.factory = factory;
        this.waitForCompletionOnPersistentSend = waitForCompletionOnPersistentSend;
        this.onClose = onClose;
    }

    public ConnectionFactory factory() {
        return factory;
    }

    /** How many asynchronous-send callbacks ran on the thread that called send(): 0 is the spec's way. */
    public long callbacksOnSendingThread() {
        return callbacksOnSendingThread.get();
    }

    public long callbacks() {
        return callbacks.get();
    }

    @Override
    public Client connect(String clientId) throws JMSException {
        Connection connection = factory.createConnection();
        try {
            if (clientId != null) {
                connection.setClientID(clientId);
            }
            connection.start();
        } catch (JMSException | RuntimeException e) {
            connection.close();
            throw e;
        }
        connections.add(connection);
        return new JmsClient(connection);
    }

    @Override
    public void close() throws Exception {
        for (Connection c : connections) {
            try {
                c.close();
            } catch (JMSException ignored) {
                // closing anyway
            }
        }
        connections.clear();
        if (onClose != null) {
            onClose.close();
        }
    }

    private final class JmsClient implements Client {
        private final Connection connection;

        JmsClient(Connection connection) {
            this.connection = connection;
        }

        private Destination destination(Session session, Dest dest) throws JMSException {
            return dest.topic() ? session.createTopic(dest.name()) : session.createQueue(dest.name());
        }

        @Override
        public Sender sender(Dest dest, SendMode mode) throws JMSException {
            boolean transacted = mode == SendMode.TRANSACTED;
            Session session = connection.createSession(transacted, transacted ? Session.SESSION_TRANSACTED : Session.AUTO_ACKNOWLEDGE);
            MessageProducer producer = session.createProducer(destination(session, dest));
            producer.setDeliveryMode(mode == SendMode.NON_PERSISTENT ? DeliveryMode.NON_PERSISTENT : DeliveryMode.PERSISTENT);
            return new JmsSender(session, producer, mode);
        }

        @Override
        public Receiver receiver(Dest dest, AckMode mode, String selector, String subscription) throws JMSException {
            boolean transacted = mode == AckMode.TRANSACTED;
            Session session = connection.createSession(transacted, transacted ? Session.SESSION_TRANSACTED : Session.AUTO_ACKNOWLEDGE);
            Destination destination = destination(session, dest);
            MessageConsumer consumer;
            if (dest.topic() && subscription != null) {
                consumer = session.createDurableConsumer((Topic) destination, subscription, selector, false);
            } else {
                consumer = session.createConsumer(destination, selector);
            }
            return new JmsReceiver(session, consumer);
        }

        @Override
        public void unsubscribe(String subscription) throws JMSException {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            try {
                session.unsubscribe(subscription);
            } finally {
                session.close();
            }
        }

        @Override
        public void close() throws JMSException {
            connections.remove(connection);
            connection.close();
        }
    }

    private final class JmsSender implements Sender {
        private final Session session;
        private final MessageProducer producer;
        private final SendMode mode;

        JmsSender(Session session, MessageProducer producer, SendMode mode) {
            this.session = session;
            this.producer = producer;
            this.mode = mode;
        }

        private BytesMessage message(byte[] body, String kind) throws JMSException {
            BytesMessage message = session.createBytesMessage();
            message.writeBytes(body);
            if (kind != null) {
                message.setStringProperty("kind", kind);
            }
            return message;
        }

        @Override
        public void send(byte[] body, String kind) throws Exception {
            BytesMessage message = message(body, kind);
            if (waitForCompletionOnPersistentSend && mode == SendMode.PERSISTENT) {
                CompletableFuture<Void> done = new CompletableFuture<>();
                producer.send(message, new CompletionListener() {
                    @Override
                    public void onCompletion(Message m) {
                        done.complete(null);
                    }

                    @Override
                    public void onException(Message m, Exception e) {
                        done.completeExceptionally(e);
                    }
                });
                try {
                    done.get(60, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    throw e.getCause() instanceof Exception x ? x : e;
                } catch (TimeoutException e) {
                    throw new TimeoutException("no send confirmation within 60 s");
                }
            } else {
                producer.send(message);
            }
        }

        @Override
        public void sendAsync(byte[] body, String kind, Completion completion) throws Exception {
            Thread sending = Thread.currentThread();
            producer.send(message(body, kind), new CompletionListener() {
                @Override
                public void onCompletion(Message m) {
                    count();
                    completion.completed();
                }

                @Override
                public void onException(Message m, Exception e) {
                    count();
                    completion.failed(e);
                }

                private void count() {
                    callbacks.incrementAndGet();
                    if (Thread.currentThread() == sending) {
                        callbacksOnSendingThread.incrementAndGet();
                    }
                }
            });
        }

        @Override
        public void commit() throws JMSException {
            session.commit();
        }

        @Override
        public void close() throws JMSException {
            session.close();
        }
    }

    private static final class JmsReceiver implements Receiver {
        private final Session session;
        private final MessageConsumer consumer;

        JmsReceiver(Session session, MessageConsumer consumer) {
            this.session = session;
            this.consumer = consumer;
        }

        @Override
        public byte[] receive(long timeoutMillis) throws JMSException {
            Message message = timeoutMillis <= 0 ? consumer.receiveNoWait() : consumer.receive(timeoutMillis);
            if (message == null) {
                return null;
            }
            if (message instanceof BytesMessage bytes) {
                byte[] body = new byte[(int) bytes.getBodyLength()];
                bytes.readBytes(body);
                return body;
            }
            throw new IllegalStateException("expected a BytesMessage, got " + message.getClass().getName());
        }

        @Override
        public void commit() throws JMSException {
            session.commit();
        }

        @Override
        public void close() throws JMSException {
            try {
                consumer.close();
            } finally {
                session.close();
            }
        }
    }
}
