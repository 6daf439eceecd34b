package dev.depot.jms.message;

import dev.depot.jms.DepotDestination;
import jakarta.jms.BytesMessage;
import jakarta.jms.DeliveryMode;
import jakarta.jms.Destination;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSException;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.MessageFormatException;
import jakarta.jms.MessageNotReadableException;
import jakarta.jms.MessageNotWriteableException;
import jakarta.jms.ObjectMessage;
import jakarta.jms.StreamMessage;
import jakarta.jms.TextMessage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Depot's {@link Message}: the headers, the properties and the acknowledgement hook shared by every
 * message type, and itself the body-less message that {@code Session.createMessage()} returns.
 *
 * <h2>Application-visible rules</h2>
 * <ul>
 * <li>Header fields are never read-only. The correlation ID is kept in the form it was set in; the other
 *     form is derived through UTF-8 ({@link #getJMSCorrelationID()} of a byte correlation ID decodes it,
 *     {@link #getJMSCorrelationIDAsBytes()} of a string correlation ID encodes it).</li>
 * <li>Property names must be selector identifiers: not null or empty, a Java identifier, and none of
 *     {@code NULL TRUE FALSE NOT AND OR BETWEEN LIKE IN IS ESCAPE} in any letter case; otherwise
 *     {@link IllegalArgumentException}.</li>
 * <li>{@code JMSXGroupID} must be a String and {@code JMSXGroupSeq} an int ({@link MessageFormatException}
 *     otherwise). {@code JMSXDeliveryCount} belongs to the provider: setting it throws
 *     {@link MessageNotWriteableException}; after receipt it is reported like any other int property.</li>
 * <li>{@link #clearProperties()} removes every property, {@code JMSXDeliveryCount} included, and makes the
 *     properties writable again.</li>
 * </ul>
 *
 * <h2>Provider side (internal to Depot)</h2>
 * The session creates messages with the public constructors, sends them by encoding them with
 * {@link MessageCodec} at send time (so the application may keep changing its object afterwards), and the
 * consumer decodes a row with {@link MessageCodec#decode(byte[], byte[])}, then calls
 * {@link #markReceived(boolean, int)} and, for client acknowledgement, {@link #setAcknowledger(Acknowledger)}.
 * A message of another provider is turned into a Depot message by {@link #copyOf(Message)}.
 *
 * <p>Like every Jakarta Messaging message, an instance is not safe for concurrent use.
 */
public class DepotMessage implements Message {

    /** The provider-set delivery count property. */
    public static final String JMSX_DELIVERY_COUNT = "JMSXDeliveryCount";
    /** The standard message-group property; its value must be a String. */
    public static final String JMSX_GROUP_ID = "JMSXGroupID";
    /** The standard position-within-group property; its value must be an int. */
    public static final String JMSX_GROUP_SEQ = "JMSXGroupSeq";

    private static final Set<String> RESERVED_WORDS =
            Set.of("NULL", "TRUE", "FALSE", "NOT", "AND", "OR", "BETWEEN", "LIKE", "IN", "IS", "ESCAPE");
    private static final int LONGEST_RESERVED_WORD = 7;

    // Package-private so that MessageCodec reads and fills them without a getter per field.
    String messageId;
    long timestamp;
    String correlationId;
    byte[] correlationIdBytes;
    Destination replyTo;
    Destination destination;
    int deliveryMode = DeliveryMode.PERSISTENT;
    boolean redelivered;
    String type;
    long expiration;
    long deliveryTime;
    int priority = DEFAULT_PRIORITY;

    /** Null until the first property is set: most messages carry none, and this keeps them cheap. */
    Map<String, Object> properties;
    boolean propertiesReadOnly;
    /** Zero while the provider has not delivered this message: then there is no JMSXDeliveryCount. */
    int deliveryCount;
    /** For Text, Object and Map: received and not cleared. For Bytes and Stream: in read mode (after reset). */
    boolean bodyReadOnly;

    private Acknowledger acknowledger;

    /** A new message with no body, writable properties, {@code PERSISTENT} delivery and priority 4. */
    public DepotMessage() {
    }

    /** The type code that {@link MessageCodec} writes for this message type. */
    byte typeCode() {
        return MessageCodec.TYPE_MESSAGE;
    }

    // ---------------------------------------------------------------- headers

    @Override
    public String getJMSMessageID() {
        return messageId;
    }

    @Override
    public void setJMSMessageID(String id) {
        this.messageId = id;
    }

    @Override
    public long getJMSTimestamp() {
        return timestamp;
    }

    @Override
    public void setJMSTimestamp(long timestamp) {
        this.timestamp = timestamp;
    }

    @Override
    public byte[] getJMSCorrelationIDAsBytes() {
        if (correlationIdBytes != null) {
            return correlationIdBytes.clone();
        }
        return correlationId == null ? null : correlationId.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void setJMSCorrelationIDAsBytes(byte[] correlationID) {
        this.correlationIdBytes = correlationID == null ? null : correlationID.clone();
        this.correlationId = null;
    }

    @Override
    public void setJMSCorrelationID(String correlationID) {
        this.correlationId = correlationID;
        this.correlationIdBytes = null;
    }

    @Override
    public String getJMSCorrelationID() {
        if (correlationIdBytes != null) {
            return new String(correlationIdBytes, StandardCharsets.UTF_8);
        }
        return correlationId;
    }

    @Override
    public Destination getJMSReplyTo() {
        return replyTo;
    }

    @Override
    public void setJMSReplyTo(Destination replyTo) {
        this.replyTo = replyTo;
    }

    @Override
    public Destination getJMSDestination() {
        return destination;
    }

    @Override
    public void setJMSDestination(Destination destination) {
        this.destination = destination;
    }

    @Override
    public int getJMSDeliveryMode() {
        return deliveryMode;
    }

    @Override
    public void setJMSDeliveryMode(int deliveryMode) {
        this.deliveryMode = deliveryMode;
    }

    @Override
    public boolean getJMSRedelivered() {
        return redelivered;
    }

    @Override
    public void setJMSRedelivered(boolean redelivered) {
        this.redelivered = redelivered;
    }

    @Override
    public String getJMSType() {
        return type;
    }

    @Override
    public void setJMSType(String type) {
        this.type = type;
    }

    @Override
    public long getJMSExpiration() {
        return expiration;
    }

    @Override
    public void setJMSExpiration(long expiration) {
        this.expiration = expiration;
    }

    @Override
    public long getJMSDeliveryTime() {
        return deliveryTime;
    }

    @Override
    public void setJMSDeliveryTime(long deliveryTime) {
        this.deliveryTime = deliveryTime;
    }

    @Override
    public int getJMSPriority() {
        return priority;
    }

    @Override
    public void setJMSPriority(int priority) {
        this.priority = priority;
    }

    // ---------------------------------------------------------------- properties

    @Override
    public void clearProperties() {
        properties = null;
        deliveryCount = 0;
        propertiesReadOnly = false;
    }

    @Override
    public boolean propertyExists(String name) {
        if (name == null) {
            return false;
        }
        if (deliveryCount > 0 && JMSX_DELIVERY_COUNT.equals(name)) {
            return true;
        }
        return properties != null && properties.containsKey(name);
    }

    /** The stored value, or null when absent; JMSXDeliveryCount comes from the delivery, not the map. */
    private Object property(String name) {
        if (deliveryCount > 0 && JMSX_DELIVERY_COUNT.equals(name)) {
            return deliveryCount;
        }
        return properties == null ? null : properties.get(name);
    }

    private static String describe(String name) {
        return "property '" + name + "'";
    }

    @Override
    public boolean getBooleanProperty(String name) throws JMSException {
        return Values.toBoolean(property(name), describe(name));
    }

    @Override
    public byte getByteProperty(String name) throws JMSException {
        return Values.toByte(property(name), describe(name));
    }

    @Override
    public short getShortProperty(String name) throws JMSException {
        return Values.toShort(property(name), describe(name));
    }

    @Override
    public int getIntProperty(String name) throws JMSException {
        return Values.toInt(property(name), describe(name));
    }

    @Override
    public long getLongProperty(String name) throws JMSException {
        return Values.toLong(property(name), describe(name));
    }

    @Override
    public float getFloatProperty(String name) throws JMSException {
        return Values.toFloat(property(name), describe(name));
    }

    @Override
    public double getDoubleProperty(String name) throws JMSException {
        return Values.toDouble(property(name), describe(name));
    }

    @Override
    public String getStringProperty(String name) throws JMSException {
        return Values.toText(property(name), describe(name));
    }

    @Override
    public Object getObjectProperty(String name) {
        return property(name);
    }

    /** A snapshot: properties set while enumerating do not appear in it. */
    @Override
    public Enumeration<String> getPropertyNames() {
        int size = (properties == null ? 0 : properties.size()) + (deliveryCount > 0 ? 1 : 0);
        if (size == 0) {
            return Collections.emptyEnumeration();
        }
        List<String> names = new ArrayList<>(size);
        if (properties != null) {
            names.addAll(properties.keySet());
        }
        if (deliveryCount > 0) {
            names.add(JMSX_DELIVERY_COUNT);
        }
        return Collections.enumeration(names);
    }

    @Override
    public void setBooleanProperty(String name, boolean value) throws JMSException {
        setProperty(name, value);
    }

    @Override
    public void setByteProperty(String name, byte value) throws JMSException {
        setProperty(name, value);
    }

    @Override
    public void setShortProperty(String name, short value) throws JMSException {
        setProperty(name, value);
    }

    @Override
    public void setIntProperty(String name, int value) throws JMSException {
        setProperty(name, value);
    }

    @Override
    public void setLongProperty(String name, long value) throws JMSException {
        setProperty(name, value);
    }

    @Override
    public void setFloatProperty(String name, float value) throws JMSException {
        setProperty(name, value);
    }

    @Override
    public void setDoubleProperty(String name, double value) throws JMSException {
        setProperty(name, value);
    }

    @Override
    public void setStringProperty(String name, String value) throws JMSException {
        setProperty(name, value);
    }

    /**
     * Accepts Boolean, Byte, Short, Integer, Long, Float, Double and String; {@code null} stores a
     * property whose value is null (it exists, reads as a null String).
     */
    @Override
    public void setObjectProperty(String name, Object value) throws JMSException {
        if (value != null && !Values.isPropertyType(value)) {
            checkPropertiesWritable();
            checkPropertyName(name);
            throw new MessageFormatException("Property '" + name + "' cannot hold a " + value.getClass().getName()
                    + "; allowed are Boolean, Byte, Short, Integer, Long, Float, Double and String");
        }
        setProperty(name, value);
    }

    private void setProperty(String name, Object value) throws JMSException {
        checkPropertiesWritable();
        checkPropertyName(name);
        if (name.startsWith("JMSX")) {
            checkJmsxProperty(name, value);
        }
        putProperty(name, value);
    }

    /**
     * Provider-side: sets a property the provider owns (such as {@code JMSXUserID}) whatever the
     * message's read-only state, as the provider sets headers on a message it sends.
     */
    public void setProviderProperty(String name, Object value) {
        putProperty(name, value);
    }

    /** Stores without the application-facing checks; the codec and {@link #copyOf} use it. */
    void putProperty(String name, Object value) {
        if (properties == null) {
            properties = new LinkedHashMap<>();
        }
        properties.put(name, value);
    }

    private void checkPropertiesWritable() throws MessageNotWriteableException {
        if (propertiesReadOnly) {
            throw new MessageNotWriteableException(
                    "The properties of a received message are read-only; call clearProperties() first");
        }
    }

    private static void checkJmsxProperty(String name, Object value) throws JMSException {
        switch (name) {
            case JMSX_DELIVERY_COUNT -> throw new MessageNotWriteableException(
                    JMSX_DELIVERY_COUNT + " is set by the provider when the message is delivered");
            case JMSX_GROUP_ID -> {
                if (value != null && !(value instanceof String)) {
                    throw new MessageFormatException(JMSX_GROUP_ID + " must be a String, not " + Values.typeName(value));
                }
            }
            case JMSX_GROUP_SEQ -> {
                if (!(value instanceof Integer)) {
                    throw new MessageFormatException(JMSX_GROUP_SEQ + " must be an int, not " + Values.typeName(value));
                }
            }
            default -> {
                // Other JMSX names are not interpreted by Depot and travel as ordinary properties.
            }
        }
    }

    /** Applies the selector-identifier rules to a property name. */
    static void checkPropertyName(String name) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("Property name must not be null or empty");
        }
        int first = name.codePointAt(0);
        if (!Character.isJavaIdentifierStart(first)) {
            throw new IllegalArgumentException("Property name '" + name + "' must start with a Java letter");
        }
        for (int i = Character.charCount(first); i < name.length(); ) {
            int cp = name.codePointAt(i);
            if (!Character.isJavaIdentifierPart(cp)) {
                throw new IllegalArgumentException("Property name '" + name + "' contains '"
                        + new String(Character.toChars(cp)) + "', which is not a Java letter or digit");
            }
            i += Character.charCount(cp);
        }
        // Selector keywords are case-insensitive, so "null" or "Is" would be unusable in a selector too.
        if (name.length() <= LONGEST_RESERVED_WORD && RESERVED_WORDS.contains(name.toUpperCase(Locale.ROOT))) {
            throw new IllegalArgumentException("Property name '" + name + "' is a reserved selector word");
        }
    }

    // ---------------------------------------------------------------- body

    @Override
    public void clearBody() throws JMSException {
        bodyReadOnly = false;
        clearBodyContent();
    }

    /** Empties the body of the subtype; the mode flag has already been reset. */
    void clearBodyContent() {
    }

    /** A plain message has no body: any type may be asked for, and the answer is null. */
    @Override
    public <T> T getBody(Class<T> c) throws JMSException {
        return null;
    }

    /**
     * Whether the message carries a body at all: {@code JMSConsumer.receiveBody} must refuse one
     * that does not, where {@code getBody} would answer null.
     */
    public boolean hasBody() {
        return false;
    }

    @Override
    @SuppressWarnings("rawtypes")
    public boolean isBodyAssignableTo(Class c) throws JMSException {
        return true;
    }

    /** The parameter of {@link #isBodyAssignableTo(Class)} is a raw Class in the interface; this avoids unchecked calls. */
    @SuppressWarnings("rawtypes")
    static Class<?> asWildcard(Class c) {
        return c;
    }

    /** Puts the body in the received, read-only state; Bytes and Stream also rewind to the start. */
    void makeBodyReadOnly() {
        bodyReadOnly = true;
    }

    void checkBodyWritable() throws MessageNotWriteableException {
        if (bodyReadOnly) {
            throw new MessageNotWriteableException("The message body is read-only; call clearBody() first");
        }
    }

    void checkBodyReadable() throws MessageNotReadableException {
        if (!bodyReadOnly) {
            throw new MessageNotReadableException("The message body is write-only; call reset() first");
        }
    }

    // ---------------------------------------------------------------- acknowledgement

    /** Runs the hook the consumer installed; without one (auto, dups-ok, transacted) it does nothing. */
    @Override
    public void acknowledge() throws JMSException {
        Acknowledger hook = acknowledger;
        if (hook != null) {
            hook.acknowledge();
        }
    }

    /**
     * Internal to Depot: installs what {@link #acknowledge()} does, or removes it with {@code null}.
     *
     * @param acknowledger the consumer's session acknowledgement, or null
     */
    public void setAcknowledger(Acknowledger acknowledger) {
        this.acknowledger = acknowledger;
    }

    // ---------------------------------------------------------------- provider side

    /**
     * Internal to Depot: turns a decoded message into a delivered one. Sets {@code JMSRedelivered}, makes
     * {@code JMSXDeliveryCount} report {@code deliveryCount}, and makes properties and body read-only
     * (Bytes and Stream bodies are reset into read mode at their start).
     *
     * @param redelivered   whether the message was delivered before
     * @param deliveryCount how many times it has been delivered including this time (1 for the first
     *                      delivery); 0 means no {@code JMSXDeliveryCount}, e.g. for a browsed message
     * @throws IllegalArgumentException if {@code deliveryCount} is negative
     */
    public void markReceived(boolean redelivered, int deliveryCount) {
        if (deliveryCount < 0) {
            throw new IllegalArgumentException("deliveryCount must not be negative: " + deliveryCount);
        }
        this.redelivered = redelivered;
        this.deliveryCount = deliveryCount;
        this.propertiesReadOnly = true;
        makeBodyReadOnly();
    }

    /**
     * Internal to Depot: the Depot form of a message created by another provider, for sending it through
     * Depot. Headers, properties (except {@code JMSXDeliveryCount}) and body are copied; a Depot message is
     * returned as it is. Destinations are converted by queue or topic name; a reply-to or destination that
     * is neither a Queue nor a Topic is dropped, which the specification permits for foreign destinations.
     * Bytes and Stream bodies are read from the start and the foreign message is reset again afterwards.
     * The copy's properties and body are writable.
     *
     * @param foreign the application's message
     * @return a Depot message of the matching type
     * @throws MessageFormatException if a property or body value has a type Jakarta Messaging does not allow
     * @throws JMSException if the foreign message cannot be read
     */
    public static DepotMessage copyOf(Message foreign) throws JMSException {
        Objects.requireNonNull(foreign, "message");
        if (foreign instanceof DepotMessage own) {
            return own;
        }
        DepotMessage copy;
        if (foreign instanceof BytesMessage bytes) {
            copy = DepotBytesMessage.copyBodyOf(bytes);
        } else if (foreign instanceof MapMessage map) {
            copy = DepotMapMessage.copyBodyOf(map);
        } else if (foreign instanceof ObjectMessage object) {
            copy = DepotObjectMessage.copyBodyOf(object);
        } else if (foreign instanceof StreamMessage stream) {
            copy = DepotStreamMessage.copyBodyOf(stream);
        } else if (foreign instanceof TextMessage text) {
            copy = new DepotTextMessage(text.getText());
        } else {
            copy = new DepotMessage();
        }
        copy.messageId = foreign.getJMSMessageID();
        copy.timestamp = foreign.getJMSTimestamp();
        copy.correlationId = foreign.getJMSCorrelationID();
        copy.replyTo = convertForeignDestination(foreign.getJMSReplyTo());
        copy.destination = convertForeignDestination(foreign.getJMSDestination());
        copy.deliveryMode = foreign.getJMSDeliveryMode();
        copy.redelivered = foreign.getJMSRedelivered();
        copy.type = foreign.getJMSType();
        copy.expiration = foreign.getJMSExpiration();
        copy.deliveryTime = foreign.getJMSDeliveryTime();
        copy.priority = foreign.getJMSPriority();
        for (Enumeration<?> names = foreign.getPropertyNames(); names.hasMoreElements(); ) {
            String name = (String) names.nextElement();
            if (JMSX_DELIVERY_COUNT.equals(name)) {
                continue;
            }
            Object value = foreign.getObjectProperty(name);
            if (value != null && !Values.isPropertyType(value)) {
                throw new MessageFormatException("Property '" + name + "' of the message to send has type "
                        + value.getClass().getName() + ", which Jakarta Messaging does not allow");
            }
            copy.putProperty(name, value);
        }
        return copy;
    }

    private static Destination convertForeignDestination(Destination d) throws JMSException {
        try {
            return DepotDestination.of(d);
        } catch (InvalidDestinationException notQueueOrTopic) {
            return null;
        }
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[id=" + messageId + ", destination=" + destination + "]";
    }
}
