package dev.depot.jms;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.jms.BytesMessage;
import jakarta.jms.DeliveryMode;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.ObjectMessage;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.StreamMessage;
import jakarta.jms.TextMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PointToPointTest extends JmsTestSupport {

    @Test
    void aSentMessageIsReceivedOnceWithItsHeadersAndProperties() throws Exception {
        Session session = session();
        Queue queue = session.createQueue("orders");
        TextMessage sent = session.createTextMessage("hello");
        sent.setStringProperty("customer", "acme");
        sent.setIntProperty("lines", 3);
        sent.setJMSCorrelationID("corr-1");
        sent.setJMSType("order");
        long before = System.currentTimeMillis();
        session.createProducer(queue).send(sent);

        assertThat(sent.getJMSMessageID()).startsWith("ID:");
        assertThat(sent.getJMSDestination()).isEqualTo(queue);
        assertThat(sent.getJMSTimestamp()).isBetween(before, System.currentTimeMillis());
        assertThat(sent.getJMSDeliveryMode()).isEqualTo(DeliveryMode.PERSISTENT);
        assertThat(sent.getJMSPriority()).isEqualTo(4);
        assertThat(sent.getJMSExpiration()).isZero();
        assertThat(sent.getJMSDeliveryTime()).isEqualTo(sent.getJMSTimestamp());

        MessageConsumer consumer = session.createConsumer(queue);
        TextMessage received = (TextMessage) consumer.receive(5_000);

        assertThat(received.getText()).isEqualTo("hello");
        assertThat(received.getJMSMessageID()).isEqualTo(sent.getJMSMessageID());
        assertThat(received.getJMSTimestamp()).isEqualTo(sent.getJMSTimestamp());
        assertThat(received.getJMSCorrelationID()).isEqualTo("corr-1");
        assertThat(received.getJMSType()).isEqualTo("order");
        assertThat(received.getJMSDestination()).isEqualTo(queue);
        assertThat(received.getStringProperty("customer")).isEqualTo("acme");
        assertThat(received.getIntProperty("lines")).isEqualTo(3);
        assertThat(received.getJMSRedelivered()).isFalse();
        assertThat(received.getIntProperty("JMSXDeliveryCount")).isEqualTo(1);
        assertThat(consumer.receiveNoWait()).isNull();
        assertThat(depth("orders")).isZero();
        assertThat(rows("depot_message")).isZero();
    }

    @Test
    void everyMessageTypeRoundTrips() throws Exception {
        Session session = session();
        Queue queue = session.createQueue("types");
        MessageProducer producer = session.createProducer(queue);
        BytesMessage bytes = session.createBytesMessage();
        bytes.writeBytes(new byte[] {1, 2, 3});
        bytes.writeUTF("tail");
        MapMessage map = session.createMapMessage();
        map.setLong("id", 42L);
        map.setString("name", "widget");
        StreamMessage stream = session.createStreamMessage();
        stream.writeInt(7);
        stream.writeString("seven");
        producer.send(session.createMessage());
        producer.send(session.createTextMessage("text"));
        producer.send(bytes);
        producer.send(map);
        producer.send(session.createObjectMessage(new ArrayList<>(List.of("a", "b"))));
        producer.send(stream);

        MessageConsumer consumer = session.createConsumer(queue);
        Message plain = consumer.receive(5_000);
        assertThat(plain).isNotInstanceOf(TextMessage.class);
        assertThat(plain.getBody(Object.class)).isNull();
        assertThat(((TextMessage) consumer.receive(5_000)).getText()).isEqualTo("text");
        BytesMessage gotBytes = (BytesMessage) consumer.receive(5_000);
        byte[] head = new byte[3];
        assertThat(gotBytes.readBytes(head)).isEqualTo(3);
        assertThat(head).containsExactly(1, 2, 3);
        assertThat(gotBytes.readUTF()).isEqualTo("tail");
        MapMessage gotMap = (MapMessage) consumer.receive(5_000);
        assertThat(gotMap.getLong("id")).isEqualTo(42L);
        assertThat(((Map<?, ?>) gotMap.getBody(Map.class)).get("name")).isEqualTo("widget");
        assertThat(((ObjectMessage) consumer.receive(5_000)).getObject()).isEqualTo(List.of("a", "b"));
        StreamMessage gotStream = (StreamMessage) consumer.receive(5_000);
        assertThat(gotStream.readInt()).isEqualTo(7);
        assertThat(gotStream.readString()).isEqualTo("seven");
    }

    @Test
    void higherPriorityFirstThenTheOrderSent() throws Exception {
        Session session = session();
        Queue queue = session.createQueue("prio");
        MessageProducer producer = session.createProducer(queue);
        producer.send(session.createTextMessage("low-1"), DeliveryMode.PERSISTENT, 1, 0);
        producer.send(session.createTextMessage("high-1"), DeliveryMode.PERSISTENT, 9, 0);
        producer.send(session.createTextMessage("normal-1"), DeliveryMode.PERSISTENT, 4, 0);
        producer.send(session.createTextMessage("high-2"), DeliveryMode.PERSISTENT, 9, 0);
        producer.send(session.createTextMessage("low-2"), DeliveryMode.PERSISTENT, 1, 0);

        assertThat(drain(session.createConsumer(queue), 500))
                .containsExactly("high-1", "high-2", "normal-1", "low-1", "low-2");
    }

    @Test
    void oneProducersMessagesArriveInTheOrderSent() throws Exception {
        Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
        Queue queue = session.createQueue("ordered");
        MessageProducer producer = session.createProducer(queue);
        List<String> sent = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            sent.add("m" + i);
            producer.send(session.createTextMessage("m" + i));
            if (i % 250 == 249) {
                session.commit();
            }
        }
        session.commit();

        Session receiving = session();
        assertThat(drain(receiving.createConsumer(queue), 500)).containsExactlyElementsOf(sent);
    }

    @Test
    void receiveWaitsForAMessageSentLaterAndTimesOutOnAnEmptyQueue() throws Exception {
        Session session = session();
        Queue queue = session.createQueue("later");
        MessageConsumer consumer = session.createConsumer(queue);
        long start = System.currentTimeMillis();
        assertThat(consumer.receive(300)).isNull();
        assertThat(System.currentTimeMillis() - start).isGreaterThanOrEqualTo(300);

        Thread sender = new Thread(() -> {
            try {
                Thread.sleep(200);
                sendTexts(queue, "arrived");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        sender.start();
        assertThat(text(consumer.receive())).isEqualTo("arrived");
        sender.join();
    }

    @Test
    void aStoppedConnectionDeliversNothingUntilStarted() throws Exception {
        Queue queue = session().createQueue("paused");
        sendTexts(queue, "one");
        connection.stop();
        MessageConsumer consumer = session().createConsumer(queue);

        assertThat(consumer.receiveNoWait()).isNull();
        assertThat(consumer.receive(300)).isNull();

        connection.start();
        assertThat(text(consumer.receive(5_000))).isEqualTo("one");
    }

    @Test
    void aDeliveryDelayHoldsTheMessageBack() throws Exception {
        Session session = session();
        Queue queue = session.createQueue("delayed");
        MessageProducer producer = session.createProducer(queue);
        producer.setDeliveryDelay(1_500);
        TextMessage message = session.createTextMessage("later");
        producer.send(message);
        assertThat(message.getJMSDeliveryTime()).isEqualTo(message.getJMSTimestamp() + 1_500);

        MessageConsumer consumer = session.createConsumer(queue);
        assertThat(consumer.receive(700)).isNull();
        Message received = consumer.receive(5_000);
        assertThat(text(received)).isEqualTo("later");
        assertThat(System.currentTimeMillis()).isGreaterThanOrEqualTo(message.getJMSDeliveryTime());
        assertThat(received.getJMSDeliveryTime()).isEqualTo(message.getJMSDeliveryTime());
    }

    @Test
    void anExpiredMessageIsNeverDelivered() throws Exception {
        Session session = session();
        Queue queue = session.createQueue("perishable");
        MessageProducer producer = session.createProducer(queue);
        producer.setTimeToLive(200);
        TextMessage message = session.createTextMessage("stale");
        producer.send(message);
        assertThat(message.getJMSExpiration()).isEqualTo(message.getJMSTimestamp() + 200);
        producer.setTimeToLive(0);
        producer.send(session.createTextMessage("fresh"));
        Thread.sleep(400);

        assertThat(drain(session.createConsumer(queue), 500)).containsExactly("fresh");
    }

    @Test
    void disabledMessageIdsAndTimestampsAreLeftEmpty() throws Exception {
        Session session = session();
        Queue queue = session.createQueue("bare");
        MessageProducer producer = session.createProducer(queue);
        producer.setDisableMessageID(true);
        producer.setDisableMessageTimestamp(true);
        TextMessage message = session.createTextMessage("x");
        producer.send(message);
        assertThat(message.getJMSMessageID()).isNull();
        assertThat(message.getJMSTimestamp()).isZero();

        Message received = session.createConsumer(queue).receive(5_000);
        assertThat(received.getJMSMessageID()).isNull();
        assertThat(received.getJMSTimestamp()).isZero();
    }

    @Test
    void anAnonymousProducerNamesTheDestinationPerSend() throws Exception {
        Session session = session();
        Queue a = session.createQueue("a");
        Queue b = session.createQueue("b");
        MessageProducer producer = session.createProducer(null);
        producer.send(a, session.createTextMessage("to-a"));
        producer.send(b, session.createTextMessage("to-b"));

        assertThat(text(session.createConsumer(a).receive(5_000))).isEqualTo("to-a");
        assertThat(text(session.createConsumer(b).receive(5_000))).isEqualTo("to-b");
    }

    @Test
    void aMessageReceivedCanBeSentOnAndKeepsItsBody() throws Exception {
        Session session = session();
        Queue in = session.createQueue("in");
        Queue out = session.createQueue("out");
        sendTexts(in, "relay");
        Message received = session.createConsumer(in).receive(5_000);
        String originalId = received.getJMSMessageID();
        session.createProducer(out).send(received);
        assertThat(received.getJMSMessageID()).isNotEqualTo(originalId);

        Message relayed = session.createConsumer(out).receive(5_000);
        assertThat(text(relayed)).isEqualTo("relay");
        assertThat(relayed.getJMSDestination()).isEqualTo(out);
        assertThat(relayed.getJMSMessageID()).isEqualTo(received.getJMSMessageID());
    }

    @Test
    void competingConsumersInOneJvmEachGetDifferentMessages() throws Exception {
        Queue queue = session().createQueue("shared");
        Session s1 = session();
        Session s2 = session();
        MessageConsumer c1 = s1.createConsumer(queue);
        MessageConsumer c2 = s2.createConsumer(queue);
        String[] texts = new String[200];
        for (int i = 0; i < texts.length; i++) {
            texts[i] = "m" + i;
        }
        sendTexts(queue, texts);

        List<String> all = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            Message m1 = c1.receive(200);
            Message m2 = c2.receive(200);
            if (m1 != null) {
                all.add(text(m1));
            }
            if (m2 != null) {
                all.add(text(m2));
            }
        }
        all.addAll(drain(c1, 300));
        all.addAll(drain(c2, 300));
        assertThat(all).containsExactlyInAnyOrder(texts);
    }

    @Test
    void aConsumerHoldsNoMoreThanItsPrefetchWhateverTheDepth() throws Exception {
        DepotConnectionFactory small = newFactory(schema);
        small.setPrefetch(7);
        try (small; var c = small.createConnection()) {
            c.start();
            Session tx = c.createSession(true, Session.SESSION_TRANSACTED);
            Queue queue = tx.createQueue("deep");
            MessageProducer producer = tx.createProducer(queue);
            for (int i = 0; i < 500; i++) {
                producer.send(tx.createTextMessage("m" + i));
            }
            tx.commit();

            MessageConsumer consumer = c.createSession(false, Session.CLIENT_ACKNOWLEDGE).createConsumer(queue);
            assertThat(text(consumer.receive(5_000))).isEqualTo("m0");
            assertThat(claimed()).isEqualTo(7);
        }
    }

    private long claimed() throws Exception {
        try (var c = dev.depot.store.testing.TestDatabase.connect(); var s = c.createStatement();
             var rs = s.executeQuery("select count(*) from " + schema + ".depot_delivery where claimed_by is not null")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void blockedReceiversHoldNoDatabaseConnection() throws Exception {
        DepotConnectionFactory tiny = newFactory(schema);
        tiny.setMaxPoolSize(2);
        // Each receiver takes one message: none may hold a second one in its prefetch.
        tiny.setPrefetch(1);
        try (tiny; var c = tiny.createConnection()) {
            c.start();
            Queue queue = c.createSession().createQueue("scarce");
            List<java.util.concurrent.CompletableFuture<String>> receivers = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                MessageConsumer consumer = c.createSession().createConsumer(queue);
                receivers.add(java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                    try {
                        return text(consumer.receive(30_000));
                    } catch (jakarta.jms.JMSException e) {
                        throw new java.lang.IllegalStateException(e);
                    }
                }, java.util.concurrent.Executors.newSingleThreadExecutor()));
            }
            Thread.sleep(500);
            Session sender = c.createSession();
            MessageProducer producer = sender.createProducer(queue);
            for (int i = 0; i < 10; i++) {
                producer.send(sender.createTextMessage("m" + i));
            }

            List<String> received = new ArrayList<>();
            for (var receiver : receivers) {
                received.add(receiver.get(30, java.util.concurrent.TimeUnit.SECONDS));
            }
            assertThat(received).containsExactlyInAnyOrder("m0", "m1", "m2", "m3", "m4", "m5", "m6", "m7", "m8", "m9");
        }
    }

    @Test
    void aBodyOfSixtyFourMebibytesTheDefaultLimitRoundTripsIntact() throws Exception {
        Session session = session();
        Queue queue = session.createQueue("large");
        byte[] body = new byte[64 * 1024 * 1024];
        new java.util.Random(7).nextBytes(body);
        BytesMessage message = session.createBytesMessage();
        message.writeBytes(body);
        session.createProducer(queue).send(message);
        body = null;

        BytesMessage received = (BytesMessage) session.createConsumer(queue).receive(30_000);
        assertThat(received.getBodyLength()).isEqualTo(64L * 1024 * 1024);
        byte[] expected = new byte[64 * 1024 * 1024];
        new java.util.Random(7).nextBytes(expected);
        assertThat(java.util.Arrays.equals(received.getBody(byte[].class), expected)).isTrue();
    }
}
