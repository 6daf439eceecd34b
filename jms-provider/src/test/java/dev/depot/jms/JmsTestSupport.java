package dev.depot.jms;

import dev.depot.store.testing.TestDatabase;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Each test gets a connection factory on a schema of its own in the test database, with quick
 * heartbeats so that dead-node tests do not wait long, and a started connection to use.
 */
abstract class JmsTestSupport {

    protected String schema;
    protected DepotConnectionFactory factory;
    protected Connection connection;
    private final List<Connection> extra = new ArrayList<>();

    @BeforeEach
    void openFactory() throws JMSException {
        schema = TestDatabase.newSchema();
        factory = newFactory(schema);
        connection = factory.createConnection();
        connection.start();
    }

    @AfterEach
    void closeFactory() throws JMSException {
        for (Connection c : extra) {
            c.close();
        }
        connection.close();
        factory.close();
        TestDatabase.dropSchema(schema);
    }

    static DepotConnectionFactory newFactory(String schema) {
        return newFactory(schema, TestDatabase.url());
    }

    /** As {@link #newFactory(String)}, on the test database at {@code url} (the same one, with driver settings of its own). */
    static DepotConnectionFactory newFactory(String schema, String url) {
        DepotConnectionFactory f = new DepotConnectionFactory(url);
        f.setSchema(schema);
        f.setHeartbeatMillis(200);
        f.setNodeTimeoutMillis(1_500);
        f.setPollMillis(500);
        return f;
    }

    /** Another started connection of the same factory, closed after the test. */
    protected Connection anotherConnection() throws JMSException {
        Connection c = factory.createConnection();
        c.start();
        extra.add(c);
        return c;
    }

    protected Session session() throws JMSException {
        return connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
    }

    protected void sendTexts(Queue queue, String... texts) throws JMSException {
        try (Session s = connection.createSession(false, Session.AUTO_ACKNOWLEDGE)) {
            MessageProducer producer = s.createProducer(queue);
            for (String text : texts) {
                producer.send(s.createTextMessage(text));
            }
        }
    }

    protected static String text(Message message) throws JMSException {
        return message == null ? null : ((TextMessage) message).getText();
    }

    /** Receives until the queue stays empty for {@code quietMillis}; returns the texts in order. */
    protected static List<String> drain(MessageConsumer consumer, long quietMillis) throws JMSException {
        List<String> texts = new ArrayList<>();
        Message m;
        while ((m = consumer.receive(quietMillis)) != null) {
            texts.add(text(m));
        }
        return texts;
    }

    protected long depth(String queue) throws Exception {
        try (var c = TestDatabase.connect(); var s = c.createStatement();
             var rs = s.executeQuery("select count(*) from " + schema + ".depot_delivery d join " + schema
                     + ".depot_queue q on q.id = d.queue_id where q.name = '" + queue.replace("'", "''") + "'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The names of the queues in the schema, the dead-letter queue excepted. */
    protected List<String> queueNames() throws Exception {
        List<String> names = new ArrayList<>();
        try (var c = TestDatabase.connect(); var s = c.createStatement();
             var rs = s.executeQuery("select name from " + schema + ".depot_queue where name <> 'DLQ' order by id")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    protected long rows(String table) throws Exception {
        try (var c = TestDatabase.connect(); var s = c.createStatement();
             var rs = s.executeQuery("select count(*) from " + schema + "." + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The elements of one of the API's raw enumerations (property names, browsed messages). */
    static List<Object> listOf(java.util.Enumeration<?> elements) {
        return new ArrayList<>(java.util.Collections.list(elements));
    }
}
