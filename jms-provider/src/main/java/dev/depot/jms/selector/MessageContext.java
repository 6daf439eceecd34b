package dev.depot.jms.selector;

import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.Message;

/**
 * Reads identifier values from a {@link Message}. Header fields are mapped to the types the specification gives
 * them in selectors; everything else is a property read with {@code getObjectProperty}, which returns the value
 * with the type it was set with and null when absent.
 */
final class MessageContext implements SelectorContext {

    private final Message message;

    MessageContext(Message message) {
        this.message = message;
    }

    @Override
    public Object value(String identifier) {
        try {
            switch (identifier) {
                case HeaderFields.DELIVERY_MODE:
                    return deliveryMode(message.getJMSDeliveryMode());
                case HeaderFields.PRIORITY:
                    return message.getJMSPriority();
                case HeaderFields.MESSAGE_ID:
                    return message.getJMSMessageID();
                case HeaderFields.TIMESTAMP:
                    return message.getJMSTimestamp();
                case HeaderFields.CORRELATION_ID:
                    return message.getJMSCorrelationID();
                case HeaderFields.TYPE:
                    return message.getJMSType();
                default:
                    return message.getObjectProperty(identifier);
            }
        } catch (JMSException e) {
            throw new Failure(e);
        }
    }

    /** An unknown delivery mode value is NULL: neither 'PERSISTENT' nor 'NON_PERSISTENT' would be true. */
    private static String deliveryMode(int mode) {
        switch (mode) {
            case DeliveryMode.PERSISTENT:
                return "PERSISTENT";
            case DeliveryMode.NON_PERSISTENT:
                return "NON_PERSISTENT";
            default:
                return null;
        }
    }

    /**
     * Carries a {@link JMSException} through the evaluation tree, whose methods cannot declare it because
     * {@link SelectorContext} lookups are unchecked; {@link Selector#matches(Message)} unwraps it.
     */
    static final class Failure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Failure(JMSException cause) {
            // no stack trace: it is never logged, only unwrapped
            super(cause.getMessage(), cause, false, false);
        }

        JMSException jmsException() {
            return (JMSException) getCause();
        }
    }
}
