package dev.depot.jms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.jms.CompletionListener;
import jakarta.jms.IllegalStateException;
import jakarta.jms.Message;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class AsyncSendTest extends JmsTestSupport {

    /** Records completions, their thread and order. */
    private static final class Recorder implements CompletionListener {
        final List<String> completed = new CopyOnWriteArrayList<>();
        final List<String> threads = new CopyOnWriteArrayList<>();
        final CountDownLatch all;

        Recorder(int expected) {
            all = new CountDownLatch(expected);
        }

        @Override
        public void onCompletion(Message message) {
            try {
                completed.add(text(message));
            } catch (jakarta.jms.JMSException e) {
                throw new java.lang.IllegalStateException(e);
            }
            threads.add(Thread.currentThread().getName());
            all.countDown();
        }

        @Override
        public void onException(Message message, Exception exception) {
            completed.add("failed: " + exception);
            all.countDown();
        }
    }

    @Test
    void completionsComeInOrderOnAnotherThreadOnceTheMessagesAreStored() throws Exception {
        Session session = session();
        Queue queue = session.createQueue("async");
        MessageProducer producer = session.createProducer(queue);
        Recorder recorder = new Recorder(50);
        for (int i = 0; i < 50; i++) {
            producer.send(session.createTextMessage("m" + i), recorder);
        }

        assertThat(recorder.all.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(recorder.completed).containsExactlyElementsOf(
                java.util.stream.IntStream.range(0, 50).mapToObj(i -> "m" + i).toList());
        assertThat(recorder.threads).doesNotContain(Thread.currentThread().getName());
        assertThat(depth("async")).isEqualTo(50);
    }

    @Test
    void aCompletionListenerMayNotCloseOrCommitItsOwnSession() throws Exception {
        Session session = session();
        Queue queue = session.createQueue("async-close");
        AtomicReference<Throwable> closeSession = new AtomicReference<>();
        AtomicReference<Throwable> closeConnection = new AtomicReference<>();
        AtomicReference<Throwable> closeProducer = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(1);
        MessageProducer producer = session.createProducer(queue);
        producer.send(session.createTextMessage("x"), new CompletionListener() {
            @Override
            public void onCompletion(Message message) {
                closeSession.set(attempt(session::close));
                closeConnection.set(attempt(connection::close));
                closeProducer.set(attempt(producer::close));
                done.countDown();
            }

            @Override
            public void onException(Message message, Exception exception) {
                done.countDown();
            }
        });

        assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(closeSession.get()).isInstanceOf(IllegalStateException.class);
        assertThat(closeConnection.get()).isInstanceOf(IllegalStateException.class);
        assertThat(closeProducer.get()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void closingTheSessionWaitsForOutstandingCompletions() throws Exception {
        Session session = session();
        Queue queue = session.createQueue("async-wait");
        MessageProducer producer = session.createProducer(queue);
        Recorder recorder = new Recorder(20);
        for (int i = 0; i < 20; i++) {
            producer.send(session.createTextMessage("m" + i), recorder);
        }
        session.close();
        assertThat(recorder.completed).hasSize(20);
    }

    @Test
    void aNullCompletionListenerIsRefused() throws Exception {
        Session session = session();
        MessageProducer producer = session.createProducer(session.createQueue("q"));
        assertThatThrownBy(() -> producer.send(session.createMessage(), (CompletionListener) null))
                .isInstanceOf(IllegalArgumentException.class);
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
}
