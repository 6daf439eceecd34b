package dev.depot.jms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.jms.Connection;
import jakarta.jms.IllegalStateRuntimeException;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The four session modes of a JMSContext: acknowledgement, transactions, recover. */
class JMSContextSessionModesTest extends ContextTestSupport {

    @ParameterizedTest
    @ValueSource(ints = {AUTO, DUPS_OK})
    void implicitModesAcknowledgeWhatReceiveReturned(int mode) throws Exception {
        DepotJMSContext context = context(mode);
        Queue queue = newQueue(context);
        context.createProducer().send(queue, "one").send(queue, "two");
        JMSConsumer consumer = context.createConsumer(queue);
        assertThat(text(consumer.receive(5_000))).isEqualTo("one");
        assertThat(consumer.receiveBody(String.class, 5_000)).isEqualTo("two");
        context.close();

        DepotJMSContext later = context(AUTO);
        assertThat(later.createConsumer(queue).receive(500)).as("acknowledged messages come back").isNull();
    }

    @Test
    void clientAcknowledgeRedeliversWhatWasNotAcknowledged() throws Exception {
        DepotJMSContext context = context(CLIENT);
        Queue queue = newQueue(context);
        context.createProducer().send(queue, "a").send(queue, "b");
        JMSConsumer consumer = context.createConsumer(queue);
        assertThat(text(consumer.receive(5_000))).isEqualTo("a");
        assertThat(text(consumer.receive(5_000))).isEqualTo("b");
        context.close();

        DepotJMSContext again = context(CLIENT);
        JMSConsumer second = again.createConsumer(queue);
        Message a = second.receive(5_000);
        assertThat(text(a)).isEqualTo("a");
        assertThat(a.getJMSRedelivered()).isTrue();
        assertThat(a.getIntProperty("JMSXDeliveryCount")).isEqualTo(2);
        assertThat(text(second.receive(5_000))).isEqualTo("b");
        again.acknowledge();
        again.close();

        assertThat(context(AUTO).createConsumer(queue).receive(500)).isNull();
    }

    @Test
    void acknowledgeAcknowledgesEverythingConsumedSoFarAndNothingLater() throws Exception {
        DepotJMSContext context = context(CLIENT);
        Queue queue = newQueue(context);
        context.createProducer().send(queue, "a").send(queue, "b").send(queue, "c");
        JMSConsumer consumer = context.createConsumer(queue);
        consumer.receive(5_000);
        consumer.receive(5_000);
        context.acknowledge();
        assertThat(text(consumer.receive(5_000))).isEqualTo("c");
        context.close();

        JMSConsumer later = context(AUTO).createConsumer(queue);
        Message c = later.receive(5_000);
        assertThat(text(c)).isEqualTo("c");
        assertThat(c.getJMSRedelivered()).isTrue();
        assertThat(later.receive(300)).isNull();
    }

    @Test
    void recoverRedeliversTheUnacknowledgedMessages() throws Exception {
        DepotJMSContext context = context(CLIENT);
        Queue queue = newQueue(context);
        context.createProducer().send(queue, "a").send(queue, "b");
        JMSConsumer consumer = context.createConsumer(queue);
        assertThat(text(consumer.receive(5_000))).isEqualTo("a");
        assertThat(text(consumer.receive(5_000))).isEqualTo("b");

        context.recover();

        Message a = consumer.receive(5_000);
        assertThat(text(a)).isEqualTo("a");
        assertThat(a.getJMSRedelivered()).isTrue();
        assertThat(a.getIntProperty("JMSXDeliveryCount")).isEqualTo(2);
        assertThat(text(consumer.receive(5_000))).isEqualTo("b");
        context.acknowledge();
        assertThat(consumer.receive(300)).isNull();
    }

    @Test
    void acknowledgeHasNoEffectInATransactionAndFailsOnceClosed() throws Exception {
        DepotJMSContext sender = context(AUTO);
        Queue queue = newQueue(sender);
        sender.createProducer().send(queue, "x");

        DepotJMSContext transacted = context(TRANSACTED);
        JMSConsumer consumer = transacted.createConsumer(queue);
        assertThat(consumer.receive(5_000)).isNotNull();
        transacted.acknowledge();
        transacted.rollback();
        Message again = consumer.receive(5_000);
        assertThat(text(again)).as("acknowledge() must not have consumed it").isEqualTo("x");
        assertThat(again.getJMSRedelivered()).isTrue();

        transacted.close();
        assertThatThrownBy(transacted::acknowledge).isInstanceOf(IllegalStateRuntimeException.class);
    }

    @Test
    void transactedSendsAreSeenOnlyAfterCommit() throws Exception {
        DepotJMSContext transacted = context(TRANSACTED);
        Queue queue = newQueue(transacted);
        transacted.createProducer().send(queue, "first");
        JMSConsumer observer = context(AUTO).createConsumer(queue);
        assertThat(observer.receive(500)).isNull();

        transacted.commit();
        assertThat(text(observer.receive(5_000))).isEqualTo("first");

        transacted.createProducer().send(queue, "rolled back");
        transacted.rollback();
        transacted.commit();
        assertThat(observer.receive(500)).isNull();
    }

