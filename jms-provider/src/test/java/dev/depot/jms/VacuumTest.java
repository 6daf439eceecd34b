package dev.depot.jms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.depot.store.testing.TestDatabase;
import jakarta.jms.JMSException;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/**
 * Depot vacuums its own hot tables once consumed messages have left enough dead rows behind, also
 * where the server's autovacuum is off or slow: claims start at the head of a queue, where those
 * dead index entries sit.
 */
class VacuumTest extends JmsTestSupport {

    private static final int MESSAGES = 21_000;
    private static final int BATCH = 1_000;

    @Test
    void deadRowsOfConsumedMessagesAreVacuumedByDepot() throws JMSException, SQLException, InterruptedException {
        Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
        Queue queue = session.createQueue("vacuumed");
        MessageProducer producer = session.createProducer(queue);
        MessageConsumer consumer = session.createConsumer(queue);
        for (int sent = 0; sent < MESSAGES; sent += BATCH) {
            for (int i = 0; i < BATCH; i++) {
                producer.send(session.createTextMessage("m" + (sent + i)));
            }
            session.commit();
            for (int i = 0; i < BATCH; i++) {
                assertEquals("m" + (sent + i), text(consumer.receive(5_000)));
            }
            session.commit();
        }
        assertNull(consumer.receiveNoWait(), "every message was consumed once");

        // The dead rows reach PostgreSQL's statistics within seconds, and Depot looks every second.
        long deadline = System.currentTimeMillis() + 30_000;
        long vacuums = 0;
        while (vacuums == 0 && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
            vacuums = manualVacuums("depot_delivery");
        }
        assertTrue(vacuums > 0, "Depot vacuumed depot_delivery after " + MESSAGES + " messages were consumed");
    }

    /** VACUUMs run by a client (not by autovacuum) on one of this test's tables. */
    private long manualVacuums(String table) throws SQLException {
        try (java.sql.Connection c = TestDatabase.connect();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT vacuum_count FROM pg_stat_user_tables WHERE schemaname = ? AND relname = ?")) {
            ps.setString(1, schema);
            ps.setString(2, table);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next(), "the table exists");
                return rs.getLong(1);
            }
        }
    }
}
