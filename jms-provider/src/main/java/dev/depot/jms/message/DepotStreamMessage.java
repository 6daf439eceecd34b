package dev.depot.jms.message;

import jakarta.jms.JMSException;
import jakarta.jms.MessageEOFException;
import jakarta.jms.MessageFormatException;
import jakarta.jms.StreamMessage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Depot's {@link StreamMessage}: a sequence of typed fields read back in order through the
 * specification's conversion table (see {@link Values}).
 *
 * <p>A read that fails with {@link MessageFormatException}, {@link NumberFormatException} or
 * {@link NullPointerException} does not move the read position, so the field can be read again as
 * another type. A {@code byte[]} field read with {@link #readBytes(byte[])} must be read to its end before
 * any other read ({@link MessageFormatException} otherwise). The body is write-only when created and after
 * {@link #clearBody()}, read-only after {@link #reset()} or receipt. {@link #getBody(Class)} always throws
 * {@link MessageFormatException}, as the specification says for this type.
 */
public class DepotStreamMessage extends DepotMessage implements StreamMessage {

    /** The fields as written; byte arrays are private copies. */
    final List<Object> fields = new ArrayList<>();
    private int index;
    /** How much of the byte[] field at {@code index} readBytes has returned, or -1 when none is in progress. */
    private int bytesOffset = -1;

    /** An empty stream message in write-only mode. */
    public DepotStreamMessage() {
    }

    @Override
    byte typeCode() {
        return MessageCodec.TYPE_STREAM;
    }

    // ---------------------------------------------------------------- mode

    @Override
    public void reset() {
        bodyReadOnly = true;
        index = 0;
        bytesOffset = -1;
    }

    @Override
    void makeBodyReadOnly() {
        reset();
    }

    @Override
    void clearBodyContent() {
        fields.clear();
        index = 0;
        bytesOffset = -1;
    }

    // ---------------------------------------------------------------- reading

    /** The next field, without consuming it: the caller advances only after a successful conversion. */
    private Object next() throws JMSException {
        checkBodyReadable();
        if (bytesOffset >= 0) {
            throw new MessageFormatException("The byte[] field " + index
                    + " has been partly read; readBytes must read it to its end first");
        }
        if (index >= fields.size()) {
            throw new MessageEOFException("End of StreamMessage after " + fields.size() + " fields");
        }
        return fields.get(index);
    }

    private String describe() {
        return "stream field " + index;
    }

    @Override
    public boolean readBoolean() throws JMSException {
        boolean v = Values.toBoolean(next(), describe());
        index++;
        return v;
    }

    @Override
    public byte readByte() throws JMSException {
        byte v = Values.toByte(next(), describe());
        index++;
        return v;
    }

    @Override
    public short readShort() throws JMSException {
        short v = Values.toShort(next(), describe());
        index++;
        return v;
    }

    @Override
    public char readChar() throws JMSException {
        char v = Values.toChar(next(), describe());
        index++;
        return v;
    }

    @Override
    public int readInt() throws JMSException {
        int v = Values.toInt(next(), describe());
        index++;
        return v;
    }

    @Override
    public long readLong() throws JMSException {
        long v = Values.toLong(next(), describe());
        index++;
        return v;
    }

    @Override
    public float readFloat() throws JMSException {
        float v = Values.toFloat(next(), describe());
        index++;
        return v;
    }

    @Override
    public double readDouble() throws JMSException {
        double v = Values.toDouble(next(), describe());
        index++;
        return v;
    }

    @Override
    public String readString() throws JMSException {
        String v = Values.toText(next(), describe());
        index++;
        return v;
    }

    @Override
    public Object readObject() throws JMSException {
        Object v = Values.exposed(next());
        index++;
        return v;
    }

    @Override
    public int readBytes(byte[] value) throws JMSException {
        checkBodyReadable();
        if (bytesOffset < 0) {
            if (index >= fields.size()) {
                throw new MessageEOFException("End of StreamMessage after " + fields.size() + " fields");
            }
            Object field = fields.get(index);
            if (field == null) {
                index++;
                return -1;
            }
            if (!(field instanceof byte[] bytes)) {
                throw new MessageFormatException("Cannot read " + describe() + " of type "
                        + Values.typeName(field) + " as byte[]");
            }
            if (bytes.length == 0) {
                index++;
                return 0;
            }
            bytesOffset = 0;
        }
        byte[] field = (byte[]) fields.get(index);
        int remaining = field.length - bytesOffset;
        if (remaining == 0) {
            // The previous call filled the caller's buffer exactly; this one reports the end of the field.
            finishBytesField();
            return -1;
        }
        int n = Math.min(value.length, remaining);
        System.arraycopy(field, bytesOffset, value, 0, n);
        bytesOffset += n;
        if (n < value.length) {
            finishBytesField();
        }
        return n;
    }

    private void finishBytesField() {
        index++;
        bytesOffset = -1;
    }

    // ---------------------------------------------------------------- writing

    private void add(Object value) throws JMSException {
        checkBodyWritable();
        fields.add(value);
    }

    @Override
    public void writeBoolean(boolean value) throws JMSException {
        add(value);
    }

    @Override
    public void writeByte(byte value) throws JMSException {
        add(value);
    }

    @Override
    public void writeShort(short value) throws JMSException {
        add(value);
    }

    @Override
    public void writeChar(char value) throws JMSException {
        add(value);
    }

    @Override
    public void writeInt(int value) throws JMSException {
        add(value);
    }

    @Override
    public void writeLong(long value) throws JMSException {
        add(value);
    }

    @Override
    public void writeFloat(float value) throws JMSException {
        add(value);
    }

    @Override
    public void writeDouble(double value) throws JMSException {
        add(value);
    }

    @Override
    public void writeString(String value) throws JMSException {
        add(value);
    }

    /** Writes a copy of {@code value}; null writes a null field, which readBytes reports as -1. */
    @Override
    public void writeBytes(byte[] value) throws JMSException {
        add(value == null ? null : value.clone());
    }

    @Override
    public void writeBytes(byte[] value, int offset, int length) throws JMSException {
        Objects.checkFromIndexSize(offset, length, value.length);
        add(Arrays.copyOfRange(value, offset, offset + length));
    }

    /**
     * Writes a primitive wrapper, Character, String, byte[] (copied) or null; anything else is a
     * {@link MessageFormatException}.
     */
    @Override
    public void writeObject(Object value) throws JMSException {
        checkBodyWritable();
        if (value != null && !Values.isBodyType(value)) {
            throw new MessageFormatException("A StreamMessage cannot hold a " + value.getClass().getName());
        }
        fields.add(Values.exposed(value));
    }

    // ---------------------------------------------------------------- body as a whole

    @Override
    public <T> T getBody(Class<T> c) throws JMSException {
        throw new MessageFormatException("getBody is not supported for a StreamMessage");
    }

    @Override
    public boolean hasBody() {
        return true;
    }

    @Override
    @SuppressWarnings("rawtypes")
    public boolean isBodyAssignableTo(Class c) {
        return false;
    }

    static DepotStreamMessage copyBodyOf(StreamMessage foreign) throws JMSException {
        DepotStreamMessage copy = new DepotStreamMessage();
        foreign.reset();
        while (true) {
            Object value;
            try {
                value = foreign.readObject();
            } catch (MessageEOFException end) {
                break;
            }
            if (value != null && !Values.isBodyType(value)) {
                throw new MessageFormatException("Field " + copy.fields.size() + " of the message to send has type "
                        + value.getClass().getName() + ", which Jakarta Messaging does not allow");
            }
            copy.fields.add(Values.exposed(value));
        }
        foreign.reset();
        return copy;
    }
}
