package dev.depot.jms;

import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import java.io.PrintStream;

/**
 * A consumer in a JVM of its own, for the tests that need a second JVM on the same database.
 * It reports on standard output, one line per event, and reads nothing.
 *
 * <pre>
 *   RemoteConsumer URL SCHEMA QUEUE drain IDLE_MILLIS  consumes in transactions of 100 until idle; prints "GOT n" per message
 *   RemoteConsumer URL SCHEMA QUEUE hold COUNT         receives COUNT messages without acknowledging, prints "HELD n", then waits to be killed
 *   RemoteConsumer URL SCHEMA QUEUE listen COUNT       a listener in AUTO_ACKNOWLEDGE (prefetch COUNT) that prints "HELD n" for its first message, then never returns
 *   RemoteConsumer URL SCHEMA QUEUE reply COUNT        answers COUNT requests to their JMSReplyTo with "re: text", keeping the correlation ID
 * </pre>
 */
public final class RemoteConsumer {

    private RemoteConsumer() {
    }

    public static void main(String[] args) throws Exception {
        String url = args[0];
        String schema = args[1];
        String queueName = args[2];
        String mode = args[3];
        long number = Long.parseLong(args[4]);
        PrintStream out = System.out;
        DepotConnectionFactory factory = new DepotConnectionFactory(url);
        factory.setSchema(schema);
        factory.setHeartbeatMillis(200);
        factory.setNodeTimeoutMillis(1_500);
        factory.setPollMillis(200);
        if (mode.equals("hold") || mode.equals("listen")) {
            factory.setPrefetch((int) number);
        }
        Connection connection = factory.createConnection();
        connection.start();
        if (mode.equals("drain")) {
            Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
            MessageConsumer consumer = session.createConsumer(session.createQueue(queueName));
            out.println("READY");
            out.flush();
            int inTransaction = 0;
            boolean started = false;
            while (true) {
                Message m = consumer.receive(started ? number : 60_000);
                if (m == null) {
                    break;
                }
                started = true;
                out.println("GOT " + m.getIntProperty("n"));
                if (++inTransaction == 100) {
                    session.commit();
                    inTransaction = 0;
                }
            }
            session.commit();
            out.println("DONE");
            out.flush();
            connection.close();
            factory.close();
        } else if (mode.equals("hold")) {
            Session session = connection.createSession(false, Session.CLIENT_ACKNOWLEDGE);
            MessageConsumer consumer = session.createConsumer(session.createQueue(queueName));
            for (int i = 0; i < number; i++) {
                Message m = consumer.receive(30_000);
                out.println("HELD " + m.getIntProperty("n"));
            }
            out.println("READY");
            out.flush();
            Thread.sleep(Long.MAX_VALUE);
        } else if (mode.equals("listen")) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageConsumer consumer = session.createConsumer(session.createQueue(queueName));
            consumer.setMessageListener(m -> {
                try {
                    out.println("HELD " + m.getIntProperty("n"));
                    out.println("READY");
                    out.flush();
                    Thread.sleep(Long.MAX_VALUE);
                } catch (jakarta.jms.JMSException | InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
            Thread.sleep(Long.MAX_VALUE);
        } else if (mode.equals("reply")) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageConsumer consumer = session.createConsumer(session.createQueue(queueName));
            jakarta.jms.MessageProducer replies = session.createProducer(null);
            out.println("READY");
            out.flush();
            for (int i = 0; i < number; i++) {
                jakarta.jms.TextMessage request = (jakarta.jms.TextMessage) consumer.receive(60_000);
                jakarta.jms.TextMessage reply = session.createTextMessage("re: " + request.getText());
                reply.setJMSCorrelationID(request.getJMSMessageID());
                replies.send(request.getJMSReplyTo(), reply);
            }
            out.println("DONE");
            out.flush();
            connection.close();
            factory.close();
        } else {
            throw new IllegalArgumentException("Unknown mode " + mode);
        }
    }
}
