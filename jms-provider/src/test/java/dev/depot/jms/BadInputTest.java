package dev.depot.jms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.jms.BytesMessage;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSException;
import jakarta.jms.MessageFormatException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import org.junit.jupiter.api.Test;

class BadInputTest extends JmsTestSupport {

    @Test
    void badQueueNamesGetInvalidDestinationException() throws Exception {
        Session session = session();
        assertThatThrownBy(() -> session.createQueue("")).isInstanceOf(InvalidDestinationException.class)
                .hasMessageContaining("empty");
        assertThatThrownBy(() -> session.createQueue(null)).isInstanceOf(InvalidDestinationException.class);
        assertThatThrownBy(() -> session.createQueue("q".repeat(256))).isInstanceOf(InvalidDestinationException.class)
                .hasMessageContaining("255");
        assertThatThrownBy(() -> session.createQueue("new\nline")).isInstanceOf(InvalidDestinationException.class)
                .hasMessageContaining("control character");
        assertThatThrownBy(() -> session.createProducer(null).send(new DepotQueue(""), session.createMessage()))
                .isInstanceOf(InvalidDestinationException.class);
        assertThat(rows("depot_queue")).isZero();
    }

    @Test
    void nullDestinationsAndMessagesAreRefused() throws Exception {
        Session session = session();
        assertThatThrownBy(() -> session.createConsumer(null)).isInstanceOf(InvalidDestinationException.class);
        assertThatThrownBy(() -> session.createBrowser(null)).isInstanceOf(InvalidDestinationException.class);
        MessageProducer anonymous = session.createProducer(null);
        assertThatThrownBy(() -> anonymous.send(null, session.createMessage()))
                .isInstanceOf(InvalidDestinationException.class);
        assertThatThrownBy(() -> anonymous.send(session.createMessage()))
                .isInstanceOf(UnsupportedOperationException.class);
        MessageProducer bound = session.createProducer(session.createQueue("q"));
        assertThatThrownBy(() -> bound.send(session.createQueue("other"), session.createMessage()))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> bound.send(null)).isInstanceOf(MessageFormatException.class);
        assertThat(rows("depot_message")).isZero();
    }

    @Test
    void outOfRangeDeliverySettingsAreRefused() throws Exception {
        Session session = session();
        Queue queue = session.createQueue("q");
        MessageProducer producer = session.createProducer(queue);
        assertThatThrownBy(() -> producer.setPriority(10)).isInstanceOf(JMSException.class).hasMessageContaining("0 and 9");
        assertThatThrownBy(() -> producer.setPriority(-1)).isInstanceOf(JMSException.class);
        assertThatThrownBy(() -> producer.setDeliveryMode(3)).isInstanceOf(JMSException.class)
                .hasMessageContaining("delivery mode");
        assertThatThrownBy(() -> producer.setDeliveryDelay(-5)).isInstanceOf(JMSException.class);
        assertThatThrownBy(() -> producer.send(session.createMessage(), 2, 11, 0)).isInstanceOf(JMSException.class);
        assertThatThrownBy(() -> connection.createSession(false, 42)).isInstanceOf(JMSException.class)
                .hasMessageContaining("Invalid session mode 42");
        assertThat(producer.getPriority()).isEqualTo(4);
        assertThat(rows("depot_message")).isZero();
    }

    @Test
    void anOversizedBodyIsRefusedBeforeAnythingIsWritten() throws Exception {
        DepotConnectionFactory small = newFactory(schema);
        small.setMaxBodyBytes(1_024);
        try (var c = small.createConnection()) {
            Session session = c.createSession();
            MessageProducer producer = session.createProducer(session.createQueue("small"));
            BytesMessage big = session.createBytesMessage();
            big.writeBytes(new byte[1_025]);
            assertThatThrownBy(() -> producer.send(big)).isInstanceOf(JMSException.class)
                    .hasMessageContaining("1025 bytes").hasMessageContaining("maxBodyBytes");
            assertThatThrownBy(() -> producer.send(session.createTextMessage("x".repeat(2_000))))
                    .isInstanceOf(JMSException.class);
            BytesMessage fits = session.createBytesMessage();
            fits.writeBytes(new byte[1_024]);
            producer.send(fits);
        } finally {
            small.close();
        }
        assertThat(depth("small")).isEqualTo(1);
    }

    @Test
    void queueNamesFullOfSqlAreStoredAndMatchedAsPlainText() throws Exception {
        String name = "orders'); DROP TABLE depot_delivery; --";
        Session session = session();
        Queue queue = session.createQueue(name);
        sendTexts(queue, "payload");

        assertThat(text(session.createConsumer(session.createQueue(name)).receive(5_000))).isEqualTo("payload");
        assertThat(queueNames()).containsExactly(name);
        assertThat(rows("depot_delivery")).isZero();
    }

    @Test
    void aQueueSessionRefusesTopicMethodsAndATopicSessionQueueMethods() throws Exception {
        jakarta.jms.QueueSession queueSession = ((jakarta.jms.QueueConnection) connection).createQueueSession(false,
                Session.AUTO_ACKNOWLEDGE);
        jakarta.jms.Topic topic = session().createTopic("t");
        assertThatThrownBy(() -> queueSession.createTopic("t")).isInstanceOf(jakarta.jms.IllegalStateException.class);
        assertThatThrownBy(queueSession::createTemporaryTopic).isInstanceOf(jakarta.jms.IllegalStateException.class);
        assertThatThrownBy(() -> queueSession.createDurableSubscriber(topic, "d"))
                .isInstanceOf(jakarta.jms.IllegalStateException.class);
        assertThatThrownBy(() -> queueSession.unsubscribe("d")).isInstanceOf(jakarta.jms.IllegalStateException.class);

        jakarta.jms.TopicSession topicSession = ((jakarta.jms.TopicConnection) connection).createTopicSession(false,
                Session.AUTO_ACKNOWLEDGE);
        Queue queue = session().createQueue("q");
        assertThatThrownBy(() -> topicSession.createQueue("q")).isInstanceOf(jakarta.jms.IllegalStateException.class);
        assertThatThrownBy(topicSession::createTemporaryQueue).isInstanceOf(jakarta.jms.IllegalStateException.class);
        assertThatThrownBy(() -> topicSession.createBrowser(queue)).isInstanceOf(jakarta.jms.IllegalStateException.class);
        assertThat(queueSession.createQueue("q")).isEqualTo(queue);
        assertThat(topicSession.createTopic("t")).isEqualTo(topic);
    }
}
