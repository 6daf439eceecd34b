package dev.depot.jms;

import static dev.depot.jms.JmsRuntimeExceptions.convert;

import dev.depot.jms.message.DepotMessage;
import jakarta.jms.BytesMessage;
import jakarta.jms.CompletionListener;
import jakarta.jms.DeliveryMode;
import jakarta.jms.Destination;
import jakarta.jms.JMSException;
import jakarta.jms.JMSProducer;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.MessageFormatRuntimeException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.AbstractSet;
import java.util.Enumeration;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Depot's {@link JMSProducer}: delivery settings, message properties and headers kept by the producer
 * and applied to each message it sends, through its context's one anonymous {@code MessageProducer}.
 *
 * <ul>
 * <li>Properties set here replace properties of the same name on the message sent; headers set here
 *     ({@code JMSCorrelationID}, {@code JMSType}, {@code JMSReplyTo}) replace the message's. Headers never
 *     set here are left as the message has them.</li>
 * <li>Property names follow the selector-identifier rules: not null or empty, a Java identifier, not one
 *     of {@code NULL TRUE FALSE NOT AND OR BETWEEN LIKE IN IS ESCAPE} in any letter case; otherwise
 *     {@link IllegalArgumentException}. Values must be Boolean, Byte, Short, Integer, Long, Float, Double
 *     or String (or null); otherwise {@link MessageFormatRuntimeException}. The rules of the JMSX
 *     properties are the message's, checked when a message is sent.</li>
 * <li>The typed getters follow the specification's conversion table; a missing property converts like
 *     {@code valueOf(null)}: false for boolean, {@link NumberFormatException} for the integral types,
 *     {@link NullPointerException} for float and double, null for String.</li>
 * <li>Invalid delivery mode, priority (0-9) or negative delivery delay: {@link JMSRuntimeException}.</li>
 * </ul>
 *
 * <p>Like its context, a producer is for one thread at a time.
 */
public class DepotJMSProducer implements JMSProducer {

    private final DepotJMSContext context;
    private final DepotMessage properties = new DepotMessage();
    private final Set<String> propertyNames = new AbstractSet<>() {
        @Override
        public Iterator<String> iterator() {
            return properties.getPropertyNames().asIterator();
        }

        @Override
        public int size() {
            int size = 0;
            for (Enumeration<String> e = properties.getPropertyNames(); e.hasMoreElements(); e.nextElement()) {
                size++;
            }
            return size;
        }

        @Override
        public boolean contains(Object name) {
            return name instanceof String s && properties.propertyExists(s);
        }
    };
    private int deliveryMode = DeliveryMode.PERSISTENT;
    private int priority = Message.DEFAULT_PRIORITY;
    private long timeToLive = Message.DEFAULT_TIME_TO_LIVE;
    private long deliveryDelay = Message.DEFAULT_DELIVERY_DELAY;
    private boolean disableMessageID;
    private boolean disableMessageTimestamp;
    private CompletionListener completionListener;
    private boolean correlationIdSet;
    private String correlationId;
    private byte[] correlationIdBytes;
    private boolean typeSet;
    private String type;
    private boolean replyToSet;
    private Destination replyTo;

    DepotJMSProducer(DepotJMSContext context) {
        this.context = context;
    }

    // ---------------------------------------------------------------- send

    @Override
    public JMSProducer send(Destination destination, Message message) {
        context.checkOpen();
        if (message == null) {
            throw new MessageFormatRuntimeException("The message to send must not be null");
        }
        return sendWithSettings(destination, message);
    }

    @Override
    public JMSProducer send(Destination destination, String body) {
        context.checkOpen();
        return sendWithSettings(destination, context.createTextMessage(body));
    }

    @Override
    public JMSProducer send(Destination destination, Map<String, Object> body) {
        context.checkOpen();
        MapMessage message = context.createMapMessage();
        if (body != null) {
            try {
                for (Map.Entry<String, Object> entry : body.entrySet()) {
                    message.setObject(entry.getKey(), entry.getValue());
                }
            } catch (JMSException e) {
                throw convert(e);
            }
        }
        return sendWithSettings(destination, message);
    }

