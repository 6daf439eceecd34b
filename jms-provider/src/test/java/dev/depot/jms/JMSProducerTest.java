package dev.depot.jms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.jms.BytesMessage;
import jakarta.jms.CompletionListener;
import jakarta.jms.DeliveryMode;
import jakarta.jms.InvalidDestinationRuntimeException;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSProducer;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.MessageFormatException;
import jakarta.jms.MessageFormatRuntimeException;
import jakarta.jms.MessageNotWriteableException;
import jakarta.jms.MessageNotWriteableRuntimeException;
import jakarta.jms.ObjectMessage;
import jakarta.jms.Queue;
import jakarta.jms.StreamMessage;
import jakarta.jms.TextMessage;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** JMSProducer: each send overload, properties and their conversions, headers, delivery settings, async sends. */
class JMSProducerTest extends ContextTestSupport {

    @Test
    void eachSendOverloadSendsItsMessageType() throws Exception {
        DepotJMSContext context = context(AUTO);
        Queue queue = newQueue(context);
        JMSProducer producer = context.createProducer();
        Map<String, Object> map = new HashMap<>();
        map.put("count", 3);
        map.put("name", "widget");
        StreamMessage stream = context.createStreamMessage();
        stream.writeInt(7);
        stream.writeString("seven");

        producer.send(queue, "text")
                .send(queue, map)
                .send(queue, new byte[] {1, 2, 3})
                .send(queue, (Serializable) new Order("o-1", 5))
                .send(queue, stream);

        JMSConsumer consumer = context.createConsumer(queue);
        assertThat(((TextMessage) consumer.receive(5_000)).getText()).isEqualTo("text");
        MapMessage mapMessage = (MapMessage) consumer.receive(5_000);
        assertThat(mapMessage.getInt("count")).isEqualTo(3);
        assertThat(mapMessage.getString("name")).isEqualTo("widget");
        BytesMessage bytes = (BytesMessage) consumer.receive(5_000);
        assertThat(bytes.getBody(byte[].class)).containsExactly(1, 2, 3);
        assertThat(((ObjectMessage) consumer.receive(5_000)).getObject()).isEqualTo(new Order("o-1", 5));
        StreamMessage receivedStream = (StreamMessage) consumer.receive(5_000);
        assertThat(receivedStream.readInt()).isEqualTo(7);
        assertThat(receivedStream.readString()).isEqualTo("seven");
    }

    @Test
    void nullBodiesSendMessagesOfTheRightTypeWithNoBody() throws Exception {
        DepotJMSContext context = context(AUTO);
        Queue queue = newQueue(context);
        context.createProducer()
                .send(queue, (String) null)
                .send(queue, (Map<String, Object>) null)
                .send(queue, (byte[]) null)
                .send(queue, (Serializable) null);

        JMSConsumer consumer = context.createConsumer(queue);
        Message text = consumer.receive(5_000);
        assertThat(text).isInstanceOf(TextMessage.class);
        assertThat(((TextMessage) text).getText()).isNull();
        Message map = consumer.receive(5_000);
        assertThat(map).isInstanceOf(MapMessage.class);
        assertThat(Collections.list((java.util.Enumeration<?>) ((MapMessage) map).getMapNames())).isEmpty();
        Message bytes = consumer.receive(5_000);
        assertThat(bytes).isInstanceOf(BytesMessage.class);
        assertThat(((BytesMessage) bytes).getBodyLength()).isZero();
        Message object = consumer.receive(5_000);
        assertThat(object).isInstanceOf(ObjectMessage.class);
        assertThat(((ObjectMessage) object).getObject()).isNull();
    }

    @Test
    void aNullMessageOrNoDestinationOrABadMapIsRefused() throws Exception {
        DepotJMSContext context = context(AUTO);
        Queue queue = newQueue(context);
        JMSProducer producer = context.createProducer();
        assertThatThrownBy(() -> producer.send(queue, (Message) null))
                .isInstanceOf(MessageFormatRuntimeException.class);
        assertThatThrownBy(() -> producer.send(null, "nowhere"))
                .isInstanceOf(InvalidDestinationRuntimeException.class);
        Map<String, Object> bad = new HashMap<>();
        bad.put("thing", new ArrayList<String>());
        assertThatThrownBy(() -> producer.send(queue, bad))
                .isInstanceOf(MessageFormatRuntimeException.class)
                .hasCauseInstanceOf(MessageFormatException.class);
        assertThat(context.createConsumer(queue).receive(300)).isNull();
    }

