package dev.depot.jms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.jms.InvalidSelectorException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BrowserAndSelectorTest extends JmsTestSupport {

    private void sendColoured(Queue queue, String... colours) throws Exception {
        Session session = session();
        MessageProducer producer = session.createProducer(queue);
        for (String colour : colours) {
            TextMessage m = session.createTextMessage(colour);
            m.setStringProperty("colour", colour);
            producer.send(m);
        }
    }

    private static List<String> texts(QueueBrowser browser) throws Exception {
        List<String> texts = new ArrayList<>();
        for (Object m : listOf(browser.getEnumeration())) {
            texts.add(text((Message) m));
        }
        return texts;
    }

    @Test
    void aBrowserSeesTheQueueInDeliveryOrderWithoutConsumingIt() throws Exception {
        Queue queue = session().createQueue("browsed");
        String[] texts = new String[250];
        for (int i = 0; i < texts.length; i++) {
            texts[i] = "m" + i;
        }
        sendTexts(queue, texts);

        QueueBrowser browser = session().createBrowser(queue);
        assertThat(texts(browser)).containsExactly(texts);
        assertThat(texts(browser)).as("a second enumeration starts again").hasSize(250);
        assertThat(browser.getQueue()).isEqualTo(queue);
        assertThat(depth("browsed")).isEqualTo(250);
        assertThat(drain(session().createConsumer(queue), 300)).hasSize(250);
    }

    @Test
    void aBrowserWithASelectorSeesOnlyMatchingMessages() throws Exception {
        Queue queue = session().createQueue("browse-select");
        sendColoured(queue, "red", "blue", "red", "green");

        QueueBrowser browser = session().createBrowser(queue, "colour = 'red'");
        assertThat(texts(browser)).containsExactly("red", "red");
        assertThat(browser.getMessageSelector()).isEqualTo("colour = 'red'");
    }

    @Test
    void consumersWithSelectorsShareAQueueWithoutTakingEachOthersMessages() throws Exception {
        Queue queue = session().createQueue("split");
        MessageConsumer reds = session().createConsumer(queue, "colour = 'red'");
        MessageConsumer blues = session().createConsumer(queue, "colour IN ('blue') AND colour NOT LIKE 'g%'");
        sendColoured(queue, "red", "blue", "green", "red", "blue");

        assertThat(drain(reds, 300)).containsExactly("red", "red");
        assertThat(drain(blues, 300)).containsExactly("blue", "blue");
        assertThat(drain(session().createConsumer(queue), 300)).containsExactly("green");
    }

    @Test
    void aSelectiveConsumerFindsTheOneMatchBehindAHundredThousandOthersInFewRoundTrips() throws Exception {
        Queue queue = session().createQueue("needle");
        Session tx = connection.createSession(true, Session.SESSION_TRANSACTED);
        MessageProducer producer = tx.createProducer(queue);
        for (int i = 0; i < 100_000; i++) {
            TextMessage m = tx.createTextMessage("hay");
            m.setIntProperty("n", i);
            producer.send(m);
            if (i % 1_000 == 999) {
                tx.commit();
            }
        }
        TextMessage needle = tx.createTextMessage("needle");
        needle.setBooleanProperty("wanted", true);
        producer.send(needle);
        tx.commit();

        MessageConsumer consumer = session().createConsumer(queue, "wanted = TRUE");
        long before = factory.engine().store.statementCount();
        assertThat(text(consumer.receive(10_000))).isEqualTo("needle");
        long statements = factory.engine().store.statementCount() - before;
        // One page of headers per 1 000 candidates, the claim and the acknowledgement: about a hundred.
        // The count also holds this JVM's heartbeats meanwhile; one per skipped message would be 100 000.
        assertThat(statements).as("round trips to find the needle").isLessThan(1_000);
        assertThat(depth("needle")).isEqualTo(100_000);
        assertThat(claimedRows()).as("no hay was claimed on the way").isZero();
    }

    private long claimedRows() throws Exception {
        try (var c = dev.depot.store.testing.TestDatabase.connect(); var s = c.createStatement();
             var rs = s.executeQuery("select count(*) from " + schema + ".depot_delivery where claimed_by is not null")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void badSelectorsAreRefusedWithTheProblemNamed() throws Exception {
        Session session = session();
        Queue queue = session.createQueue("q");
        assertThatThrownBy(() -> session.createConsumer(queue, "colour = "))
                .isInstanceOf(InvalidSelectorException.class).hasMessageContaining("colour =");
        assertThatThrownBy(() -> session.createConsumer(queue, "(a = 1"))
                .isInstanceOf(InvalidSelectorException.class);
        assertThatThrownBy(() -> session.createBrowser(queue, "a LIKE 'x' ESCAPE 'ab'"))
                .isInstanceOf(InvalidSelectorException.class);
        assertThatThrownBy(() -> session.createConsumer(queue, "'just a string'"))
                .isInstanceOf(InvalidSelectorException.class);
    }

    @Test
    void selectorsFullOfSqlAreMatchedAsPlainText() throws Exception {
        Queue queue = session().createQueue("injection");
        String evil = "x'; DELETE FROM depot_message; --";
        sendColoured(queue, evil, "plain");

        MessageConsumer consumer = session().createConsumer(queue,
                "colour = 'x''; DELETE FROM depot_message; --' OR colour = 'DROP TABLE depot_delivery'");
        assertThat(drain(consumer, 300)).containsExactly(evil);
        assertThat(drain(session().createConsumer(queue), 300)).containsExactly("plain");
    }
}
