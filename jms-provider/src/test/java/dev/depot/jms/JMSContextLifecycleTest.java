package dev.depot.jms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import jakarta.jms.CompletionListener;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionMetaData;
import jakarta.jms.ExceptionListener;
import jakarta.jms.IllegalStateRuntimeException;
import jakarta.jms.InvalidClientIDRuntimeException;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.InvalidDestinationRuntimeException;
import jakarta.jms.InvalidSelectorRuntimeException;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSProducer;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.jms.TemporaryQueue;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** Starting, stopping, sharing and closing a JMSContext; client ID; what it refuses, and how. */
class JMSContextLifecycleTest extends ContextTestSupport {

    @Test
    void creatingAConsumerStartsTheConnection() throws Exception {
        DepotJMSContext context = context(AUTO);
        Queue queue = newQueue(context);
        context.createProducer().send(queue, "hello");
        assertThat(context.getAutoStart()).isTrue();
        assertThat(context.createConsumer(queue).receiveBody(String.class, 5_000)).isEqualTo("hello");
    }

    @Test
    void withoutAutoStartTheConsumerWaitsForStart() throws Exception {
        DepotJMSContext context = context(AUTO);
        context.setAutoStart(false);
        assertThat(context.getAutoStart()).isFalse();
        Queue queue = newQueue(context);
        context.createProducer().send(queue, "waiting");
        JMSConsumer consumer = context.createConsumer(queue);
        assertThat(consumer.receive(500)).as("the connection is not started").isNull();

        context.start();
        assertThat(consumer.receiveBody(String.class, 5_000)).isEqualTo("waiting");
    }

    @Test
    void stopPausesDeliveryAndStartResumesIt() throws Exception {
        DepotJMSContext context = context(AUTO);
        Queue queue = newQueue(context);
        JMSConsumer consumer = context.createConsumer(queue);
        context.stop();
        context.createProducer().send(queue, "paused");
        assertThat(consumer.receive(500)).isNull();

        context.start();
        assertThat(consumer.receiveBody(String.class, 5_000)).isEqualTo("paused");
    }

    @Test
    void createContextSharesTheConnectionWhichClosesWithTheLastContext() throws Exception {
        Connection connection = factory.createConnection();
        DepotJMSContext first = context(connection, AUTO);
        JMSContext second = track(first.createContext(CLIENT));
        assertThat(second.getSessionMode()).isEqualTo(CLIENT);

        // Only the connection that created a temporary queue may consume from it.
        TemporaryQueue temporary = first.createTemporaryQueue();
        first.createProducer().send(temporary, "shared");
        JMSConsumer consumer = second.createConsumer(temporary);
        assertThat(consumer.receiveBody(String.class, 5_000)).isEqualTo("shared");
        DepotJMSContext stranger = context(AUTO);
        assertThatThrownBy(() -> stranger.createConsumer(temporary))
                .isInstanceOf(InvalidDestinationRuntimeException.class)
                .hasCauseInstanceOf(InvalidDestinationException.class);

        first.close();
        assertThatCode(connection::getClientID).as("second still uses the connection").doesNotThrowAnyException();
        second.createProducer().send(temporary, "still open");
        assertThat(consumer.receiveBody(String.class, 5_000)).isEqualTo("still open");

        second.close();
        assertThatThrownBy(connection::getClientID).isInstanceOf(jakarta.jms.IllegalStateException.class);
    }

