package dev.depot.jms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.jms.IllegalStateRuntimeException;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSProducer;
import jakarta.jms.Message;
import jakarta.jms.MessageFormatException;
import jakarta.jms.MessageFormatRuntimeException;
import jakarta.jms.MessageListener;
import jakarta.jms.Queue;
import jakarta.jms.StreamMessage;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** JMSConsumer: the receive and receiveBody variants, what a failed receiveBody does in each mode, listeners, close. */
class JMSConsumerTest extends ContextTestSupport {

    @Test
    void receiveVariantsWaitAsTheySay() throws Exception {
        DepotJMSContext context = context(AUTO);
        Queue queue = newQueue(context);
        JMSConsumer consumer = context.createConsumer(queue);
        assertThat(consumer.receiveNoWait()).isNull();
        long start = System.nanoTime();
        assertThat(consumer.receive(300)).isNull();
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isGreaterThanOrEqualTo(290);

        context.createProducer().send(queue, "1").send(queue, "2").send(queue, "3");
        assertThat(text(consumer.receive())).isEqualTo("1");
        assertThat(text(consumer.receive(5_000))).isEqualTo("2");
        assertThat(text(consumer.receiveNoWait())).isEqualTo("3");
    }

    @Test
    void receiveBodyReturnsTheBodyOfEachMessageType() throws Exception {
        DepotJMSContext context = context(AUTO);
        Queue queue = newQueue(context);
        Map<String, Object> map = new HashMap<>();
        map.put("k", "v");
        context.createProducer()
                .send(queue, "text")
                .send(queue, map)
                .send(queue, new byte[] {4, 5})
                .send(queue, (Serializable) new Order("o-2", 1))
                .send(queue, "as object")
                .send(queue, (Serializable) new Order("o-3", 2));

        JMSConsumer consumer = context.createConsumer(queue);
        assertThat(consumer.receiveBody(String.class)).isEqualTo("text");
        @SuppressWarnings("unchecked")
        Map<String, Object> body = consumer.receiveBody(Map.class, 5_000);
        assertThat(body).containsExactly(Map.entry("k", "v"));
        assertThat(consumer.receiveBody(byte[].class, 5_000)).containsExactly(4, 5);
        assertThat(consumer.receiveBody(Order.class, 5_000)).isEqualTo(new Order("o-2", 1));
        assertThat(consumer.receiveBody(Object.class, 5_000)).isEqualTo("as object");
        assertThat(consumer.receiveBodyNoWait(Serializable.class)).isEqualTo(new Order("o-3", 2));
    }

    @Test
    void receiveBodyReturnsNullWhenNothingComes() throws Exception {
        DepotJMSContext context = context(AUTO);
        JMSConsumer consumer = context.createConsumer(newQueue(context));
        assertThat(consumer.receiveBodyNoWait(String.class)).isNull();
        long start = System.nanoTime();
        assertThat(consumer.receiveBody(String.class, 300)).isNull();
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isGreaterThanOrEqualTo(290);
    }

    @ParameterizedTest
    @ValueSource(ints = {AUTO, DUPS_OK})
    void inImplicitModesAFailedReceiveBodyLeavesTheMessageUntouchedForTheNextReceive(int mode) throws Exception {
        DepotJMSContext context = context(mode);
        Queue queue = newQueue(context);
        context.createProducer().send(queue, "a").send(queue, "b");
        JMSConsumer consumer = context.createConsumer(queue);

        assertThatThrownBy(() -> consumer.receiveBody(Integer.class, 5_000))
                .isInstanceOf(MessageFormatRuntimeException.class)
                .hasMessageContaining("cannot be given as java.lang.Integer")
                .hasCauseInstanceOf(MessageFormatException.class);
        assertThatThrownBy(() -> consumer.receiveBodyNoWait(Integer.class)).isInstanceOf(MessageFormatRuntimeException.class);
        Message again = consumer.receive(5_000);
        assertThat(text(again)).isEqualTo("a");
        assertThat(again.getJMSRedelivered()).as("not a redelivery").isFalse();
        assertThat(again.getIntProperty("JMSXDeliveryCount")).isEqualTo(1);

        assertThatThrownBy(() -> consumer.receiveBody(Map.class, 5_000)).isInstanceOf(MessageFormatRuntimeException.class);
        assertThat(consumer.receiveBody(String.class, 5_000)).isEqualTo("b");
        context.close();

        assertThat(context(AUTO).createConsumer(queue).receive(500))
                .as("both were acknowledged by the receive that succeeded").isNull();
    }