    @Test
    void propertiesAndHeadersOfTheProducerOverrideTheMessages() throws Exception {
        DepotJMSContext context = context(AUTO);
        Queue queue = newQueue(context);
        Queue replyTo = newQueue(context);
        JMSProducer producer = context.createProducer();
        assertThat(producer.setProperty("flag", true)).isSameAs(producer);
        producer.setProperty("count", 42)
                .setProperty("origin", "producer")
                .setJMSType("order")
                .setJMSCorrelationID("corr-1")
                .setJMSReplyTo(replyTo);
        TextMessage message = context.createTextMessage("body");
        message.setStringProperty("origin", "message");
        message.setStringProperty("own", "kept");
        message.setJMSType("message type");
        message.setJMSCorrelationID("message correlation");

        producer.send(queue, message);

        Message received = context.createConsumer(queue).receive(5_000);
        assertThat(received.getBooleanProperty("flag")).isTrue();
        assertThat(received.getIntProperty("count")).isEqualTo(42);
        assertThat(received.getStringProperty("origin")).isEqualTo("producer");
        assertThat(received.getStringProperty("own")).isEqualTo("kept");
        assertThat(received.getJMSType()).isEqualTo("order");
        assertThat(received.getJMSCorrelationID()).isEqualTo("corr-1");
        assertThat(received.getJMSReplyTo()).isEqualTo(replyTo);
        assertThat(producer.getJMSType()).isEqualTo("order");
        assertThat(producer.getJMSReplyTo()).isEqualTo(replyTo);
    }

    @Test
    void headersNeverSetOnTheProducerAreLeftAsTheMessageHasThem() throws Exception {
        DepotJMSContext context = context(AUTO);
        Queue queue = newQueue(context);
        Queue replyTo = newQueue(context);
        TextMessage message = context.createTextMessage("body");
        message.setJMSType("mine");
        message.setJMSCorrelationID("my correlation");
        message.setJMSReplyTo(replyTo);
        context.createProducer().send(queue, message);

        Message received = context.createConsumer(queue).receive(5_000);
        assertThat(received.getJMSType()).isEqualTo("mine");
        assertThat(received.getJMSCorrelationID()).isEqualTo("my correlation");
        assertThat(received.getJMSReplyTo()).isEqualTo(replyTo);
    }

