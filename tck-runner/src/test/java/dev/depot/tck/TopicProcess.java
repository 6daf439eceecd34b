package dev.depot.tck;

import dev.depot.jms.DepotConnectionFactory;
import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.Topic;

/**
 * A topic subscriber in a JVM of its own, for the conformance tests that need several JVMs.
 * It reports on standard output, one line per event.
 *
 * <pre>
 *   TopicProcess URL SCHEMA TOPIC durable CLIENT_ID SUBSCRIPTION HOLD  receives HOLD messages without acknowledging, prints "HELD n", then waits to be killed
 *   TopicProcess URL SCHEMA TOPIC shared - SUBSCRIPTION IDLE_MILLIS   consumes from a shared subscription in transactions until idle; prints "GOT n"
 * </pre>
 */
public final class TopicProcess {

    private TopicProcess() {
    }

    public static void main(String[] args) throws Exception {
        DepotConnectionFactory factory = new DepotConnectionFactory(args[0]);
        factory.setSchema(args[1]);
        factory.setHeartbeatMillis(200);
        factory.setNodeTimeoutMillis(1_500);
        factory.setPollMillis(200);
        String mode = args[3];
        long number = Long.parseLong(args[6]);
        Connection connection = factory.createConnection();
        if (mode.equals("durable")) {
            connection.setClientID(args[4]);
        }
        connection.start();
        if (mode.equals("durable")) {
            Session session = connection.createSession(Session.CLIENT_ACKNOWLEDGE);
            Topic topic = session.createTopic(args[2]);
            MessageConsumer consumer = session.createDurableConsumer(topic, args[5]);
            System.out.println("READY");
            System.out.flush();
            for (int i = 0; i < number; i++) {
                Message m = consumer.receive(60_000);
                System.out.println("HELD " + m.getIntProperty("n"));
            }
            System.out.println("HOLDING");
            System.out.flush();
            Thread.sleep(Long.MAX_VALUE);
        } else {
            Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
            MessageConsumer consumer = session.createSharedConsumer(session.createTopic(args[2]), args[5]);
            System.out.println("READY");
            System.out.flush();
            boolean started = false;
            int inTransaction = 0;
            while (true) {
                Message m = consumer.receive(started ? number : 60_000);
                if (m == null) {
                    break;
                }
                started = true;
                System.out.println("GOT " + m.getIntProperty("n"));
                if (++inTransaction == 50) {
                    session.commit();
                    inTransaction = 0;
                }
            }
            session.commit();
            System.out.println("DONE");
            System.out.flush();
            connection.close();
            factory.close();
        }
    }
}
