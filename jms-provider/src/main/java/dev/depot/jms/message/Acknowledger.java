package dev.depot.jms.message;

import jakarta.jms.JMSException;

/**
 * What {@link jakarta.jms.Message#acknowledge()} does for a message that Depot delivered.
 *
 * <p>Internal to Depot: the consumer installs one with {@link DepotMessage#setAcknowledger(Acknowledger)}
 * when its session uses {@code CLIENT_ACKNOWLEDGE}; for other modes it installs none, so the call is
 * ignored as the specification requires for transacted and implicitly acknowledged sessions.
 */
@FunctionalInterface
public interface Acknowledger {

    /**
     * Acknowledges every message consumed so far by the session the message was delivered to.
     *
     * @throws JMSException if the session is closed ({@link jakarta.jms.IllegalStateException}) or the store fails
     */
    void acknowledge() throws JMSException;
}
