package dev.depot.jms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import jakarta.jms.IllegalStateException;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class MessageListenerTest extends JmsTestSupport {

    @Test
    void aListenerGetsEveryMessageInOrderOnOneThread() throws Exception {
        Queue queue = session().createQueue("listened");
        List<String> got = new CopyOnWriteArrayList<>();
        List<String> threads = new CopyOnWriteArrayList<>();
        session().createConsumer(queue).setMessageListener(m -> {
            try {
                got.add(text(m));
                threads.add(Thread.currentThread().getName());
            } catch (JMSException e) {
                throw new java.lang.IllegalStateException(e);
            }
        });
        sendTexts(queue, "a", "b", "c");

        await().atMost(Duration.ofSeconds(5)).until(() -> got.size() == 3);
        assertThat(got).containsExactly("a", "b", "c");
        assertThat(threads).doesNotContain(Thread.currentThread().getName());
        assertThat(threads.stream().distinct()).hasSize(1);
        await().atMost(Duration.ofSeconds(5)).until(() -> depth("listened") == 0);
    }

    @Test
    void aListenerSetAfterReceiveGetsTheRestInOrderOnlyOnce() throws Exception {
        Queue queue = session().createQueue("receive-then-listen");
        sendTexts(queue, "a", "b", "c");
        MessageConsumer consumer = session().createConsumer(queue);
        // receive() claims all three at once (prefetch) and hands out one.
        assertThat(text(consumer.receive(5_000))).isEqualTo("a");

        List<String> got = new CopyOnWriteArrayList<>();
        List<Boolean> redelivered = new CopyOnWriteArrayList<>();
        consumer.setMessageListener(m -> {
            try {
                got.add(text(m));
                redelivered.add(m.getJMSRedelivered());
            } catch (JMSException e) {
                throw new java.lang.IllegalStateException(e);
            }
        });

        await().atMost(Duration.ofSeconds(5)).until(() -> got.size() == 2);
        assertThat(got).containsExactly("b", "c");
        assertThat(redelivered).containsOnly(false);
        await().atMost(Duration.ofSeconds(5)).until(() -> depth("receive-then-listen") == 0);
        Thread.sleep(300);
        assertThat(got).hasSize(2);
    }

    @Test
    void aListenerOnAStoppedConnectionWaitsForStart() throws Exception {
        Queue queue = session().createQueue("stopped");
        connection.stop();
        AtomicInteger count = new AtomicInteger();
        session().createConsumer(queue).setMessageListener(m -> count.incrementAndGet());
        sendTexts(queue, "x");
        Thread.sleep(700);
        assertThat(count).hasValue(0);

        connection.start();
        await().atMost(Duration.ofSeconds(5)).until(() -> count.get() == 1);
    }

    @Test
    void stopWaitsForARunningListenerToFinish() throws Exception {
        Queue queue = session().createQueue("slow");
        CountDownLatch entered = new CountDownLatch(1);
        AtomicInteger finished = new AtomicInteger();
        session().createConsumer(queue).setMessageListener(m -> {
            entered.countDown();
            sleep(500);
            finished.incrementAndGet();
        });
        sendTexts(queue, "x");
        assertThat(entered.await(5, TimeUnit.SECONDS)).isTrue();

        connection.stop();

        assertThat(finished).hasValue(1);
    }

    @Test
    void aListenerThatThrowsGetsTheMessageAgainMarkedRedelivered() throws Exception {
        Queue queue = session().createQueue("throws");
        List<Boolean> redelivered = new CopyOnWriteArrayList<>();
        session().createConsumer(queue).setMessageListener(m -> {
            try {
                redelivered.add(m.getJMSRedelivered());
            } catch (JMSException e) {
                throw new java.lang.IllegalStateException(e);
            }
            if (redelivered.size() == 1) {
                throw new RuntimeException("first attempt fails");
            }
        });
        sendTexts(queue, "x");

        await().atMost(Duration.ofSeconds(5)).until(() -> redelivered.size() == 2);
        assertThat(redelivered).containsExactly(false, true);
    }

    @Test
    void aListenerMayNotCloseOrStopItsOwnConnectionOrSessionButMayCloseItsConsumer() throws Exception {
        Queue queue = session().createQueue("reentrant");
        Session session = session();
        MessageConsumer consumer = session.createConsumer(queue);
        AtomicReference<Throwable> closeSession = new AtomicReference<>();
        AtomicReference<Throwable> closeConnection = new AtomicReference<>();
        AtomicReference<Throwable> stopConnection = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(1);
        consumer.setMessageListener(m -> {
            closeSession.set(attempt(session::close));
            closeConnection.set(attempt(connection::close));
            stopConnection.set(attempt(connection::stop));
            try {
                consumer.close();
            } catch (JMSException e) {
                throw new java.lang.IllegalStateException(e);
            }
            done.countDown();
        });
        sendTexts(queue, "x");

        assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(closeSession.get()).isInstanceOf(IllegalStateException.class);
        assertThat(closeConnection.get()).isInstanceOf(IllegalStateException.class);
        assertThat(stopConnection.get()).isInstanceOf(IllegalStateException.class);
        await().atMost(Duration.ofSeconds(5)).until(() -> depth("reentrant") == 0);
    }

    @Test
    void aConsumerWithAListenerCannotReceive() throws Exception {
        MessageConsumer consumer = session().createConsumer(session().createQueue("q"));
        consumer.setMessageListener(m -> { });
        assertThatThrownBy(() -> consumer.receive(10)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void listenersInOneSessionRunOneAtATime() throws Exception {
        Session session = session();
        Queue q1 = session.createQueue("serial-1");
        Queue q2 = session.createQueue("serial-2");
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger overlaps = new AtomicInteger();
        AtomicInteger total = new AtomicInteger();
        jakarta.jms.MessageListener listener = m -> {
            if (inside.incrementAndGet() > 1) {
                overlaps.incrementAndGet();
            }
            sleep(5);
            inside.decrementAndGet();
            total.incrementAndGet();
        };
        session.createConsumer(q1).setMessageListener(listener);
        session.createConsumer(q2).setMessageListener(listener);
        String[] texts = new String[30];
        java.util.Arrays.fill(texts, "x");
        sendTexts(q1, texts);
        sendTexts(q2, texts);

        await().atMost(Duration.ofSeconds(10)).until(() -> total.get() == 60);
        assertThat(overlaps).hasValue(0);
    }

    @Test
    void clientAcknowledgeInAListenerAcknowledgesWhenAsked() throws Exception {
        Queue queue = session().createQueue("client-listener");
        Session session = connection.createSession(false, Session.CLIENT_ACKNOWLEDGE);
        List<Message> got = new CopyOnWriteArrayList<>();
        session.createConsumer(queue).setMessageListener(got::add);
        sendTexts(queue, "a", "b");
        await().atMost(Duration.ofSeconds(5)).until(() -> got.size() == 2);
        assertThat(depth("client-listener")).isEqualTo(2);

        got.get(1).acknowledge();

        assertThat(depth("client-listener")).isZero();
    }

    private interface Action {
        void run() throws Exception;
    }

    private static Throwable attempt(Action action) {
        try {
            action.run();
            return null;
        } catch (Exception e) {
            return e;
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