    @Test
    void aClosedContextRefusesEverythingButClose() throws Exception {
        DepotJMSContext context = context(CLIENT);
        Queue queue = newQueue(context);
        JMSProducer producer = context.createProducer();
        JMSConsumer consumer = context.createConsumer(queue);
        context.close();
        context.close();

        List<ThrowingCallable> calls = List.of(
                context::createProducer,
                () -> context.createConsumer(queue),
                () -> context.createConsumer(queue, "a = 1"),
                () -> context.createBrowser(queue),
                context::createTextMessage,
                context::createBytesMessage,
                () -> context.createQueue("q"),
                context::createTemporaryQueue,
                context::getSessionMode,
                context::getTransacted,
                context::getAutoStart,
                () -> context.setAutoStart(false),
                context::commit,
                context::rollback,
                context::recover,
                context::acknowledge,
                context::start,
                context::stop,
                () -> context.createContext(AUTO),
                context::getClientID,
                () -> context.setClientID("late"),
                context::getMetaData,
                context::getExceptionListener,
                () -> context.unsubscribe("subscription"),
                () -> producer.send(queue, "after close"),
                consumer::receive,
                () -> consumer.receiveBodyNoWait(String.class),
                consumer::getMessageSelector);
        for (ThrowingCallable call : calls) {
            assertThatThrownBy(call).isInstanceOf(IllegalStateRuntimeException.class);
        }
        assertThatCode(consumer::close).doesNotThrowAnyException();
    }

    @Test
    void theClientIdCanOnlyBeSetFirst() throws Exception {
        String id = "client-" + UUID.randomUUID();
        DepotJMSContext context = context(AUTO);
        context.setClientID(id);
        assertThat(context.getClientID()).isEqualTo(id);
        assertThatThrownBy(() -> context.setClientID("another")).isInstanceOf(IllegalStateRuntimeException.class);

        DepotJMSContext rival = context(AUTO);
        assertThatThrownBy(() -> rival.setClientID(id)).isInstanceOf(InvalidClientIDRuntimeException.class)
                .hasMessageContaining("already in use");
        assertThatThrownBy(() -> rival.setClientID("")).isInstanceOf(InvalidClientIDRuntimeException.class);
        String retry = "retry-" + UUID.randomUUID();
        rival.setClientID(retry);
        assertThat(rival.getClientID()).isEqualTo(retry);

        DepotJMSContext used = context(AUTO);
        used.createProducer();
        assertThatThrownBy(() -> used.setClientID("used-" + UUID.randomUUID()))
                .isInstanceOf(IllegalStateRuntimeException.class)
                .hasMessageContaining("before any other use");

        DepotJMSContext parent = context(AUTO);
        JMSContext child = track(parent.createContext(AUTO));
        assertThatThrownBy(() -> child.setClientID("child-" + UUID.randomUUID()))
                .isInstanceOf(IllegalStateRuntimeException.class);
        assertThatThrownBy(() -> parent.setClientID("parent-" + UUID.randomUUID()))
                .isInstanceOf(IllegalStateRuntimeException.class);
    }

    @Test
    void metaDataAndExceptionListenerAreTheConnections() throws Exception {
        DepotJMSContext context = context(AUTO);
        ConnectionMetaData metaData = context.getMetaData();
        assertThat(metaData.getJMSProviderName()).isEqualTo("Depot");
        assertThat(metaData.getJMSMajorVersion()).isEqualTo(3);
        assertThat(metaData.getJMSMinorVersion()).isEqualTo(1);

        assertThat(context.getExceptionListener()).isNull();
        ExceptionListener listener = e -> { };
        context.setExceptionListener(listener);
        assertThat(context.getExceptionListener()).isSameAs(listener);
        JMSContext child = track(context.createContext(AUTO));
        assertThat(child.getExceptionListener()).isSameAs(listener);
    }

    @Test
    void aListenerCannotCloseOrStopItsOwnContextButMayUseIt() throws Exception {
        DepotJMSContext context = context(AUTO);
        Queue queue = newQueue(context);
        Queue replies = newQueue(context);
        AtomicReference<RuntimeException> closeFailure = new AtomicReference<>();
        AtomicReference<RuntimeException> stopFailure = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(1);
        context.createConsumer(queue).setMessageListener(message -> {
            try {
                context.close();
            } catch (RuntimeException e) {
                closeFailure.set(e);
            }
            try {
                context.stop();
            } catch (RuntimeException e) {
                stopFailure.set(e);
            }
            context.createProducer().send(replies, "reply");
            done.countDown();
        });
        context.createProducer().send(queue, "request");
        assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();

        assertThat(closeFailure.get()).isInstanceOf(IllegalStateRuntimeException.class)
                .hasMessageContaining("MessageListener must not close its own JMSContext");
        assertThat(stopFailure.get()).isInstanceOf(IllegalStateRuntimeException.class)
                .hasMessageContaining("MessageListener must not stop its own JMSContext");
        assertThat(context(AUTO).createConsumer(replies).receiveBody(String.class, 5_000)).isEqualTo("reply");
    }

