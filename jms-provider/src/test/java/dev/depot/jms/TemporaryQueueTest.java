package dev.depot.jms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.jms.Connection;
import jakarta.jms.IllegalStateException;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TemporaryQueue;
import org.junit.jupiter.api.Test;

class TemporaryQueueTest extends JmsTestSupport {

    @Test
    void aTemporaryQueueCarriesRepliesAndDiesWithItsConnection() throws Exception {
        Connection requester = anotherConnection();
        Session session = requester.createSession();
        TemporaryQueue replies = session.createTemporaryQueue();
        MessageConsumer replyConsumer = session.createConsumer(replies);

        Session server = session();
        Message request = session.createTextMessage("ping");
        request.setJMSReplyTo(replies);
        session.createProducer(server.createQueue("service")).send(request);
        Message received = server.createConsumer(server.createQueue("service")).receive(5_000);
        server.createProducer(received.getJMSReplyTo()).send(server.createTextMessage("pong"));

        assertThat(text(replyConsumer.receive(5_000))).isEqualTo("pong");
        assertThat(queueNames()).containsExactlyInAnyOrder("service", replies.getQueueName());

        requester.close();
        assertThat(queueNames()).as("only the service queue is left").containsExactly("service");
        assertThatThrownBy(() -> server.createProducer(received.getJMSReplyTo()).send(server.createTextMessage("late")))
                .isInstanceOf(InvalidDestinationException.class);
    }

    @Test
    void onlyTheCreatingConnectionMayConsume() throws Exception {
        TemporaryQueue mine = session().createTemporaryQueue();
        Session other = anotherConnection().createSession();
        assertThatThrownBy(() -> other.createConsumer(mine)).isInstanceOf(InvalidDestinationException.class);
        other.createProducer(mine).send(other.createTextMessage("allowed to send"));
        assertThat(text(session().createConsumer(mine).receive(5_000))).isEqualTo("allowed to send");
    }

    @Test
    void deleteIsRefusedWhileConsumersRemain() throws Exception {
        Session session = session();
        TemporaryQueue temp = session.createTemporaryQueue();
        MessageConsumer consumer = session.createConsumer(temp);
        assertThatThrownBy(temp::delete).isInstanceOf(IllegalStateException.class);
        consumer.close();
        temp.delete();
        assertThat(queueNames()).isEmpty();
    }
}