    @Test
    void aByteCorrelationIdIsCopiedAndTravels() throws Exception {
        DepotJMSContext context = context(AUTO);
        Queue queue = newQueue(context);
        byte[] id = {10, 20, 30};
        JMSProducer producer = context.createProducer().setJMSCorrelationIDAsBytes(id);
        id[0] = 99;
        assertThat(producer.getJMSCorrelationIDAsBytes()).containsExactly(10, 20, 30);
        producer.getJMSCorrelationIDAsBytes()[1] = 99;
        assertThat(producer.getJMSCorrelationIDAsBytes()).containsExactly(10, 20, 30);
        producer.send(queue, "with bytes");
        assertThat(context.createConsumer(queue).receive(5_000).getJMSCorrelationIDAsBytes()).containsExactly(10, 20, 30);

        producer.setJMSCorrelationID("text id");
        assertThat(producer.getJMSCorrelationID()).isEqualTo("text id");
        assertThat(producer.getJMSCorrelationIDAsBytes()).isEqualTo("text id".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void propertyGettersFollowTheConversionTable() throws Exception {
        JMSProducer p = context(AUTO).createProducer()
                .setProperty("bool", true)
                .setProperty("byte", (byte) 7)
                .setProperty("short", (short) 300)
                .setProperty("int", 70_000)
                .setProperty("long", 5_000_000_000L)
                .setProperty("float", 1.5f)
                .setProperty("double", 2.25d)
                .setProperty("numeric", "12")
                .setProperty("truth", "TRUE");

        assertThat(p.getStringProperty("bool")).isEqualTo("true");
        assertThat(p.getShortProperty("byte")).isEqualTo((short) 7);
        assertThat(p.getIntProperty("byte")).isEqualTo(7);
        assertThat(p.getLongProperty("byte")).isEqualTo(7L);
        assertThat(p.getIntProperty("short")).isEqualTo(300);
        assertThat(p.getLongProperty("int")).isEqualTo(70_000L);
        assertThat(p.getDoubleProperty("float")).isEqualTo(1.5d);
        assertThat(p.getStringProperty("double")).isEqualTo("2.25");
        assertThat(p.getByteProperty("numeric")).isEqualTo((byte) 12);
        assertThat(p.getIntProperty("numeric")).isEqualTo(12);
        assertThat(p.getLongProperty("numeric")).isEqualTo(12L);
        assertThat(p.getDoubleProperty("numeric")).isEqualTo(12d);
        assertThat(p.getBooleanProperty("truth")).isTrue();
        assertThat(p.getObjectProperty("long")).isEqualTo(5_000_000_000L);
        assertThat(p.getObjectProperty("short")).isInstanceOf(Short.class);

        assertThatThrownBy(() -> p.getBooleanProperty("int")).isInstanceOf(MessageFormatRuntimeException.class);
        assertThatThrownBy(() -> p.getByteProperty("short")).isInstanceOf(MessageFormatRuntimeException.class);
        assertThatThrownBy(() -> p.getShortProperty("int")).isInstanceOf(MessageFormatRuntimeException.class);
        assertThatThrownBy(() -> p.getIntProperty("long")).isInstanceOf(MessageFormatRuntimeException.class);
        assertThatThrownBy(() -> p.getLongProperty("float")).isInstanceOf(MessageFormatRuntimeException.class);
        assertThatThrownBy(() -> p.getFloatProperty("double")).isInstanceOf(MessageFormatRuntimeException.class);
        assertThatThrownBy(() -> p.getDoubleProperty("bool")).isInstanceOf(MessageFormatRuntimeException.class);
        assertThatThrownBy(() -> p.getIntProperty("truth")).isInstanceOf(NumberFormatException.class);
    }

    @Test
    void aMissingPropertyConvertsLikeValueOfNull() throws Exception {
        JMSProducer p = context(AUTO).createProducer();
        assertThat(p.propertyExists("absent")).isFalse();
        assertThat(p.getBooleanProperty("absent")).isFalse();
        assertThat(p.getStringProperty("absent")).isNull();
        assertThat(p.getObjectProperty("absent")).isNull();
        assertThatThrownBy(() -> p.getByteProperty("absent")).isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(() -> p.getShortProperty("absent")).isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(() -> p.getIntProperty("absent")).isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(() -> p.getLongProperty("absent")).isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(() -> p.getFloatProperty("absent")).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> p.getDoubleProperty("absent")).isInstanceOf(NullPointerException.class);
    }

    @Test
    void invalidPropertyNamesAndValuesAreRefused() throws Exception {
        JMSProducer p = context(AUTO).createProducer();
        for (String name : new String[] {null, "", "1st", "a-b", "with space", "NULL", "true", "Between", "escape", "is"}) {
            assertThatThrownBy(() -> p.setProperty(name, 1)).as("name %s", name)
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> p.setProperty(name, "v")).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> p.setProperty("object", new Object()))
                .isInstanceOf(MessageFormatRuntimeException.class).hasMessageContaining("java.lang.Object");
        assertThatThrownBy(() -> p.setProperty("chars", (Object) 'c')).isInstanceOf(MessageFormatRuntimeException.class);
        assertThatThrownBy(() -> p.setProperty("bytes", (Object) new byte[1])).isInstanceOf(MessageFormatRuntimeException.class);
        assertThat(p.getPropertyNames()).isEmpty();

        p.setProperty("$ok_name2", (Object) 5L).setProperty("nothing", (Object) null).setProperty("Isa", 1);
        assertThat(p.getPropertyNames()).containsExactly("$ok_name2", "nothing", "Isa");
        assertThat(p.propertyExists("nothing")).isTrue();
    }

