package dev.depot.jms.demo;

import dev.depot.jms.DepotConnectionFactory;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.jms.Connection;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;

/**
 * Sends ten messages through Depot and receives them again, on an embedded PostgreSQL that it
 * starts and stops itself, or on the database whose JDBC URL is given as the first argument.
 */
public final class HelloDepot {

    /** Held so the setting stays: the JDK keeps loggers only weakly. */
    private static final java.util.logging.Logger HIBERNATE = java.util.logging.Logger.getLogger("org.hibernate");

    private HelloDepot() {
    }

    public static void main(String[] args) throws Exception {
        HIBERNATE.setLevel(java.util.logging.Level.WARNING);
        EmbeddedPostgres embedded = null;
        String url;
        if (args.length > 0) {
            url = args[0];
        } else {
            System.out.println("Starting an embedded PostgreSQL...");
            embedded = EmbeddedPostgres.builder().start();
            url = embedded.getJdbcUrl("postgres", "postgres");
        }
        try (DepotConnectionFactory factory = new DepotConnectionFactory(url);
             Connection connection = factory.createConnection()) {
            connection.start();
            Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
            Queue queue = session.createQueue("hello");
            MessageProducer producer = session.createProducer(queue);
            MessageConsumer consumer = session.createConsumer(queue);
            long start = System.nanoTime();
            for (int i = 1; i <= 10; i++) {
                producer.send(session.createTextMessage("Hello from Depot #" + i));
            }
            for (int i = 1; i <= 10; i++) {
                TextMessage message = (TextMessage) consumer.receive(5_000);
                System.out.println("received " + message.getJMSMessageID() + ": " + message.getText());
            }
            System.out.printf("10 messages sent and received through PostgreSQL in %d ms%n",
                    (System.nanoTime() - start) / 1_000_000);
        } finally {
            if (embedded != null) {
                embedded.close();
            }
        }
    }
}
