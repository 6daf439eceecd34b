package dev.depot.jms;

import jakarta.jms.Destination;
import jakarta.jms.JMSException;
import java.io.Serializable;
import java.util.Objects;

/**
 * A queue or topic known to Depot by its name. Destinations are plain values: creating one
 * touches no database; the store creates the destination row the first time it is used.
 * Its string form, {@code queue://name} or {@code topic://name}, is how a destination travels
 * in {@code JMSReplyTo} and {@code JMSDestination}.
 */
public abstract class DepotDestination implements Destination, Serializable {

    private static final long serialVersionUID = 1L;

    static final String QUEUE_PREFIX = "queue://";
    static final String TOPIC_PREFIX = "topic://";
    static final String TEMP_QUEUE_PREFIX = "temp-queue://";
    static final String TEMP_TOPIC_PREFIX = "temp-topic://";

    private final String name;

    DepotDestination(String name) {
        this.name = Objects.requireNonNull(name, "name");
    }

    /** The destination's name, as the application gave it. */
    public String name() {
        return name;
    }

    public abstract boolean isQueue();

    public final boolean isTopic() {
        return !isQueue();
    }

    public boolean isTemporary() {
        return false;
    }

    /** The form stored with a message: {@code queue://name}, {@code topic://name}, {@code temp-queue://name}. */
    public final String toUri() {
        String prefix = isQueue()
                ? (isTemporary() ? TEMP_QUEUE_PREFIX : QUEUE_PREFIX)
                : (isTemporary() ? TEMP_TOPIC_PREFIX : TOPIC_PREFIX);
        return prefix + name;
    }

    /** Reads the form written by {@link #toUri()}. */
    public static DepotDestination fromUri(String uri) {
        Objects.requireNonNull(uri, "uri");
        if (uri.startsWith(QUEUE_PREFIX)) {
            return new DepotQueue(uri.substring(QUEUE_PREFIX.length()));
        }
        if (uri.startsWith(TOPIC_PREFIX)) {
            return new DepotTopic(uri.substring(TOPIC_PREFIX.length()));
        }
        if (uri.startsWith(TEMP_QUEUE_PREFIX)) {
            return new DepotTemporaryQueue(uri.substring(TEMP_QUEUE_PREFIX.length()), null);
        }
        if (uri.startsWith(TEMP_TOPIC_PREFIX)) {
            return new DepotTemporaryTopic(uri.substring(TEMP_TOPIC_PREFIX.length()), null);
        }
        throw new IllegalArgumentException("Not a Depot destination: '" + uri
                + "' (expected queue://, topic://, temp-queue:// or temp-topic://)");
    }

    /** Converts any provider's destination into Depot's, by its queue or topic name. */
    public static DepotDestination of(Destination destination) throws JMSException {
        if (destination == null || destination instanceof DepotDestination) {
            return (DepotDestination) destination;
        }
        if (destination instanceof jakarta.jms.Queue q) {
            return new DepotQueue(q.getQueueName());
        }
        if (destination instanceof jakarta.jms.Topic t) {
            return new DepotTopic(t.getTopicName());
        }
        throw new jakarta.jms.InvalidDestinationException(
                "Destination " + destination + " is neither a Queue nor a Topic");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DepotDestination d
                && d.isQueue() == isQueue()
                && d.isTemporary() == isTemporary()
                && d.name.equals(name);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + (isQueue() ? 1 : 2) + (isTemporary() ? 4 : 0);
    }

    @Override
    public String toString() {
        return toUri();
    }
}