    @Test
    void propertyNamesAreALiveUnmodifiableViewAndClearPropertiesEmptiesIt() throws Exception {
        JMSProducer p = context(AUTO).createProducer().setProperty("a", 1);
        Set<String> names = p.getPropertyNames();
        p.setProperty("b", 2);
        assertThat(names).containsExactly("a", "b");
        assertThatThrownBy(() -> names.add("c")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> names.remove("a")).isInstanceOf(UnsupportedOperationException.class);
        assertThat(p.clearProperties()).isSameAs(p);
        assertThat(names).isEmpty();
        assertThat(p.propertyExists("a")).isFalse();
    }

    @Test
    void propertiesThatCannotBeSetOnTheMessageFailTheSend() throws Exception {
        DepotJMSContext context = context(AUTO);
        Queue queue = newQueue(context);
        JMSProducer producer = context.createProducer();
        producer.send(queue, "first");
        Message received = context.createConsumer(queue).receive(5_000);

        JMSProducer withProperty = context.createProducer().setProperty("stamp", 1);
        assertThatThrownBy(() -> withProperty.send(queue, received))
                .as("a received message's properties are read-only")
                .isInstanceOf(MessageNotWriteableRuntimeException.class)
                .hasCauseInstanceOf(MessageNotWriteableException.class);
        assertThatThrownBy(() -> context.createProducer().setProperty("JMSXDeliveryCount", 3).send(queue, "x"))
                .isInstanceOf(MessageNotWriteableRuntimeException.class);
        assertThatThrownBy(() -> context.createProducer().setProperty("JMSXGroupSeq", "one").send(queue, "x"))
                .isInstanceOf(MessageFormatRuntimeException.class);
        producer.send(queue, received);
        assertThat(context.createConsumer(queue).receiveBody(String.class, 5_000))
                .as("a received message can be sent on when the producer sets no property").isEqualTo("first");
    }

    @Test
    void deliverySettingsAreCheckedAndApplied() throws Exception {
        DepotJMSContext context = context(AUTO);
        Queue queue = newQueue(context);
        JMSProducer producer = context.createProducer();
        assertThat(producer.getDeliveryMode()).isEqualTo(DeliveryMode.PERSISTENT);
        assertThat(producer.getPriority()).isEqualTo(4);
        assertThat(producer.getTimeToLive()).isZero();
        assertThat(producer.getDeliveryDelay()).isZero();
        assertThatThrownBy(() -> producer.setDeliveryMode(0)).isExactlyInstanceOf(JMSRuntimeException.class);
        assertThatThrownBy(() -> producer.setPriority(10)).isExactlyInstanceOf(JMSRuntimeException.class);
        assertThatThrownBy(() -> producer.setPriority(-1)).isExactlyInstanceOf(JMSRuntimeException.class);
        assertThatThrownBy(() -> producer.setDeliveryDelay(-1)).isExactlyInstanceOf(JMSRuntimeException.class);

        producer.setDeliveryMode(DeliveryMode.NON_PERSISTENT).setPriority(7).setTimeToLive(60_000);
        long before = System.currentTimeMillis();
        producer.send(queue, "settings");
        long after = System.currentTimeMillis();

        Message received = context.createConsumer(queue).receive(5_000);
        assertThat(received.getJMSDeliveryMode()).isEqualTo(DeliveryMode.NON_PERSISTENT);
        assertThat(received.getJMSPriority()).isEqualTo(7);
        assertThat(received.getJMSExpiration()).isBetween(before + 60_000, after + 60_000);
        assertThat(received.getJMSMessageID()).startsWith("ID:");
        assertThat(received.getJMSTimestamp()).isBetween(before, after);
    }

    @Test
    void messageIdAndTimestampCanBeDisabled() throws Exception {
        DepotJMSContext context = context(AUTO);
        Queue queue = newQueue(context);
        JMSProducer producer = context.createProducer().setDisableMessageID(true).setDisableMessageTimestamp(true);
        assertThat(producer.getDisableMessageID()).isTrue();
        assertThat(producer.getDisableMessageTimestamp()).isTrue();
        producer.send(queue, "anonymous");
        context.createProducer().send(queue, "named");

        JMSConsumer consumer = context.createConsumer(queue);
        Message anonymous = consumer.receive(5_000);
        assertThat(anonymous.getJMSMessageID()).isNull();
        assertThat(anonymous.getJMSTimestamp()).isZero();
        Message named = consumer.receive(5_000);
        assertThat(named.getJMSMessageID()).isNotNull();
        assertThat(named.getJMSTimestamp()).isPositive();
    }

