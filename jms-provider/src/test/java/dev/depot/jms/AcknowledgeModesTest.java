package dev.depot.jms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.jms.IllegalStateException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import org.junit.jupiter.api.Test;

class AcknowledgeModesTest extends JmsTestSupport {

    @Test
    void autoAcknowledgeNeverDeliversAReceivedMessageAgain() throws Exception {
        Queue queue = session().createQueue("auto");
        sendTexts(queue, "once");
        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        assertThat(text(session.createConsumer(queue).receive(5_000))).isEqualTo("once");
        session.close();

        assertThat(session().createConsumer(queue).receive(500)).isNull();
        assertThat(depth("auto")).isZero();
    }

    @Test
    void clientAcknowledgeRedeliversWhatWasNotAcknowledged() throws Exception {
        Queue queue = session().createQueue("client");
        sendTexts(queue, "a", "b");
        Session session = connection.createSession(false, Session.CLIENT_ACKNOWLEDGE);
        MessageConsumer consumer = session.createConsumer(queue);
        assertThat(text(consumer.receive(5_000))).isEqualTo("a");
        assertThat(text(consumer.receive(5_000))).isEqualTo("b");
        session.close();

        MessageConsumer again = session().createConsumer(queue);
        Message a = again.receive(5_000);
        assertThat(text(a)).isEqualTo("a");
        assertThat(a.getJMSRedelivered()).isTrue();
        assertThat(a.getIntProperty("JMSXDeliveryCount")).isEqualTo(2);
        assertThat(text(again.receive(5_000))).isEqualTo("b");
    }

    @Test
    void acknowledgingOneMessageAcknowledgesEverythingTheSessionConsumed() throws Exception {
        Queue queue = session().createQueue("client-all");
        sendTexts(queue, "a", "b", "c");
        Session session = connection.createSession(false, Session.CLIENT_ACKNOWLEDGE);
        MessageConsumer consumer = session.createConsumer(queue);
        Message a = consumer.receive(5_000);
        consumer.receive(5_000);
        a.acknowledge();
        session.close();

        assertThat(drain(session().createConsumer(queue), 500)).containsExactly("c");
    }

    @Test
    void recoverRedeliversFromTheFirstUnacknowledgedMessage() throws Exception {
        Queue queue = session().createQueue("recover");
        sendTexts(queue, "a", "b", "c");
        Session session = connection.createSession(false, Session.CLIENT_ACKNOWLEDGE);
        MessageConsumer consumer = session.createConsumer(queue);
        consumer.receive(5_000).acknowledge();
        assertThat(text(consumer.receive(5_000))).isEqualTo("b");

        session.recover();

        Message b = consumer.receive(5_000);
        assertThat(text(b)).isEqualTo("b");
        assertThat(b.getJMSRedelivered()).isTrue();
        Message c = consumer.receive(5_000);
        assertThat(text(c)).isEqualTo("c");
        assertThat(c.getJMSRedelivered()).as("c was only prefetched, never delivered").isFalse();
        c.acknowledge();
        assertThat(depth("recover")).isZero();
    }

    @Test
    void dupsOkAcknowledgesEverythingByTheTimeTheSessionCloses() throws Exception {
        Queue queue = session().createQueue("dups");
        String[] texts = new String[150];
        for (int i = 0; i < texts.length; i++) {
            texts[i] = "m" + i;
        }
        sendTexts(queue, texts);
        Session session = connection.createSession(false, Session.DUPS_OK_ACKNOWLEDGE);
        assertThat(drain(session.createConsumer(queue), 300)).hasSize(150);
        session.close();

        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5)).until(() -> depth("dups") == 0);
        assertThat(session().createConsumer(queue).receive(300)).isNull();
    }

    @Test
    void acknowledgeOnAClosedSessionIsRefused() throws Exception {
        Queue queue = session().createQueue("closed-ack");
        sendTexts(queue, "a");
        Session session = connection.createSession(false, Session.CLIENT_ACKNOWLEDGE);
        Message a = session.createConsumer(queue).receive(5_000);
        session.close();

        assertThatThrownBy(a::acknowledge).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void recoverIsNotForTransactedSessionsNorCommitForOthers() throws Exception {
        Session transacted = connection.createSession(true, Session.SESSION_TRANSACTED);
        assertThatThrownBy(transacted::recover).isInstanceOf(IllegalStateException.class);
        Session auto = session();
        assertThatThrownBy(auto::commit).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(auto::rollback).isInstanceOf(IllegalStateException.class);
        assertThat(transacted.getTransacted()).isTrue();
        assertThat(transacted.getAcknowledgeMode()).isEqualTo(Session.SESSION_TRANSACTED);
        assertThat(connection.createSession(Session.DUPS_OK_ACKNOWLEDGE).getAcknowledgeMode())
                .isEqualTo(Session.DUPS_OK_ACKNOWLEDGE);
    }
}