    @Override
    public JMSProducer send(Destination destination, byte[] body) {
        context.checkOpen();
        BytesMessage message = context.createBytesMessage();
        if (body != null) {
            try {
                message.writeBytes(body);
            } catch (JMSException e) {
                throw convert(e);
            }
        }
        return sendWithSettings(destination, message);
    }

    @Override
    public JMSProducer send(Destination destination, Serializable body) {
        context.checkOpen();
        return sendWithSettings(destination, context.createObjectMessage(body));
    }

    private JMSProducer sendWithSettings(Destination destination, Message message) {
        try {
            for (Enumeration<String> names = properties.getPropertyNames(); names.hasMoreElements(); ) {
                String name = names.nextElement();
                message.setObjectProperty(name, properties.getObjectProperty(name));
            }
            if (correlationIdSet) {
                if (correlationIdBytes != null) {
                    message.setJMSCorrelationIDAsBytes(correlationIdBytes.clone());
                } else {
                    message.setJMSCorrelationID(correlationId);
                }
            }
            if (typeSet) {
                message.setJMSType(type);
            }
            if (replyToSet) {
                message.setJMSReplyTo(replyTo);
            }
        } catch (JMSException e) {
            throw convert(e);
        }
        context.send(destination, message, this);
        return this;
    }

    // ---------------------------------------------------------------- delivery settings

    @Override
    public JMSProducer setDisableMessageID(boolean value) {
        disableMessageID = value;
        return this;
    }

    @Override
    public boolean getDisableMessageID() {
        return disableMessageID;
    }

    @Override
    public JMSProducer setDisableMessageTimestamp(boolean value) {
        disableMessageTimestamp = value;
        return this;
    }

    @Override
    public boolean getDisableMessageTimestamp() {
        return disableMessageTimestamp;
    }

    @Override
    public JMSProducer setDeliveryMode(int deliveryMode) {
        if (deliveryMode != DeliveryMode.PERSISTENT && deliveryMode != DeliveryMode.NON_PERSISTENT) {
            throw new JMSRuntimeException("Invalid delivery mode " + deliveryMode
                    + ": use DeliveryMode.PERSISTENT (2) or DeliveryMode.NON_PERSISTENT (1)");
        }
        this.deliveryMode = deliveryMode;
        return this;
    }

    @Override
    public int getDeliveryMode() {
        return deliveryMode;
    }

    @Override
    public JMSProducer setPriority(int priority) {
        if (priority < 0 || priority > 9) {
            throw new JMSRuntimeException("Invalid priority " + priority + ": it must be between 0 and 9 (default "
                    + Message.DEFAULT_PRIORITY + ")");
        }
        this.priority = priority;
        return this;
    }

    @Override
    public int getPriority() {
        return priority;
    }

    /** Milliseconds until a sent message expires; zero (the default) or less means never. */
    @Override
    public JMSProducer setTimeToLive(long timeToLive) {
        this.timeToLive = timeToLive;
        return this;
    }

    @Override
    public long getTimeToLive() {
        return timeToLive;
    }

    @Override
    public JMSProducer setDeliveryDelay(long deliveryDelay) {
        if (deliveryDelay < 0) {
            throw new JMSRuntimeException("Invalid delivery delay " + deliveryDelay + " ms: it must not be negative");
        }
        this.deliveryDelay = deliveryDelay;
        return this;
    }

    @Override
    public long getDeliveryDelay() {
        return deliveryDelay;
    }

    /**
     * With a listener, later sends return before the message is durable and the listener is called, on
     * another thread, once it is (or once the send failed); null makes sends synchronous again.
     */
    @Override
    public JMSProducer setAsync(CompletionListener completionListener) {
        this.completionListener = completionListener;
        return this;
    }

    @Override
    public CompletionListener getAsync() {
        return completionListener;
    }

    // ---------------------------------------------------------------- properties

    // The producer's properties live in a message of their own: the names, types and conversion
    // table are then exactly those of a message, from one implementation.

    @FunctionalInterface
    private interface PropertyWrite {
        void apply() throws JMSException;
    }

    @FunctionalInterface
    private interface PropertyRead<T> {
        T apply() throws JMSException;
    }

    private JMSProducer put(PropertyWrite write) {
        try {
            write.apply();
        } catch (JMSException e) {
            throw convert(e);
        }
        return this;
    }