    @Test
    void aDeliveryDelayHoldsTheMessageBack() throws Exception {
        DepotJMSContext context = context(AUTO);
        Queue queue = newQueue(context);
        JMSConsumer consumer = context.createConsumer(queue);
        long sent = System.currentTimeMillis();
        context.createProducer().setDeliveryDelay(1_500).send(queue, "later");
        assertThat(consumer.receive(500)).isNull();

        Message message = consumer.receive(10_000);
        assertThat(text(message)).isEqualTo("later");
        assertThat(System.currentTimeMillis() - sent).isGreaterThanOrEqualTo(1_500);
        assertThat(message.getJMSDeliveryTime()).isGreaterThanOrEqualTo(sent + 1_500);
    }

    @Test
    void anExpiredMessageIsNotDelivered() throws Exception {
        DepotJMSContext context = context(AUTO);
        Queue queue = newQueue(context);
        JMSProducer producer = context.createProducer();
        producer.setTimeToLive(200).send(queue, "short-lived");
        producer.setTimeToLive(0).send(queue, "lasting");
        Thread.sleep(400);
        JMSConsumer consumer = context.createConsumer(queue);
        assertThat(consumer.receiveBody(String.class, 5_000)).isEqualTo("lasting");
        assertThat(consumer.receive(300)).isNull();
    }

    @Test
    void asyncSendsCallTheListenerOnAnotherThreadInSendOrder() throws Exception {
        DepotJMSContext context = context(AUTO);
        Queue queue = newQueue(context);
        List<String> completed = new CopyOnWriteArrayList<>();
        List<Thread> threads = new CopyOnWriteArrayList<>();
        CountDownLatch done = new CountDownLatch(5);
        CompletionListener listener = new CompletionListener() {
            @Override
            public void onCompletion(Message message) {
                try {
                    completed.add(text(message));
                } catch (Exception e) {
                    completed.add("unreadable: " + e);
                }
                threads.add(Thread.currentThread());
                done.countDown();
            }

            @Override
            public void onException(Message message, Exception exception) {
                completed.add("failed: " + exception);
                done.countDown();
            }
        };
        JMSProducer producer = context.createProducer().setAsync(listener);
        assertThat(producer.getAsync()).isSameAs(listener);
        for (int i = 0; i < 5; i++) {
            producer.send(queue, "m" + i);
        }
        assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(completed).containsExactly("m0", "m1", "m2", "m3", "m4");
        assertThat(threads).doesNotContain(Thread.currentThread());

        assertThat(producer.setAsync(null).getAsync()).isNull();
        producer.send(queue, "sync");
        JMSConsumer consumer = context.createConsumer(queue);
        List<String> received = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            received.add(consumer.receiveBody(String.class, 5_000));
        }
        assertThat(received).containsExactly("m0", "m1", "m2", "m3", "m4", "sync");
    }

    @Test
    void closeWaitsForTheCompletionListeners() throws Exception {
        DepotJMSContext context = context(AUTO);
        Queue queue = newQueue(context);
        AtomicBoolean returned = new AtomicBoolean();
        context.createProducer().setAsync(slowListener(returned)).send(queue, "async");
        context.close();
        assertThat(returned).as("the completion listener returned before close() did").isTrue();
    }

    @Test
    void commitWaitsForTheCompletionListenersOfATransactedContext() throws Exception {
        DepotJMSContext context = context(TRANSACTED);
        Queue queue = newQueue(context);
        AtomicBoolean returned = new AtomicBoolean();
        context.createProducer().setAsync(slowListener(returned)).send(queue, "async in a transaction");
        context.commit();
        assertThat(returned).as("the completion listener returned before commit() did").isTrue();
        assertThat(context(AUTO).createConsumer(queue).receiveBody(String.class, 5_000))
                .isEqualTo("async in a transaction");
    }

    private static CompletionListener slowListener(AtomicBoolean returned) {
        return new CompletionListener() {
            @Override
            public void onCompletion(Message message) {
                sleep();
                returned.set(true);
            }

            @Override
            public void onException(Message message, Exception exception) {
                sleep();
                returned.set(true);
            }

            private void sleep() {
                try {
                    Thread.sleep(400);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
    }
}
