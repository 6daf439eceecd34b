package dev.depot.jms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import jakarta.jms.Connection;
import jakarta.jms.IllegalStateException;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TemporaryTopic;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TopicTest extends JmsTestSupport {

    private void publish(Topic topic, String... texts) throws Exception {
        try (Session s = connection.createSession()) {
            MessageProducer producer = s.createProducer(topic);
            for (String text : texts) {
                producer.send(s.createTextMessage(text));
            }
        }
    }

    private Connection withClientId(String clientId) throws Exception {
        Connection c = factory.createConnection();
        c.setClientID(clientId);
        c.start();
        return c;
    }

    @Test
    void everySubscriberGetsEachMessageStoredOnceAndItGoesWithTheLastAcknowledgement() throws Exception {
        Topic topic = session().createTopic("news");
        MessageConsumer first = session().createConsumer(topic);
        MessageConsumer second = session().createConsumer(topic);
        publish(topic, "a", "b");
        assertThat(rows("depot_message")).as("stored once").isEqualTo(2);
        assertThat(rows("depot_delivery")).as("one delivery per subscriber").isEqualTo(4);

        assertThat(drain(first, 300)).containsExactly("a", "b");
        assertThat(rows("depot_message")).as("still wanted by the second").isEqualTo(2);
        assertThat(drain(second, 300)).containsExactly("a", "b");
        assertThat(rows("depot_message")).isZero();
    }

    @Test
    void aSubscriberGetsOnlyWhatIsPublishedWhileItExists() throws Exception {
        Topic topic = session().createTopic("live");
        publish(topic, "before");
        assertThat(rows("depot_message")).as("no subscription, nothing stored").isZero();
        MessageConsumer consumer = session().createConsumer(topic);
        publish(topic, "during");
        assertThat(drain(consumer, 300)).containsExactly("during");
        consumer.close();
        publish(topic, "after");
        assertThat(rows("depot_message")).isZero();
        assertThat(rows("depot_subscription")).isZero();
    }

    @Test
    void aDurableSubscriptionKeepsMessagesWhileItsSubscriberIsAway() throws Exception {
        Topic topic = session().createTopic("ledger");
        Connection c = withClientId("bookkeeper");
        Session session = c.createSession();
        MessageConsumer subscriber = session.createDurableConsumer(topic, "books");
        publish(topic, "one");
        assertThat(text(subscriber.receive(5_000))).isEqualTo("one");
        subscriber.close();
        c.close();

        publish(topic, "two", "three");

        Connection again = withClientId("bookkeeper");
        try {
            Session s = again.createSession();
            MessageConsumer back = s.createDurableSubscriber(topic, "books");
            assertThat(drain(back, 300)).containsExactly("two", "three");
            assertThatThrownBy(() -> s.unsubscribe("books")).isInstanceOf(IllegalStateException.class);
            back.close();
            s.unsubscribe("books");
            assertThat(rows("depot_subscription")).isZero();
            assertThatThrownBy(() -> s.unsubscribe("books")).isInstanceOf(InvalidDestinationException.class);
        } finally {
            again.close();
        }
    }

    @Test
    void durableSubscriptionRulesAreEnforced() throws Exception {
        Topic topic = session().createTopic("rules");
        assertThatThrownBy(() -> session().createDurableConsumer(topic, "needs-client-id"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("client ID");
        Connection c = withClientId("rules-client");
        try {
            Session s = c.createSession();
            s.createDurableConsumer(topic, "single");
            assertThatThrownBy(() -> c.createSession().createDurableConsumer(topic, "single"))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("active consumer");
            assertThatThrownBy(() -> s.createSharedDurableConsumer(topic, "single"))
                    .isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> s.createDurableConsumer(topic, "")).isInstanceOf(jakarta.jms.JMSException.class);
        } finally {
            c.close();
        }
    }

    @Test
    void changingADurableSubscriptionsSelectorReplacesIt() throws Exception {
        Topic topic = session().createTopic("changing");
        Connection c = withClientId("changer");
        try {
            Session s = c.createSession();
            s.createDurableConsumer(topic, "sub").close();
            publish(topic, "kept-for-old");
            MessageConsumer replaced = s.createDurableConsumer(topic, "sub", "colour = 'red'", false);
            assertThat(replaced.receive(300)).as("the old subscription went with its messages").isNull();
            TextMessage red = session().createTextMessage("red one");
            red.setStringProperty("colour", "red");
            TextMessage blue = session().createTextMessage("blue one");
            blue.setStringProperty("colour", "blue");
            MessageProducer producer = session().createProducer(topic);
            producer.send(blue);
            producer.send(red);
            assertThat(drain(replaced, 300)).containsExactly("red one");
            assertThat(replaced.getMessageSelector()).isEqualTo("colour = 'red'");
        } finally {
            c.close();
        }
    }

    @Test
    void aSharedSubscriptionSpreadsMessagesOverItsConsumersAndEndsWithTheLast() throws Exception {
        Topic topic = session().createTopic("work");
        MessageConsumer a = session().createSharedConsumer(topic, "workers");
        MessageConsumer b = anotherConnection().createSession().createSharedConsumer(topic, "workers");
        String[] texts = new String[40];
        for (int i = 0; i < texts.length; i++) {
            texts[i] = "job" + i;
        }
        publish(topic, texts);
        List<String> all = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Message m = a.receive(200);
            if (m != null) {
                all.add(text(m));
            }
            m = b.receive(200);
            if (m != null) {
                all.add(text(m));
            }
        }
        all.addAll(drain(a, 200));
        all.addAll(drain(b, 200));
        assertThat(all).containsExactlyInAnyOrder(texts);

        a.close();
        assertThat(rows("depot_subscription")).isEqualTo(1);
        b.close();
        assertThat(rows("depot_subscription")).isZero();
    }

    @Test
    void aSharedDurableSubscriptionOutlivesItsConsumers() throws Exception {
        Topic topic = session().createTopic("archive");
        session().createSharedDurableConsumer(topic, "archiver").close();
        publish(topic, "kept");
        MessageConsumer again = session().createSharedDurableConsumer(topic, "archiver");
        assertThat(text(again.receive(5_000))).isEqualTo("kept");
        again.close();
        session().unsubscribe("archiver");
        assertThat(rows("depot_subscription")).isZero();
    }

    @Test
    void noLocalSubscribersDoNotReceiveTheirOwnConnectionsMessages() throws Exception {
        Topic topic = session().createTopic("chatter");
        MessageConsumer quiet = session().createConsumer(topic, null, true);
        MessageConsumer hearsAll = session().createConsumer(topic);
        publish(topic, "from me");
        Session other = anotherConnection().createSession();
        other.createProducer(topic).send(other.createTextMessage("from them"));

        assertThat(drain(quiet, 300)).containsExactly("from them");
        assertThat(drain(hearsAll, 300)).containsExactly("from me", "from them");
        assertThat(((jakarta.jms.TopicSubscriber) quiet).getNoLocal()).isTrue();
    }

    @Test
    void aSelectorOnASubscriptionDeliversOnlyMatchesAndDropsTheRest() throws Exception {
        Topic topic = session().createTopic("filtered");
        MessageConsumer reds = session().createConsumer(topic, "colour = 'red'");
        MessageProducer producer = session().createProducer(topic);
        for (String colour : new String[] {"red", "blue", "red"}) {
            TextMessage m = session().createTextMessage(colour);
            m.setStringProperty("colour", colour);
            producer.send(m);
        }
        assertThat(drain(reds, 300)).containsExactly("red", "red");
        await().atMost(Duration.ofSeconds(5)).until(() -> rows("depot_delivery") == 0);
    }

    @Test
    void aTemporaryTopicCarriesRepliesAndOnlyItsConnectionConsumes() throws Exception {
        Session session = session();
        TemporaryTopic replies = session.createTemporaryTopic();
        MessageConsumer consumer = session.createConsumer(replies);
        Session other = anotherConnection().createSession();
        assertThatThrownBy(() -> other.createConsumer(replies)).isInstanceOf(InvalidDestinationException.class);
        other.createProducer(replies).send(other.createTextMessage("reply"));
        assertThat(text(consumer.receive(5_000))).isEqualTo("reply");
        assertThatThrownBy(replies::delete).isInstanceOf(IllegalStateException.class);
        consumer.close();
        replies.delete();
        assertThat(rows("depot_topic")).isZero();
    }

    @Test
    void aTransactedSubscriberRollsBackAndGetsTheMessageAgain() throws Exception {
        Topic topic = session().createTopic("tx-topic");
        Session tx = connection.createSession(true, Session.SESSION_TRANSACTED);
        MessageConsumer consumer = tx.createConsumer(topic);
        publish(topic, "once");
        assertThat(text(consumer.receive(5_000))).isEqualTo("once");
        tx.rollback();
        Message again = consumer.receive(5_000);
        assertThat(again.getJMSRedelivered()).isTrue();
        tx.commit();
        assertThat(rows("depot_message")).isZero();
    }

    @Test
    void priorityDeliveryDelayAndExpiryApplyOnTopicsToo() throws Exception {
        Topic topic = session().createTopic("timed");
        MessageConsumer subscriber = session().createConsumer(topic);
        Session session = session();
        MessageProducer producer = session.createProducer(topic);
        producer.send(session.createTextMessage("low"), jakarta.jms.DeliveryMode.PERSISTENT, 1, 0);
        producer.send(session.createTextMessage("high"), jakarta.jms.DeliveryMode.PERSISTENT, 8, 0);
        producer.send(session.createTextMessage("stale"), jakarta.jms.DeliveryMode.PERSISTENT, 4, 100);
        producer.setDeliveryDelay(1_000);
        producer.send(session.createTextMessage("later"));
        Thread.sleep(300);

        assertThat(drain(subscriber, 300)).containsExactly("high", "low");
        assertThat(text(subscriber.receive(5_000))).isEqualTo("later");
    }
}
