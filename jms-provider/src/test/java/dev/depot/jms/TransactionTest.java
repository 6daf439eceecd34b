package dev.depot.jms;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TransactionTest extends JmsTestSupport {

    @Test
    void sendsAreInvisibleUntilCommitAndRolledBackSendsAreNeverSeen() throws Exception {
        Session tx = connection.createSession(true, Session.SESSION_TRANSACTED);
        Queue queue = tx.createQueue("tx");
        MessageProducer producer = tx.createProducer(queue);
        MessageConsumer observer = session().createConsumer(queue);

        producer.send(tx.createTextMessage("rolled-back"));
        assertThat(observer.receive(300)).isNull();
        tx.rollback();
        producer.send(tx.createTextMessage("committed"));
        assertThat(observer.receive(300)).isNull();
        tx.commit();

        assertThat(drain(observer, 500)).containsExactly("committed");
        assertThat(rows("depot_message")).isZero();
    }

    @Test
    void aLargeTransactionWrittenAheadStillRollsBackWhole() throws Exception {
        Session tx = connection.createSession(true, Session.SESSION_TRANSACTED);
        Queue queue = tx.createQueue("big-tx");
        MessageProducer producer = tx.createProducer(queue);
        for (int i = 0; i < 1_200; i++) {
            producer.send(tx.createTextMessage("m" + i));
        }
        tx.rollback();
        assertThat(rows("depot_message")).isZero();

        for (int i = 0; i < 1_200; i++) {
            producer.send(tx.createTextMessage("m" + i));
        }
        tx.commit();
        assertThat(depth("big-tx")).isEqualTo(1_200);
    }

    @Test
    void rolledBackReceivesAreRedeliveredAndCommittedOnesAreGone() throws Exception {
        Queue queue = session().createQueue("tx-receive");
        sendTexts(queue, "a", "b");
        Session tx = connection.createSession(true, Session.SESSION_TRANSACTED);
        MessageConsumer consumer = tx.createConsumer(queue);
        assertThat(text(consumer.receive(5_000))).isEqualTo("a");
        assertThat(text(consumer.receive(5_000))).isEqualTo("b");

        tx.rollback();

        Message a = consumer.receive(5_000);
        assertThat(text(a)).isEqualTo("a");
        assertThat(a.getJMSRedelivered()).isTrue();
        assertThat(a.getIntProperty("JMSXDeliveryCount")).isEqualTo(2);
        assertThat(text(consumer.receive(5_000))).isEqualTo("b");
        tx.commit();
        assertThat(depth("tx-receive")).isZero();
        assertThat(rows("depot_message")).isZero();
    }

    @Test
    void aReceiveAndASendCommitTogether() throws Exception {
        Queue in = session().createQueue("in");
        Queue out = session().createQueue("out");
        sendTexts(in, "work");
        Session tx = connection.createSession(true, Session.SESSION_TRANSACTED);
        MessageConsumer consumer = tx.createConsumer(in);
        MessageProducer producer = tx.createProducer(out);

        Message work = consumer.receive(5_000);
        producer.send(tx.createTextMessage("result of " + text(work)));
        tx.rollback();
        assertThat(depth("in")).isEqualTo(1);
        assertThat(depth("out")).isZero();

        work = consumer.receive(5_000);
        producer.send(tx.createTextMessage("result of " + text(work)));
        tx.commit();
        assertThat(depth("in")).isZero();
        assertThat(drain(session().createConsumer(out), 500)).containsExactly("result of work");
    }

    @Test
    void closingATransactedSessionRollsBack() throws Exception {
        Queue queue = session().createQueue("tx-close");
        sendTexts(queue, "consumed");
        Session tx = connection.createSession(true, Session.SESSION_TRANSACTED);
        tx.createConsumer(queue).receive(5_000);
        tx.createProducer(queue).send(tx.createTextMessage("uncommitted"));
        tx.close();

        List<String> left = new ArrayList<>(drain(session().createConsumer(queue), 500));
        assertThat(left).containsExactly("consumed");
    }
}