    @Test
    void rolledBackReceivesAreRedeliveredAndCommittedOnesAreGone() throws Exception {
        DepotJMSContext sender = context(AUTO);
        Queue queue = newQueue(sender);
        sender.createProducer().send(queue, "work");

        DepotJMSContext transacted = context(TRANSACTED);
        JMSConsumer consumer = transacted.createConsumer(queue);
        assertThat(text(consumer.receive(5_000))).isEqualTo("work");
        transacted.rollback();

        Message again = consumer.receive(5_000);
        assertThat(text(again)).isEqualTo("work");
        assertThat(again.getJMSRedelivered()).isTrue();
        assertThat(again.getIntProperty("JMSXDeliveryCount")).isEqualTo(2);
        transacted.commit();
        transacted.close();

        assertThat(context(AUTO).createConsumer(queue).receive(500)).isNull();
    }

    @Test
    void commitRollbackAndRecoverBelongToTheirModes() throws Exception {
        DepotJMSContext auto = context(AUTO);
        assertThatThrownBy(auto::commit).isInstanceOf(IllegalStateRuntimeException.class)
                .hasMessageContaining("only for a transacted JMSContext");
        assertThatThrownBy(auto::rollback).isInstanceOf(IllegalStateRuntimeException.class);
        auto.recover();

        DepotJMSContext transacted = context(TRANSACTED);
        assertThatThrownBy(transacted::recover).isInstanceOf(IllegalStateRuntimeException.class)
                .hasMessageContaining("use rollback()");
        transacted.commit();
        transacted.rollback();
    }

    @ParameterizedTest
    @ValueSource(ints = {AUTO, CLIENT, DUPS_OK, TRANSACTED})
    void sessionModeAndTransactedReportTheMode(int mode) throws Exception {
        DepotJMSContext context = context(mode);
        assertThat(context.getSessionMode()).isEqualTo(mode);
        assertThat(context.getTransacted()).isEqualTo(mode == TRANSACTED);
        JMSContext child = track(context.createContext(mode == AUTO ? TRANSACTED : AUTO));
        assertThat(child.getSessionMode()).isEqualTo(mode == AUTO ? TRANSACTED : AUTO);
    }

    @Test
    void anInvalidSessionModeIsRefusedAndTheConnectionClosed() throws Exception {
        Connection connection = factory.createConnection();
        assertThatThrownBy(() -> new DepotJMSContext(connection, 7))
                .isExactlyInstanceOf(JMSRuntimeException.class)
                .hasMessageContaining("Invalid session mode 7");
        assertThatThrownBy(connection::getClientID).isInstanceOf(jakarta.jms.IllegalStateException.class);

        AtomicBoolean opened = new AtomicBoolean();
        assertThatThrownBy(() -> DepotJMSContext.open(() -> {
            opened.set(true);
            return factory.createConnection();
        }, -1)).isExactlyInstanceOf(JMSRuntimeException.class);
        assertThat(opened).as("no connection is opened for an invalid mode").isFalse();

        DepotJMSContext context = context(AUTO);
        assertThatThrownBy(() -> context.createContext(4)).isExactlyInstanceOf(JMSRuntimeException.class);
        JMSContext opened2 = track(DepotJMSContext.open(factory::createConnection, DUPS_OK));
        assertThat(opened2.getSessionMode()).isEqualTo(DUPS_OK);
    }

    @Test
    void anAutoAcknowledgeListenerThatThrowsGetsItsMessageAgainMarkedRedelivered() throws Exception {
        DepotJMSContext context = context(AUTO);
        Queue queue = newQueue(context);
        List<Boolean> redelivered = new CopyOnWriteArrayList<>();
        AtomicInteger calls = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(1);
        JMSConsumer consumer = context.createConsumer(queue);
        consumer.setMessageListener(message -> {
            try {
                redelivered.add(message.getJMSRedelivered());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("the listener fails the first time");
            }
            done.countDown();
        });
        context.createProducer().send(queue, "poison once");
        assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(redelivered).containsExactly(false, true);
        context.close();

        assertThat(context(AUTO).createConsumer(queue).receive(500)).as("acknowledged when the listener returned").isNull();
    }

    @ParameterizedTest
    @ValueSource(ints = {AUTO, DUPS_OK})
    void messageAcknowledgeDoesNotAcknowledgeEarlyInAnImplicitModeListener(int mode) throws Exception {
        DepotJMSContext context = context(mode);
        Queue queue = newQueue(context);
        List<Boolean> redelivered = new CopyOnWriteArrayList<>();
        CountDownLatch done = new CountDownLatch(1);
        context.createConsumer(queue).setMessageListener(message -> {
            try {
                redelivered.add(message.getJMSRedelivered());
                message.acknowledge();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            if (redelivered.size() == 1) {
                throw new IllegalStateException("the listener fails after acknowledging");
            }
            done.countDown();
        });
        context.createProducer().send(queue, "acknowledged, then failed");
        assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(redelivered).containsExactly(false, true);
    }

    @Test
    void aClientAcknowledgeListenerAcknowledgesThroughTheContext() throws Exception {
        DepotJMSContext context = context(CLIENT);
        Queue queue = newQueue(context);
        CountDownLatch done = new CountDownLatch(3);
        context.createConsumer(queue).setMessageListener(message -> {
            try {
                if ("2".equals(text(message))) {
                    context.acknowledge();
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            done.countDown();
        });
        context.createProducer().send(queue, "1").send(queue, "2").send(queue, "3");
        assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        context.close();

        JMSConsumer later = context(AUTO).createConsumer(queue);
        assertThat(text(later.receive(5_000))).as("only the message after the acknowledgement").isEqualTo("3");
        assertThat(later.receive(300)).isNull();
    }
}
