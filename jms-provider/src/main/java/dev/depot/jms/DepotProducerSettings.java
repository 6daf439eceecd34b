package dev.depot.jms;

import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.Message;

/** The checks on a producer's delivery settings, shared by every way of sending. */
final class DepotProducerSettings {

    private DepotProducerSettings() {
    }

    static void checkDeliveryMode(int deliveryMode) throws JMSException {
        if (deliveryMode != DeliveryMode.PERSISTENT && deliveryMode != DeliveryMode.NON_PERSISTENT) {
            throw new JMSException("Invalid delivery mode " + deliveryMode
                    + ": use DeliveryMode.PERSISTENT (2) or DeliveryMode.NON_PERSISTENT (1)");
        }
    }

    static void checkPriority(int priority) throws JMSException {
        if (priority < 0 || priority > 9) {
            throw new JMSException("Invalid priority " + priority + ": it must be between 0 and 9 (default "
                    + Message.DEFAULT_PRIORITY + ")");
        }
    }

    static void checkDeliveryDelay(long deliveryDelay) throws JMSException {
        if (deliveryDelay < 0) {
            throw new JMSException("Invalid delivery delay " + deliveryDelay + " ms: it must not be negative");
        }
    }
}
