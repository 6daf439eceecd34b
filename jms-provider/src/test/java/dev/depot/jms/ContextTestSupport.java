package dev.depot.jms;

import dev.depot.store.testing.TestDatabase;
import jakarta.jms.Connection;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import jakarta.jms.TextMessage;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/**
 * Each test class gets a connection factory on a schema of its own; each test gets fresh queues and
 * the contexts it opens are closed after it.
 */
abstract class ContextTestSupport {

    static final int AUTO = JMSContext.AUTO_ACKNOWLEDGE;
    static final int CLIENT = JMSContext.CLIENT_ACKNOWLEDGE;
    static final int DUPS_OK = JMSContext.DUPS_OK_ACKNOWLEDGE;
    static final int TRANSACTED = JMSContext.SESSION_TRANSACTED;

    private static final AtomicInteger QUEUES = new AtomicInteger();

    static String schema;
    static DepotConnectionFactory factory;

    private final List<JMSContext> contexts = new ArrayList<>();

    /** A serializable application object for ObjectMessage bodies. */
    record Order(String id, int quantity) implements Serializable {
    }

    @BeforeAll
    static void openFactory() {
        schema = TestDatabase.newSchema();
        factory = new DepotConnectionFactory(TestDatabase.url());
        factory.setSchema(schema);
        factory.setPollMillis(200);
    }

    @AfterAll
    static void closeFactory() {
        factory.close();
        TestDatabase.dropSchema(schema);
    }

    @AfterEach
    void closeContexts() {
        for (JMSContext context : contexts) {
            try {
                context.close();
            } catch (RuntimeException e) {
                // the test may have left it in any state
            }
        }
        contexts.clear();
    }

    /** A context on a connection of its own, closed after the test. */
    DepotJMSContext context(int sessionMode) throws JMSException {
        return track((DepotJMSContext) factory.createContext(sessionMode));
    }

    /** A context on the given connection, closed after the test. */
    DepotJMSContext context(Connection connection, int sessionMode) {
        return track(new DepotJMSContext(connection, sessionMode));
    }

    <T extends JMSContext> T track(T context) {
        contexts.add(context);
        return context;
    }

    /** A queue no other test uses. */
    static Queue newQueue(JMSContext context) {
        return context.createQueue("ctx-" + schema + "-" + QUEUES.incrementAndGet());
    }

    static String text(Message message) throws JMSException {
        return message == null ? null : ((TextMessage) message).getText();
    }
}
