package dev.depot.jms.message;

import jakarta.jms.JMSException;
import jakarta.jms.MapMessage;
import jakarta.jms.MessageFormatException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Depot's {@link MapMessage}. Values are the primitive wrappers, {@code Character}, {@code String},
 * {@code byte[]} or null, read back through the specification's conversion table (see {@link Values}).
 * Byte arrays are copied on the way in and out, so the body cannot be changed behind the message's back.
 *
 * <p>Names must not be null or empty when setting ({@link IllegalArgumentException}); reading a name that
 * is null or absent behaves as reading a missing item. An empty map counts as "no body" for
 * {@link #getBody(Class)}; otherwise the body is returned as a new {@link Map} the caller may change.
 */
public class DepotMapMessage extends DepotMessage implements MapMessage {

    /** Insertion-ordered so that encoding a message twice yields the same bytes. */
    final Map<String, Object> map = new LinkedHashMap<>();

    /** An empty map message. */
    public DepotMapMessage() {
    }

    @Override
    byte typeCode() {
        return MessageCodec.TYPE_MAP;
    }

    @Override
    void clearBodyContent() {
        map.clear();
    }

    private static String describe(String name) {
        return "map item '" + name + "'";
    }

    private Object item(String name) {
        return name == null ? null : map.get(name);
    }

    @Override
    public boolean getBoolean(String name) throws JMSException {
        return Values.toBoolean(item(name), describe(name));
    }

    @Override
    public byte getByte(String name) throws JMSException {
        return Values.toByte(item(name), describe(name));
    }

    @Override
    public short getShort(String name) throws JMSException {
        return Values.toShort(item(name), describe(name));
    }

    @Override
    public char getChar(String name) throws JMSException {
        return Values.toChar(item(name), describe(name));
    }

    @Override
    public int getInt(String name) throws JMSException {
        return Values.toInt(item(name), describe(name));
    }

    @Override
    public long getLong(String name) throws JMSException {
        return Values.toLong(item(name), describe(name));
    }

    @Override
    public float getFloat(String name) throws JMSException {
        return Values.toFloat(item(name), describe(name));
    }

    @Override
    public double getDouble(String name) throws JMSException {
        return Values.toDouble(item(name), describe(name));
    }

    @Override
    public String getString(String name) throws JMSException {
        return Values.toText(item(name), describe(name));
    }

    @Override
    public byte[] getBytes(String name) throws JMSException {
        return Values.toBytes(item(name), describe(name));
    }

    @Override
    public Object getObject(String name) {
        return Values.exposed(item(name));
    }

    /** A snapshot of the names. */
    @Override
    public Enumeration<String> getMapNames() {
        return Collections.enumeration(new ArrayList<>(map.keySet()));
    }

    @Override
    public boolean itemExists(String name) {
        return name != null && map.containsKey(name);
    }

    private void put(String name, Object value) throws JMSException {
        checkBodyWritable();
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("MapMessage item names must not be null or empty");
        }
        map.put(name, value);
    }

    @Override
    public void setBoolean(String name, boolean value) throws JMSException {
        put(name, value);
    }

    @Override
    public void setByte(String name, byte value) throws JMSException {
        put(name, value);
    }

    @Override
    public void setShort(String name, short value) throws JMSException {
        put(name, value);
    }

    @Override
    public void setChar(String name, char value) throws JMSException {
        put(name, value);
    }

    @Override
    public void setInt(String name, int value) throws JMSException {
        put(name, value);
    }

    @Override
    public void setLong(String name, long value) throws JMSException {
        put(name, value);
    }

    @Override
    public void setFloat(String name, float value) throws JMSException {
        put(name, value);
    }

    @Override
    public void setDouble(String name, double value) throws JMSException {
        put(name, value);
    }

    @Override
    public void setString(String name, String value) throws JMSException {
        put(name, value);
    }

    @Override
    public void setBytes(String name, byte[] value) throws JMSException {
        put(name, value == null ? null : value.clone());
    }

    @Override
    public void setBytes(String name, byte[] value, int offset, int length) throws JMSException {
        Objects.checkFromIndexSize(offset, length, value.length);
        put(name, Arrays.copyOfRange(value, offset, offset + length));
    }

    /**
     * Accepts the primitive wrappers, Character, String, byte[] (copied) and null; anything else is a
     * {@link MessageFormatException}.
     */
    @Override
    public void setObject(String name, Object value) throws JMSException {
        if (value != null && !Values.isBodyType(value)) {
            checkBodyWritable();
            throw new MessageFormatException("A MapMessage cannot hold a " + value.getClass().getName());
        }
        put(name, Values.exposed(value));
    }

    @Override
    public <T> T getBody(Class<T> c) throws JMSException {
        if (map.isEmpty()) {
            return null;
        }
        if (!c.isAssignableFrom(Map.class)) {
            throw new MessageFormatException("The body of a MapMessage is a Map and cannot be read as " + c.getName());
        }
        Map<String, Object> copy = new HashMap<>(map.size() * 4 / 3 + 1);
        for (Map.Entry<String, Object> e : map.entrySet()) {
            copy.put(e.getKey(), Values.exposed(e.getValue()));
        }
        return c.cast(copy);
    }

    @Override
    public boolean hasBody() {
        return !map.isEmpty();
    }

    @Override
    @SuppressWarnings("rawtypes")
    public boolean isBodyAssignableTo(Class c) {
        return map.isEmpty() || asWildcard(c).isAssignableFrom(Map.class);
    }

    static DepotMapMessage copyBodyOf(MapMessage foreign) throws JMSException {
        DepotMapMessage copy = new DepotMapMessage();
        for (Enumeration<?> names = foreign.getMapNames(); names.hasMoreElements(); ) {
            String name = (String) names.nextElement();
            Object value = foreign.getObject(name);
            if (value != null && !Values.isBodyType(value)) {
                throw new MessageFormatException("Map item '" + name + "' of the message to send has type "
                        + value.getClass().getName() + ", which Jakarta Messaging does not allow");
            }
            copy.map.put(name, Values.exposed(value));
        }
        return copy;
    }
}