    @Test
    void closeWaitsForARunningListenerWhichKeepsTheWholeContext() throws Exception {
        DepotJMSContext context = context(AUTO);
        Queue queue = newQueue(context);
        Queue replies = newQueue(context);
        CountDownLatch entered = new CountDownLatch(1);
        AtomicBoolean finished = new AtomicBoolean();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        context.createConsumer(queue).setMessageListener(message -> {
            entered.countDown();
            try {
                Thread.sleep(500);
                context.createProducer().send(replies, context.createTextMessage("sent while closing"));
                finished.set(true);
            } catch (Throwable e) {
                failure.set(e);
            }
        });
        context.createProducer().send(queue, "slow work");
        assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();

        context.close();
        assertThat(finished).as("close() returned only after the listener").isTrue();
        assertThat(failure.get()).isNull();
        DepotJMSContext other = context(AUTO);
        assertThat(other.createConsumer(replies).receiveBody(String.class, 5_000)).isEqualTo("sent while closing");
        assertThat(other.createConsumer(queue).receive(300)).as("the listener's message was acknowledged").isNull();
    }

    @Test
    void messagesNotYetGivenToAListenerWhenCloseBeginsStayOnTheQueue() throws Exception {
        DepotJMSContext context = context(AUTO);
        Queue queue = newQueue(context);
        CountDownLatch entered = new CountDownLatch(1);
        List<String> seen = Collections.synchronizedList(new ArrayList<>());
        JMSConsumer consumer = context.createConsumer(queue);
        consumer.setMessageListener(message -> {
            entered.countDown();
            try {
                seen.add(text(message));
                Thread.sleep(500);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        context.createProducer().send(queue, "first").send(queue, "second").send(queue, "third");
        assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();

        context.close();
        assertThat(seen).containsExactly("first");
        JMSConsumer later = context(AUTO).createConsumer(queue);
        for (String expected : List.of("second", "third")) {
            Message message = later.receive(5_000);
            assertThat(text(message)).isEqualTo(expected);
            assertThat(message.getJMSRedelivered()).as("never delivered").isFalse();
        }
        assertThat(later.receive(300)).isNull();
    }

    @Test
    void noListenerCanBeSetOnceCloseHasBegun() throws Exception {
        DepotJMSContext context = context(AUTO);
        Queue queue = newQueue(context);
        JMSConsumer consumer = context.createConsumer(queue);
        AtomicReference<Throwable> outcome = new AtomicReference<>();
        context.createProducer().setAsync(new CompletionListener() {
            @Override
            public void onCompletion(Message message) {
                try {
                    // close() waits for this listener, so it can see the close begin.
                    await().atMost(10, TimeUnit.SECONDS).until(context::isClosing);
                    consumer.setMessageListener(m -> { });
                    outcome.set(new AssertionError("the listener was accepted"));
                } catch (Throwable e) {
                    outcome.set(e);
                }
            }

            @Override
            public void onException(Message message, Exception exception) {
                outcome.set(exception);
            }
        }).send(queue, "x");
        context.close();

        assertThat(outcome.get()).isInstanceOf(IllegalStateRuntimeException.class).hasMessageContaining("closing");
        assertThat(text(context(AUTO).createConsumer(queue).receive(5_000))).isEqualTo("x");
    }

    @Test
    void aCompletionListenerCannotCloseCommitOrRollBackItsOwnContext() throws Exception {
        DepotJMSContext context = context(AUTO);
        Queue queue = newQueue(context);
        List<RuntimeException> failures = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch done = new CountDownLatch(1);
        context.createProducer().setAsync(completion(List.of(context::close), failures, done)).send(queue, "a");
        assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(failures).hasSize(1);
        assertThat(failures.get(0)).isInstanceOf(IllegalStateRuntimeException.class)
                .hasMessage("A CompletionListener must not close its own JMSContext");

        DepotJMSContext transacted = context(TRANSACTED);
        failures.clear();
        CountDownLatch bothDone = new CountDownLatch(1);
        transacted.createProducer().setAsync(completion(List.of(transacted::commit, transacted::rollback), failures,
                bothDone)).send(queue, "b");
        assertThat(bothDone.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(failures).hasSize(2).allMatch(e -> e instanceof IllegalStateRuntimeException);
        assertThat(failures.get(0)).hasMessage("A CompletionListener must not commit its own JMSContext");
        assertThat(failures.get(1)).hasMessage("A CompletionListener must not roll back its own JMSContext");

        transacted.commit();
        JMSConsumer consumer = context.createConsumer(queue);
        assertThat(consumer.receiveBody(String.class, 5_000)).isEqualTo("a");
        assertThat(consumer.receiveBody(String.class, 5_000)).isEqualTo("b");
    }

    /** A completion listener that runs each action and records what it threw. */
    private static CompletionListener completion(List<Runnable> actions, List<RuntimeException> failures,
                                                 CountDownLatch done) {
        return new CompletionListener() {
            @Override
            public void onCompletion(Message message) {
                for (Runnable action : actions) {
                    try {
                        action.run();
                    } catch (RuntimeException e) {
                        failures.add(e);
                    }
                }
                done.countDown();
            }

            @Override
            public void onException(Message message, Exception exception) {
                done.countDown();
            }
        };
    }

    @Test
    void badDestinationsAndSelectorsGetTheUncheckedExceptionsOfTheSpecification() throws Exception {
        DepotJMSContext context = context(AUTO);
        assertThatThrownBy(() -> context.createQueue(""))
                .isInstanceOf(InvalidDestinationRuntimeException.class)
                .hasMessageContaining("must not be empty")
                .hasCauseInstanceOf(InvalidDestinationException.class);
        assertThatThrownBy(() -> context.createConsumer(null)).isInstanceOf(InvalidDestinationRuntimeException.class);
        Queue queue = newQueue(context);
        assertThatThrownBy(() -> context.createConsumer(queue, "color = = 'red'"))
                .isInstanceOf(InvalidSelectorRuntimeException.class);
        assertThatThrownBy(() -> context.createBrowser(queue, "color = = 'red'"))
                .isInstanceOf(InvalidSelectorRuntimeException.class);
    }

    @Test
    void aSelectorConsumerGetsOnlyMatchingMessages() throws Exception {
        DepotJMSContext context = context(AUTO);
        Queue queue = newQueue(context);
        context.createProducer().setProperty("color", "blue").send(queue, "blue one");
        context.createProducer().setProperty("color", "red").send(queue, "red one");
        JMSConsumer red = context.createConsumer(queue, "color = 'red'");
        assertThat(red.getMessageSelector()).isEqualTo("color = 'red'");
        assertThat(red.receiveBody(String.class, 5_000)).isEqualTo("red one");
        assertThat(red.receive(300)).isNull();
        JMSConsumer any = context.createConsumer(queue, null, false);
        assertThat(any.getMessageSelector()).isNull();
        assertThat(any.receiveBody(String.class, 5_000)).isEqualTo("blue one");
    }

    @Test
    void aBrowserSeesMessagesWithoutConsumingThem() throws Exception {
        DepotJMSContext context = context(AUTO);
        Queue queue = newQueue(context);
        context.createProducer().send(queue, "a").send(queue, "b");
        QueueBrowser browser = context.createBrowser(queue);
        List<String> seen = new ArrayList<>();
        for (var e = browser.getEnumeration(); e.hasMoreElements(); ) {
            seen.add(text((Message) e.nextElement()));
        }
        browser.close();
        assertThat(seen).containsExactly("a", "b");
        assertThat(context.createConsumer(queue).receiveBody(String.class, 5_000)).isEqualTo("a");
    }
}
