package dev.depot.jms;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import org.junit.jupiter.api.Test;

class DeadLetterTest extends JmsTestSupport {

    @Test
    void aPoisonMessageGoesToTheDeadLetterQueueAfterTheMaximumDeliveries() throws Exception {
        Queue queue = session().createQueue("work");
        sendTexts(queue, "poison", "healthy");
        Session tx = connection.createSession(true, Session.SESSION_TRANSACTED);
        MessageConsumer consumer = tx.createConsumer(queue, "JMSType IS NULL AND NOT (JMSPriority > 4)");
        for (int attempt = 1; attempt <= 10; attempt++) {
            Message m = consumer.receive(5_000);
            assertThat(text(m)).isEqualTo("poison");
            assertThat(m.getIntProperty("JMSXDeliveryCount")).isEqualTo(attempt);
            tx.rollback();
        }

        assertThat(depth("DLQ")).isEqualTo(1);
        Message next = consumer.receive(5_000);
        assertThat(text(next)).isEqualTo("healthy");
        tx.commit();
        Message dead = session().createConsumer(session().createQueue("DLQ")).receive(5_000);
        assertThat(text(dead)).isEqualTo("poison");
        assertThat(dead.getJMSDestination()).as("it tells where it came from").isEqualTo(queue);
    }

    @Test
    void anAdministratorSetsAQueuesMaximumDeliveriesDeadLetterQueueAndRedeliveryDelay() throws Exception {
        new DepotAdmin(factory).configureQueue("fragile", 2, "fragile.dead", 800);
        Queue queue = session().createQueue("fragile");
        sendTexts(queue, "poison");
        Session tx = connection.createSession(true, Session.SESSION_TRANSACTED);
        MessageConsumer consumer = tx.createConsumer(queue);

        assertThat(text(consumer.receive(5_000))).isEqualTo("poison");
        long rolledBackAt = System.currentTimeMillis();
        tx.rollback();
        Message again = consumer.receive(5_000);
        assertThat(System.currentTimeMillis() - rolledBackAt).as("held back by the redelivery delay")
                .isGreaterThanOrEqualTo(700);
        assertThat(again.getIntProperty("JMSXDeliveryCount")).isEqualTo(2);
        tx.rollback();

        assertThat(consumer.receive(1_500)).isNull();
        assertThat(depth("fragile.dead")).isEqualTo(1);
        assertThat(text(session().createConsumer(session().createQueue("fragile.dead")).receive(5_000)))
                .isEqualTo("poison");
    }
}