    private <T> T read(PropertyRead<T> read) {
        try {
            return read.apply();
        } catch (JMSException e) {
            throw convert(e);
        }
    }

    @Override
    public JMSProducer setProperty(String name, boolean value) {
        return put(() -> properties.setBooleanProperty(name, value));
    }

    @Override
    public JMSProducer setProperty(String name, byte value) {
        return put(() -> properties.setByteProperty(name, value));
    }

    @Override
    public JMSProducer setProperty(String name, short value) {
        return put(() -> properties.setShortProperty(name, value));
    }

    @Override
    public JMSProducer setProperty(String name, int value) {
        return put(() -> properties.setIntProperty(name, value));
    }

    @Override
    public JMSProducer setProperty(String name, long value) {
        return put(() -> properties.setLongProperty(name, value));
    }

    @Override
    public JMSProducer setProperty(String name, float value) {
        return put(() -> properties.setFloatProperty(name, value));
    }

    @Override
    public JMSProducer setProperty(String name, double value) {
        return put(() -> properties.setDoubleProperty(name, value));
    }

    @Override
    public JMSProducer setProperty(String name, String value) {
        return put(() -> properties.setStringProperty(name, value));
    }

    @Override
    public JMSProducer setProperty(String name, Object value) {
        return put(() -> properties.setObjectProperty(name, value));
    }

    @Override
    public JMSProducer clearProperties() {
        properties.clearProperties();
        return this;
    }

    @Override
    public boolean propertyExists(String name) {
        return properties.propertyExists(name);
    }

    /** A live, unmodifiable view of the names of the properties set on this producer. */
    @Override
    public Set<String> getPropertyNames() {
        return propertyNames;
    }

    @Override
    public Object getObjectProperty(String name) {
        return properties.getObjectProperty(name);
    }

    @Override
    public boolean getBooleanProperty(String name) {
        return read(() -> properties.getBooleanProperty(name));
    }

    @Override
    public byte getByteProperty(String name) {
        return read(() -> properties.getByteProperty(name));
    }

    @Override
    public short getShortProperty(String name) {
        return read(() -> properties.getShortProperty(name));
    }

    @Override
    public int getIntProperty(String name) {
        return read(() -> properties.getIntProperty(name));
    }

    @Override
    public long getLongProperty(String name) {
        return read(() -> properties.getLongProperty(name));
    }

    @Override
    public float getFloatProperty(String name) {
        return read(() -> properties.getFloatProperty(name));
    }

    @Override
    public double getDoubleProperty(String name) {
        return read(() -> properties.getDoubleProperty(name));
    }

    @Override
    public String getStringProperty(String name) {
        return read(() -> properties.getStringProperty(name));
    }

    // ---------------------------------------------------------------- headers

    @Override
    public JMSProducer setJMSCorrelationIDAsBytes(byte[] correlationID) {
        correlationIdSet = true;
        correlationIdBytes = correlationID == null ? null : correlationID.clone();
        correlationId = null;
        return this;
    }

    /** The correlation ID as bytes; one set as a String is given in UTF-8. */
    @Override
    public byte[] getJMSCorrelationIDAsBytes() {
        if (correlationIdBytes != null) {
            return correlationIdBytes.clone();
        }
        return correlationId == null ? null : correlationId.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public JMSProducer setJMSCorrelationID(String correlationID) {
        correlationIdSet = true;
        correlationId = correlationID;
        correlationIdBytes = null;
        return this;
    }

    /** The correlation ID as a String; one set as bytes is read as UTF-8. */
    @Override
    public String getJMSCorrelationID() {
        if (correlationIdBytes != null) {
            return new String(correlationIdBytes, StandardCharsets.UTF_8);
        }
        return correlationId;
    }

    @Override
    public JMSProducer setJMSType(String type) {
        typeSet = true;
        this.type = type;
        return this;
    }

    @Override
    public String getJMSType() {
        return type;
    }

    @Override
    public JMSProducer setJMSReplyTo(Destination replyTo) {
        replyToSet = true;
        this.replyTo = replyTo;
        return this;
    }

    @Override
    public Destination getJMSReplyTo() {
        return replyTo;
    }
}
