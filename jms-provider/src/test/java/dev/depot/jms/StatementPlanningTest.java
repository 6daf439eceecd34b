package dev.depot.jms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.depot.store.testing.TestDatabase;
import jakarta.jms.JMSException;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * Depot's statements are planned once per connection, also once its tables have statistics: an
 * analyzed, nearly empty queue table must not make PostgreSQL plan every send and acknowledgement
 * anew (which costs more than running them).
 */
class StatementPlanningTest extends JmsTestSupport {

    @Test
    void sendsAndAcknowledgementsKeepTheirPlanAfterTheTablesAreAnalyzed() throws JMSException, SQLException {
        DepotConnectionFactory single = newFactory(schema);
        single.setMaxPoolSize(1);
        try (jakarta.jms.Connection c = single.createConnection()) {
            c.start();
            Session session = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Queue queue = session.createQueue("planned");
            MessageProducer producer = session.createProducer(queue);
            MessageConsumer consumer = session.createConsumer(queue);
            exchange(session, producer, consumer, 10);
            try (java.sql.Connection admin = TestDatabase.connect(); Statement s = admin.createStatement()) {
                s.execute("ANALYZE \"" + schema + "\".depot_delivery, \"" + schema + "\".depot_message");
            }
            exchange(session, producer, consumer, 20);

            try (java.sql.Connection pooled = single.engine().borrow(); Statement s = pooled.createStatement();
                 ResultSet rs = s.executeQuery("SELECT count(*), coalesce(sum(generic_plans), 0), "
                         + "coalesce(sum(custom_plans), 0) FROM pg_prepared_statements "
                         + "WHERE statement LIKE '%depot_delivery%'")) {
                rs.next();
                assertTrue(rs.getLong(1) > 0, "the pooled connection holds Depot's prepared statements");
                assertTrue(rs.getLong(2) > 0, "executions used the generic plans");
                assertEquals(0, rs.getLong(3), "no execution was planned for its own parameter values");
            }
        } finally {
            single.close();
        }
    }

    private static void exchange(Session session, MessageProducer producer, MessageConsumer consumer, int count)
            throws JMSException {
        for (int i = 0; i < count; i++) {
            producer.send(session.createTextMessage("m" + i));
            assertEquals("m" + i, text(consumer.receive(5_000)));
        }
    }
}
