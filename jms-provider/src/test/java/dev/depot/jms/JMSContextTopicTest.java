package dev.depot.jms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.jms.IllegalStateException;
import jakarta.jms.IllegalStateRuntimeException;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSProducer;
import jakarta.jms.TemporaryTopic;
import jakarta.jms.Topic;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The context's topic methods reach the session's subscriptions. */
class JMSContextTopicTest extends ContextTestSupport {

    private static Topic newTopic(DepotJMSContext context) {
        return context.createTopic("news-" + UUID.randomUUID());
    }

    @Test
    void everyConsumerOfATopicGetsWhatIsPublished() throws Exception {
        DepotJMSContext context = context(AUTO);
        Topic topic = newTopic(context);
        JMSConsumer mine = context.createConsumer(topic);
        JMSConsumer theirs = context(AUTO).createConsumer(topic, "kind = 'news'");
        context.createProducer().setProperty("kind", "news").send(topic, "extra!");
        context.createProducer().setProperty("kind", "ads").send(topic, "buy!");

        assertThat(mine.receiveBody(String.class, 5_000)).isEqualTo("extra!");
        assertThat(mine.receiveBody(String.class, 5_000)).isEqualTo("buy!");
        assertThat(theirs.receiveBody(String.class, 5_000)).isEqualTo("extra!");
        assertThat(theirs.receive(300)).isNull();
    }

    @Test
    void aNoLocalConsumerSkipsWhatItsOwnConnectionPublishes() throws Exception {
        DepotJMSContext context = context(AUTO);
        Topic topic = newTopic(context);
        JMSConsumer consumer = context.createConsumer(topic, null, true);
        context.createProducer().send(topic, "own");
        context(AUTO).createProducer().send(topic, "foreign");
        assertThat(consumer.receiveBody(String.class, 5_000)).isEqualTo("foreign");
        assertThat(consumer.receive(300)).isNull();
    }

    @Test
    void aDurableConsumerNeedsAClientIdAndKeepsMessagesWhileAway() throws Exception {
        DepotJMSContext anonymous = context(AUTO);
        Topic topic = newTopic(anonymous);
        assertThatThrownBy(() -> anonymous.createDurableConsumer(topic, "audit"))
                .isInstanceOf(IllegalStateRuntimeException.class)
                .hasCauseInstanceOf(IllegalStateException.class);

        String clientId = "durable-" + UUID.randomUUID();
        DepotJMSContext context = context(CLIENT);
        context.setClientID(clientId);
        JMSConsumer durable = context.createDurableConsumer(topic, "audit");
        durable.close();
        context(AUTO).createProducer().send(topic, "while away");

        JMSConsumer again = context.createDurableConsumer(topic, "audit", null, false);
        assertThat(again.receiveBody(String.class, 5_000)).isEqualTo("while away");
        context.acknowledge();
        again.close();
        context.unsubscribe("audit");

        context(AUTO).createProducer().send(topic, "after unsubscribe");
        JMSConsumer fresh = context.createDurableConsumer(topic, "audit");
        assertThat(fresh.receive(300)).as("a new subscription starts empty").isNull();
    }

    @Test
    void sharedConsumersSplitTheMessagesOfTheirSubscription() throws Exception {
        DepotJMSContext first = context(AUTO);
        Topic topic = newTopic(first);
        JMSConsumer one = first.createSharedConsumer(topic, "workers");
        JMSConsumer two = context(AUTO).createSharedConsumer(topic, "workers", null);
        JMSProducer producer = first.createProducer();
        for (int i = 0; i < 10; i++) {
            producer.send(topic, "job " + i);
        }
        List<String> received = new ArrayList<>();
        String body;
        while ((body = one.receiveBody(String.class, 500)) != null) {
            received.add(body);
        }
        while ((body = two.receiveBody(String.class, 500)) != null) {
            received.add(body);
        }
        assertThat(received).hasSize(10).doesNotHaveDuplicates();
    }

    @Test
    void aSharedDurableConsumerNeedsNoClientIdAndKeepsMessagesWhileAway() throws Exception {
        DepotJMSContext context = context(AUTO);
        Topic topic = newTopic(context);
        context.createSharedDurableConsumer(topic, "archive").close();
        context.createProducer().send(topic, "kept for the archive");
        JMSConsumer again = context.createSharedDurableConsumer(topic, "archive", null);
        assertThat(again.receiveBody(String.class, 5_000)).isEqualTo("kept for the archive");
        again.close();
        context.unsubscribe("archive");
    }

    @Test
    void aTemporaryTopicCarriesMessagesToItsConnectionsConsumers() throws Exception {
        DepotJMSContext context = context(AUTO);
        TemporaryTopic topic = context.createTemporaryTopic();
        JMSConsumer consumer = context.createConsumer(topic);
        context(AUTO).createProducer().send(topic, "to the temporary topic");
        assertThat(consumer.receiveBody(String.class, 5_000)).isEqualTo("to the temporary topic");
    }
}
