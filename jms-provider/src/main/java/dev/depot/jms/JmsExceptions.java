package dev.depot.jms;

import dev.depot.store.StoreException;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;

/**
 * The one place where failures below the JMS API become the JMS exceptions the specification
 * names. The original failure stays attached as the linked exception and the cause, so an
 * operator can read the SQL state.
 */
final class JmsExceptions {

    private JmsExceptions() {
    }

    /** Converts a store failure met while doing {@code what} (said as "send to queue x"). */
    static JMSException fromStore(StoreException e, String what) {
        JMSException converted = switch (e.kind()) {
            case NO_SUCH_DESTINATION -> new InvalidDestinationException("Could not " + what + ": " + e.getMessage());
            case IN_USE -> new jakarta.jms.IllegalStateException("Could not " + what + ": " + e.getMessage());
            case INVALID_INPUT -> new InvalidDestinationException(e.getMessage());
            default -> new JMSException("Could not " + what + ": " + e.getMessage());
        };
        return link(converted, e);
    }

    /** A bad destination name, said in the store's words. */
    static InvalidDestinationException invalidDestination(StoreException e) {
        return link(new InvalidDestinationException(e.getMessage()), e);
    }

    static JMSException from(Throwable e, String what) {
        if (e instanceof JMSException jms) {
            return jms;
        }
        if (e instanceof StoreException store) {
            return fromStore(store, what);
        }
        if (e instanceof JMSRuntimeException runtime && runtime.getCause() instanceof JMSException jms) {
            return jms;
        }
        return link(new JMSException("Could not " + what + ": " + e), e);
    }

    static <T extends JMSException> T link(T exception, Throwable cause) {
        if (cause instanceof Exception linked) {
            exception.setLinkedException(linked);
        }
        exception.initCause(cause);
        return exception;
    }
}
