package dev.depot.jms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
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
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Depot's statements are planned once per connection, also once its tables have statistics: an
 * analyzed, nearly empty queue table must not make PostgreSQL plan every send and acknowledgement
 * anew (which costs more than running them). And a plan made while the tables were nearly empty
 * must still find each message and delivery by its key once a backlog has built up.
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

    @Test
    void plansMadeOnEmptyTablesFindEachRowByItsKey() throws JMSException, SQLException {
        // The driver prepares each statement on the server at its first run, where it keeps the
        // plan it gets then.
        String url = TestDatabase.url();
        DepotConnectionFactory single = newFactory(schema, url + (url.contains("?") ? "&" : "?") + "prepareThreshold=1");
        single.setMaxPoolSize(1);
        try (jakarta.jms.Connection c = single.createConnection()) {
            c.start();
            Session session = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Queue queue = session.createQueue("planned");
            MessageProducer producer = session.createProducer(queue);
            MessageConsumer consumer = session.createConsumer(queue);
            Session client = c.createSession(false, Session.CLIENT_ACKNOWLEDGE);
            MessageConsumer selective = client.createConsumer(queue, "n >= 0");
            exchange(session, producer, consumer, 1);
            try (java.sql.Connection admin = TestDatabase.connect(); Statement s = admin.createStatement()) {
                // Empty, as Depot's own vacuum leaves them whenever the consumers have kept up; the
                // statements are planned again at their next run.
                s.execute("VACUUM (ANALYZE) \"" + schema + "\".depot_delivery, \"" + schema + "\".depot_message");
            }
            assertNull(consumer.receiveNoWait());
            assertNull(selective.receiveNoWait());
            try (jakarta.jms.QueueBrowser browser = session.createBrowser(queue)) {
                assertFalse(browser.getEnumeration().hasMoreElements(), "the queue is empty");
            }
            exchange(session, producer, consumer, 2);
            jakarta.jms.Message sent = session.createTextMessage("selected");
            sent.setIntProperty("n", 1);
            producer.send(sent);
            assertEquals("selected", text(selective.receive(5_000)));
            client.recover();
            jakarta.jms.Message again = selective.receive(5_000);
            assertEquals("selected", text(again));
            again.acknowledge();

            List<String> checked = new ArrayList<>();
            List<String> scans = new ArrayList<>();
            try (java.sql.Connection pooled = single.engine().borrow(); Statement s = pooled.createStatement()) {
                List<Prepared> statements = new ArrayList<>();
                try (ResultSet rs = s.executeQuery("SELECT name, statement, cardinality(parameter_types) "
                        + "FROM pg_prepared_statements WHERE statement LIKE '%depot_delivery%'")) {
                    while (rs.next()) {
                        statements.add(new Prepared(rs.getString(1), rs.getString(2), rs.getInt(3)));
                    }
                }
                for (Prepared statement : statements) {
                    String sql = statement.sql();
                    if (sql.contains("depot_node") || sql.contains("m.fanout AND NOT EXISTS")) {
                        continue; // housekeeping, which reads whole tables by design
                    }
                    checked.add(sql);
                    String nulls = String.join(", ", Collections.nCopies(statement.parameters(), "NULL"));
                    List<String> plan = new ArrayList<>();
                    try (ResultSet rs = s.executeQuery("EXPLAIN EXECUTE \"" + statement.name() + "\""
                            + (nulls.isEmpty() ? "" : "(" + nulls + ")"))) {
                        while (rs.next()) {
                            plan.add(rs.getString(1));
                        }
                    }
                    String flat = sql.replaceAll("\\s+", " ");
                    String excerpt = flat.substring(0, Math.min(100, flat.length()));
                    scansWithoutKey(plan).forEach(node -> scans.add(node + " in: " + excerpt));
                }
            }
            assertTrue(checked.stream().anyMatch(sql -> sql.contains("SKIP LOCKED") && sql.contains("UPDATE")),
                    "a claim was among the statements checked");
            assertTrue(checked.stream().anyMatch(sql -> sql.contains("DELETE FROM")), "an acknowledgement was checked");
            assertTrue(checked.stream().anyMatch(sql -> sql.contains("UNION ALL (SELECT")), "a browse or scan was checked");
            assertTrue(checked.stream().anyMatch(sql -> sql.contains("dead_letter_queue")), "a release was checked");
            assertEquals(List.of(), scans, "scans of a queue table that find no row by its key, in " + checked.size()
                    + " statements");
        } finally {
            single.close();
        }
    }

    /** A statement the driver prepared on the server, with its number of parameters. */
    private record Prepared(String name, String sql, int parameters) {
    }

    /** The scan nodes of a plan on depot_message or depot_delivery that have no index or row-address condition. */
    private static List<String> scansWithoutKey(List<String> plan) {
        Pattern scan = Pattern.compile("(Seq Scan|Index Scan|Index Only Scan|Tid Scan)( using \\S+)? on depot_(message|delivery)\\b");
        List<String> found = new ArrayList<>();
        for (int i = 0; i < plan.size(); i++) {
            if (!scan.matcher(plan.get(i)).find()) {
                continue;
            }
            boolean keyed = false;
            for (int j = i + 1; j < plan.size() && !plan.get(j).contains("->"); j++) {
                keyed |= plan.get(j).contains("Index Cond:") || plan.get(j).contains("TID Cond:");
            }
            if (!keyed) {
                found.add(plan.get(i).trim());
            }
        }
        return found;
    }

    private static void exchange(Session session, MessageProducer producer, MessageConsumer consumer, int count)
            throws JMSException {
        for (int i = 0; i < count; i++) {
            producer.send(session.createTextMessage("m" + i));
            assertEquals("m" + i, text(consumer.receive(5_000)));
        }
    }
}
