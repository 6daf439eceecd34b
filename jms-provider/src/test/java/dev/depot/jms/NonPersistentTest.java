package dev.depot.jms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * Non-persistent messages of non-transacted sessions: sent without waiting for their commit,
 * acknowledged in the background, delivered at most once; and still in order, and all written
 * once the session closes.
 */
class NonPersistentTest extends JmsTestSupport {

    @Test
    void nonPersistentSendsKeepTheirOrderAmongPersistentOnesAndAreAllWrittenWhenTheConnectionCloses() throws Exception {
        Connection sender = anotherConnection();
        Session session = sender.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue queue = session.createQueue("mixed");
        MessageProducer producer = session.createProducer(queue);
        for (int i = 0; i < 1_000; i++) {
            Message m = session.createMessage();
            m.setIntProperty("n", i);
            producer.send(m, i % 100 == 50 ? DeliveryMode.PERSISTENT : DeliveryMode.NON_PERSISTENT, 4, 0);
        }

        sender.close();

        assertThat(depth("mixed")).as("close() returns once every message sent is written").isEqualTo(1_000);
        MessageConsumer consumer = session().createConsumer(queue);
        List<Integer> received = new ArrayList<>();
        Message m;
        while ((m = consumer.receive(1_000)) != null) {
            int n = m.getIntProperty("n");
            received.add(n);
            assertThat(m.getJMSDeliveryMode())
                    .isEqualTo(n % 100 == 50 ? DeliveryMode.PERSISTENT : DeliveryMode.NON_PERSISTENT);
        }
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            expected.add(i);
        }
        assertThat(received).containsExactlyElementsOf(expected);
    }

    @Test
    void aNonPersistentMessageReceivedInAutoAcknowledgeIsAcknowledgedInTheBackgroundAndNeverComesBack()
            throws Exception {
        Session session = session();
        Queue queue = session.createQueue("once");
        MessageProducer producer = session.createProducer(queue);
        producer.setDeliveryMode(DeliveryMode.NON_PERSISTENT);
        for (int i = 0; i < 3; i++) {
            producer.send(session.createTextMessage("np" + i));
        }
        MessageConsumer consumer = session.createConsumer(queue);
        assertThat(List.of(text(consumer.receive(5_000)), text(consumer.receive(5_000)), text(consumer.receive(5_000))))
                .containsExactly("np0", "np1", "np2");

        await().atMost(Duration.ofSeconds(10)).until(() -> depth("once") == 0);
        assertThat(rows("depot_message")).isZero();
        consumer.close();
        MessageConsumer another = anotherConnection().createSession(false, Session.AUTO_ACKNOWLEDGE).createConsumer(queue);
        assertThat(another.receive(500)).isNull();
    }

    @Test
    void aListenerInAutoAcknowledgeConsumesNonPersistentMessagesOnce() throws Exception {
        Session session = session();
        Queue queue = session.createQueue("listened");
        MessageProducer producer = session.createProducer(queue);
        producer.setDeliveryMode(DeliveryMode.NON_PERSISTENT);
        List<String> heard = new CopyOnWriteArrayList<>();
        Session listening = anotherConnection().createSession(false, Session.AUTO_ACKNOWLEDGE);
        listening.createConsumer(queue).setMessageListener(m -> {
            try {
                heard.add(text(m));
            } catch (jakarta.jms.JMSException e) {
                throw new java.lang.IllegalStateException(e);
            }
        });

        for (int i = 0; i < 200; i++) {
            producer.send(session.createTextMessage("m" + i));
        }

        await().atMost(Duration.ofSeconds(20)).until(() -> heard.size() == 200 && depth("listened") == 0);
        assertThat(heard).doesNotHaveDuplicates();
        assertThat(rows("depot_message")).isZero();
    }
}
