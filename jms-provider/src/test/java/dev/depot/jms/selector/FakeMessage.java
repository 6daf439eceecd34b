package dev.depot.jms.selector;

import jakarta.jms.DeliveryMode;
import jakarta.jms.Destination;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Map-backed {@link Message} test double. Only what a selector may read is implemented; the getters of header
 * fields a selector must never read fail the test, and so does everything unrelated to selection.
 */
final class FakeMessage implements Message {

    private final Map<String, Object> properties = new LinkedHashMap<>();
    private String messageId;
    private long timestamp;
    private String correlationId;
    private int deliveryMode = DeliveryMode.PERSISTENT;
    private String type;
    private int priority = Message.DEFAULT_PRIORITY;
    private JMSException failure;

    /** Makes every subsequent getter throw {@code failure}, to test that provider errors propagate. */
    FakeMessage failingWith(JMSException failure) {
        this.failure = failure;
        return this;
    }

    FakeMessage with(String name, Object value) {
        properties.put(name, value);
        return this;
    }

    private void maybeFail() throws JMSException {
        if (failure != null) {
            throw failure;
        }
    }

    private static AssertionError notForSelectors(String what) {
        return new AssertionError(what + " must not be read by a selector");
    }

    // ---- header fields a selector may read ------------------------------------------------------------------

    @Override
    public String getJMSMessageID() throws JMSException {
        maybeFail();
        return messageId;
    }

    @Override
    public void setJMSMessageID(String id) {
        this.messageId = id;
    }

    @Override
    public long getJMSTimestamp() throws JMSException {
        maybeFail();
        return timestamp;
    }

    @Override
    public void setJMSTimestamp(long timestamp) {
        this.timestamp = timestamp;
    }

    @Override
    public String getJMSCorrelationID() throws JMSException {
        maybeFail();
        return correlationId;
    }

    @Override
    public void setJMSCorrelationID(String correlationID) {
        this.correlationId = correlationID;
    }

    @Override
    public int getJMSDeliveryMode() throws JMSException {
        maybeFail();
        return deliveryMode;
    }

    @Override
    public void setJMSDeliveryMode(int deliveryMode) {
        this.deliveryMode = deliveryMode;
    }

    @Override
    public String getJMSType() throws JMSException {
        maybeFail();
        return type;
    }

    @Override
    public void setJMSType(String type) {
        this.type = type;
    }

    @Override
    public int getJMSPriority() throws JMSException {
        maybeFail();
        return priority;
    }

    @Override
    public void setJMSPriority(int priority) {
        this.priority = priority;
    }

    // ---- properties -----------------------------------------------------------------------------------------

    @Override
    public Object getObjectProperty(String name) throws JMSException {
        maybeFail();
        return properties.get(name);
    }

    @Override
    public void setObjectProperty(String name, Object value) {
        properties.put(name, value);
    }

    @Override
    public boolean propertyExists(String name) {
        return properties.containsKey(name);
    }

    @Override
    public void clearProperties() {
        properties.clear();
    }

    @Override
    public Enumeration<String> getPropertyNames() {
        return Collections.enumeration(properties.keySet());
    }

    @Override
    public void setBooleanProperty(String name, boolean value) {
        properties.put(name, value);
    }

    @Override
    public void setByteProperty(String name, byte value) {
        properties.put(name, value);
    }

    @Override
    public void setShortProperty(String name, short value) {
        properties.put(name, value);
    }

    @Override
    public void setIntProperty(String name, int value) {
        properties.put(name, value);
    }

    @Override
    public void setLongProperty(String name, long value) {
        properties.put(name, value);
    }

    @Override
    public void setFloatProperty(String name, float value) {
        properties.put(name, value);
    }

    @Override
    public void setDoubleProperty(String name, double value) {
        properties.put(name, value);
    }

    @Override
    public void setStringProperty(String name, String value) {
        properties.put(name, value);
    }

    // Typed getters apply conversions, which selectors must not use; a selector reading them is a bug.

    @Override
    public boolean getBooleanProperty(String name) {
        throw notForSelectors("getBooleanProperty");
    }

    @Override
    public byte getByteProperty(String name) {
        throw notForSelectors("getByteProperty");
    }

    @Override
    public short getShortProperty(String name) {
        throw notForSelectors("getShortProperty");
    }

    @Override
    public int getIntProperty(String name) {
        throw notForSelectors("getIntProperty");
    }

    @Override
    public long getLongProperty(String name) {
        throw notForSelectors("getLongProperty");
    }

    @Override
    public float getFloatProperty(String name) {
        throw notForSelectors("getFloatProperty");
    }

    @Override
    public double getDoubleProperty(String name) {
        throw notForSelectors("getDoubleProperty");
    }

    @Override
    public String getStringProperty(String name) {
        throw notForSelectors("getStringProperty");
    }

    // ---- header fields excluded from selectors --------------------------------------------------------------

    @Override
    public byte[] getJMSCorrelationIDAsBytes() {
        throw notForSelectors("JMSCorrelationIDAsBytes");
    }

    @Override
    public void setJMSCorrelationIDAsBytes(byte[] correlationID) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Destination getJMSReplyTo() {
        throw notForSelectors("JMSReplyTo");
    }

    @Override
    public void setJMSReplyTo(Destination replyTo) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Destination getJMSDestination() {
        throw notForSelectors("JMSDestination");
    }

    @Override
    public void setJMSDestination(Destination destination) {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean getJMSRedelivered() {
        throw notForSelectors("JMSRedelivered");
    }

    @Override
    public void setJMSRedelivered(boolean redelivered) {
        throw new UnsupportedOperationException();
    }

    @Override
    public long getJMSExpiration() {
        throw notForSelectors("JMSExpiration");
    }

    @Override
    public void setJMSExpiration(long expiration) {
        throw new UnsupportedOperationException();
    }

    @Override
    public long getJMSDeliveryTime() {
        throw notForSelectors("JMSDeliveryTime");
    }

    @Override
    public void setJMSDeliveryTime(long deliveryTime) {
        throw new UnsupportedOperationException();
    }

    // ---- body and acknowledgement: irrelevant to selectors ---------------------------------------------------

    @Override
    public void acknowledge() {
        throw new UnsupportedOperationException();
    }

    @Override
    public void clearBody() {
        throw new UnsupportedOperationException();
    }

    @Override
    public <T> T getBody(Class<T> c) {
        throw notForSelectors("The body");
    }

    // the interface declares a raw Class parameter; a Class<?> parameter would not override it
    @Override
    @SuppressWarnings("rawtypes")
    public boolean isBodyAssignableTo(Class c) {
        throw notForSelectors("The body");
    }
}