    @ParameterizedTest
    @ValueSource(ints = {AUTO, DUPS_OK})
    void aMessageKeptByAFailedReceiveBodyGoesBackToTheQueueWhenTheContextCloses(int mode) throws Exception {
        DepotJMSContext context = context(mode);
        Queue queue = newQueue(context);
        context.createProducer().send(queue, "kept");
        assertThatThrownBy(() -> context.createConsumer(queue).receiveBody(byte[].class, 5_000))
                .isInstanceOf(MessageFormatRuntimeException.class);
        context.close();

        Message kept = context(AUTO).createConsumer(queue).receive(5_000);
        assertThat(text(kept)).isEqualTo("kept");
        assertThat(kept.getJMSRedelivered()).as("it was never delivered").isFalse();
        assertThat(kept.getIntProperty("JMSXDeliveryCount")).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(ints = {AUTO, DUPS_OK})
    void anotherConsumersReceiveDoesNotAcknowledgeAMessageAFailedReceiveBodyKept(int mode) throws Exception {
        DepotJMSContext context = context(mode);
        Queue queue = newQueue(context);
        Queue other = newQueue(context);
        context.createProducer().send(queue, "kept").send(other, "other");
        JMSConsumer keeper = context.createConsumer(queue);
        assertThatThrownBy(() -> keeper.receiveBody(Integer.class, 5_000)).isInstanceOf(MessageFormatRuntimeException.class);
        assertThat(context.createConsumer(other).receiveBody(String.class, 5_000)).isEqualTo("other");
        keeper.close();

        Message kept = context(AUTO).createConsumer(queue).receive(5_000);
        assertThat(text(kept)).isEqualTo("kept");
        assertThat(kept.getJMSRedelivered()).isFalse();
    }

    @Test
    void aMessageKeptByAFailedReceiveBodyWaitsWhileTheConnectionIsStopped() throws Exception {
        DepotJMSContext context = context(AUTO);
        Queue queue = newQueue(context);
        context.createProducer().send(queue, "kept").send(queue, "next");
        JMSConsumer consumer = context.createConsumer(queue);
        assertThatThrownBy(() -> consumer.receiveBody(Integer.class, 5_000)).isInstanceOf(MessageFormatRuntimeException.class);

        context.stop();
        assertThat(consumer.receiveNoWait()).isNull();
        long start = System.nanoTime();
        assertThat(consumer.receive(300)).isNull();
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isGreaterThanOrEqualTo(290);

        CompletableFuture<String> waiting = CompletableFuture.supplyAsync(() -> consumer.receiveBody(String.class));
        Thread.sleep(300);
        assertThat(waiting).isNotDone();
        context.start();
        assertThat(waiting.get(5, TimeUnit.SECONDS)).isEqualTo("kept");
        assertThat(consumer.receiveBody(String.class, 5_000)).isEqualTo("next");
    }

    @Test
    void aMessageKeptByAFailedReceiveBodyGoesBackToTheQueueWhenItsConsumerCloses() throws Exception {
        DepotJMSContext context = context(AUTO);
        Queue queue = newQueue(context);
        context.createProducer().send(queue, "kept").send(queue, "next");
        JMSConsumer consumer = context.createConsumer(queue);
        assertThatThrownBy(() -> consumer.receiveBody(Map.class, 5_000)).isInstanceOf(MessageFormatRuntimeException.class);
        consumer.close();

        JMSConsumer second = context.createConsumer(queue);
        Message kept = second.receive(5_000);
        assertThat(text(kept)).isEqualTo("kept");
        assertThat(kept.getJMSRedelivered()).isFalse();
        assertThat(second.receiveBody(String.class, 5_000)).isEqualTo("next");
        context.close();
        assertThat(context(AUTO).createConsumer(queue).receive(300)).isNull();
    }

    @Test
    void aMessageKeptByAFailedReceiveBodyGoesToTheListenerSetNext() throws Exception {
        DepotJMSContext context = context(AUTO);
        Queue queue = newQueue(context);
        context.createProducer().send(queue, "kept");
        JMSConsumer consumer = context.createConsumer(queue);
        assertThatThrownBy(() -> consumer.receiveBody(Map.class, 5_000)).isInstanceOf(MessageFormatRuntimeException.class);
        CompletableFuture<String> delivered = new CompletableFuture<>();
        consumer.setMessageListener(message -> {
            try {
                delivered.complete(message.getJMSRedelivered() + " " + text(message));
            } catch (Exception e) {
                delivered.completeExceptionally(e);
            }
        });
        assertThat(delivered.get(10, TimeUnit.SECONDS)).isEqualTo("false kept");
    }

    @Test
    void inClientAcknowledgeAFailedReceiveBodyCountsAsDelivered() throws Exception {
        DepotJMSContext context = context(CLIENT);
        Queue queue = newQueue(context);
        context.createProducer().send(queue, "a").send(queue, "b");
        JMSConsumer consumer = context.createConsumer(queue);
        assertThatThrownBy(() -> consumer.receiveBody(Integer.class, 5_000)).isInstanceOf(MessageFormatRuntimeException.class);
        assertThat(consumer.receiveBody(String.class, 5_000)).as("a is not delivered again").isEqualTo("b");

        context.recover();
        Message a = consumer.receive(5_000);
        assertThat(text(a)).isEqualTo("a");
        assertThat(a.getJMSRedelivered()).isTrue();
        assertThat(a.getIntProperty("JMSXDeliveryCount")).isEqualTo(2);
        assertThat(consumer.receiveBody(String.class, 5_000)).isEqualTo("b");
        context.acknowledge();
        assertThat(consumer.receive(300)).isNull();
    }

    @Test
    void inClientAcknowledgeTheContextAcknowledgesWhatOnlyReceiveBodyReturned() throws Exception {
        DepotJMSContext context = context(CLIENT);
        Queue queue = newQueue(context);
        context.createProducer().send(queue, "a").send(queue, "b");
        JMSConsumer consumer = context.createConsumer(queue);
        assertThat(consumer.receiveBody(String.class, 5_000)).isEqualTo("a");
        assertThatThrownBy(() -> consumer.receiveBody(Integer.class, 5_000)).isInstanceOf(MessageFormatRuntimeException.class);
        context.acknowledge();
        context.close();

        assertThat(context(AUTO).createConsumer(queue).receive(500)).as("the refused one was acknowledged too").isNull();
    }

    @Test
    void inATransactionAFailedReceiveBodyCountsAsDelivered() throws Exception {
        DepotJMSContext sender = context(AUTO);
        Queue queue = newQueue(sender);
        sender.createProducer().send(queue, "a").send(queue, "b");
        DepotJMSContext context = context(TRANSACTED);
        JMSConsumer consumer = context.createConsumer(queue);
        assertThatThrownBy(() -> consumer.receiveBody(Integer.class, 5_000)).isInstanceOf(MessageFormatRuntimeException.class);
        assertThat(consumer.receiveBody(String.class, 5_000)).isEqualTo("b");

        context.rollback();
        Message a = consumer.receive(5_000);
        assertThat(text(a)).isEqualTo("a");
        assertThat(a.getJMSRedelivered()).isTrue();
        assertThat(a.getIntProperty("JMSXDeliveryCount")).isEqualTo(2);
        assertThat(consumer.receiveBody(String.class, 5_000)).isEqualTo("b");
        context.commit();
        assertThat(consumer.receive(300)).isNull();
    }

    @Test
    void receiveBodyRefusesStreamMessagesAndUnassignableObjects() throws Exception {
        DepotJMSContext context = context(AUTO);
        Queue queue = newQueue(context);
        StreamMessage stream = context.createStreamMessage();
        stream.writeInt(1);
        context.createProducer()
                .send(queue, stream)
                .send(queue, (Serializable) new Order("o-4", 4));
        JMSConsumer consumer = context.createConsumer(queue);

        assertThatThrownBy(() -> consumer.receiveBody(Object.class, 5_000)).isInstanceOf(MessageFormatRuntimeException.class);
        assertThat(consumer.receive(5_000)).isInstanceOf(StreamMessage.class);
        assertThatThrownBy(() -> consumer.receiveBody(String.class, 5_000)).isInstanceOf(MessageFormatRuntimeException.class);
        assertThat(consumer.receiveBody(Order.class, 5_000)).isEqualTo(new Order("o-4", 4));
    }

    /**
     * The specification wants a MessageFormatRuntimeException for a message without a body, but
     * DepotMessageConsumer.receiveBody asks only Message.isBodyAssignableTo, which is true for such
     * a message: it returns null, as when nothing came, and has consumed the message.
     */
    @Test
    void receiveBodyRefusesPlainAndBodilessMessages() throws Exception {
        DepotJMSContext context = context(AUTO);
        Queue queue = newQueue(context);
        context.createProducer()
                .send(queue, context.createMessage())
                .send(queue, (String) null)
                .send(queue, new byte[0])
                .send(queue, "last");
        JMSConsumer consumer = context.createConsumer(queue);

        assertThatThrownBy(() -> consumer.receiveBody(Object.class, 5_000)).isInstanceOf(MessageFormatRuntimeException.class);
        assertThat(consumer.receive(5_000)).isNotNull();
        assertThatThrownBy(() -> consumer.receiveBody(String.class, 5_000)).isInstanceOf(MessageFormatRuntimeException.class);
        assertThat(consumer.receive(5_000)).isNotNull();
        assertThatThrownBy(() -> consumer.receiveBody(byte[].class, 5_000)).isInstanceOf(MessageFormatRuntimeException.class);
        assertThat(consumer.receive(5_000)).isNotNull();
        assertThat(consumer.receiveBody(String.class, 5_000)).isEqualTo("last");
    }

    @Test
    void aListenerGetsTheMessagesInOrderAndExcludesReceive() throws Exception {
        DepotJMSContext context = context(AUTO);
        Queue queue = newQueue(context);
        JMSConsumer consumer = context.createConsumer(queue);
        List<String> texts = new CopyOnWriteArrayList<>();
        CountDownLatch done = new CountDownLatch(5);
        MessageListener listener = message -> {
            try {
                texts.add(text(message));
            } catch (Exception e) {
                texts.add(e.toString());
            }
            done.countDown();
        };
        consumer.setMessageListener(listener);
        assertThat(consumer.getMessageListener()).isSameAs(listener);
        assertThatThrownBy(consumer::receiveNoWait).isInstanceOf(IllegalStateRuntimeException.class);
        assertThatThrownBy(() -> consumer.receiveBody(String.class, 10)).isInstanceOf(IllegalStateRuntimeException.class);

        JMSProducer producer = context.createProducer();
        for (int i = 0; i < 5; i++) {
            producer.send(queue, "m" + i);
        }
        assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(texts).containsExactly("m0", "m1", "m2", "m3", "m4");

        consumer.setMessageListener(null);
        assertThat(consumer.getMessageListener()).isNull();
        producer.send(queue, "synchronous again");
        assertThat(consumer.receiveBody(String.class, 5_000)).isEqualTo("synchronous again");
    }

    @Test
    void aListenerMayCloseItsOwnConsumer() throws Exception {
        DepotJMSContext context = context(AUTO);
        Queue queue = newQueue(context);
        JMSConsumer consumer = context.createConsumer(queue);
        List<String> texts = new CopyOnWriteArrayList<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(1);
        consumer.setMessageListener(message -> {
            try {
                texts.add(text(message));
                consumer.close();
            } catch (Throwable e) {
                failure.set(e);
            }
            done.countDown();
        });
        context.createProducer().send(queue, "first").send(queue, "second");
        assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        Thread.sleep(300);
        assertThat(failure.get()).isNull();
        assertThat(texts).containsExactly("first");
        assertThat(context.createConsumer(queue).receiveBody(String.class, 5_000)).isEqualTo("second");
    }

    @Test
    void closeEndsAWaitingReceiveAndAClosedConsumerRefusesWork() throws Exception {
        DepotJMSContext context = context(AUTO);
        Queue queue = newQueue(context);
        JMSConsumer consumer = context.createConsumer(queue);
        CompletableFuture<Message> waiting = CompletableFuture.supplyAsync(consumer::receive);
        Thread.sleep(300);
        assertThat(waiting).isNotDone();
        consumer.close();
        assertThat(waiting.get(5, TimeUnit.SECONDS)).isNull();

        assertThatThrownBy(consumer::receive).isInstanceOf(IllegalStateRuntimeException.class);
        assertThatThrownBy(() -> consumer.receiveBody(String.class)).isInstanceOf(IllegalStateRuntimeException.class);
        assertThatThrownBy(consumer::getMessageSelector).isInstanceOf(IllegalStateRuntimeException.class);
        assertThatThrownBy(() -> consumer.setMessageListener(null)).isInstanceOf(IllegalStateRuntimeException.class);
        assertThatCode(consumer::close).doesNotThrowAnyException();
    }

    @Test
    void closingTheContextEndsAWaitingReceive() throws Exception {
        DepotJMSContext context = context(AUTO);
        JMSConsumer consumer = context.createConsumer(newQueue(context));
        CompletableFuture<String> waiting = CompletableFuture.supplyAsync(() -> consumer.receiveBody(String.class));
        Thread.sleep(300);
        assertThat(waiting).isNotDone();
        context.close();
        assertThat(waiting.get(5, TimeUnit.SECONDS)).isNull();
    }
}
