package dev.depot.jms.message;

import jakarta.jms.BytesMessage;
import jakarta.jms.JMSException;
import jakarta.jms.MessageEOFException;
import jakarta.jms.MessageFormatException;
import java.util.Arrays;
import java.util.Objects;

/**
 * Depot's {@link BytesMessage}: uninterpreted bytes, written and read big-endian like
 * {@link java.io.DataOutputStream}/{@link java.io.DataInputStream} ({@link #writeUTF} uses the same modified
 * UTF-8 with a two-byte length, so a string is limited to 65535 encoded bytes).
 *
 * <p>The body is write-only when created and after {@link #clearBody()}, and read-only after
 * {@link #reset()} or receipt. A body of zero bytes counts as "no body" for {@link #getBody(Class)} and
 * {@link #isBodyAssignableTo(Class)}.
 */
public class DepotBytesMessage extends DepotMessage implements BytesMessage {

    private static final byte[] EMPTY = new byte[0];
    private static final int MAX_BODY = Integer.MAX_VALUE - 8;

    /** The body is {@code data[0..length)}; the array may be longer while writing. */
    private byte[] data = EMPTY;
    private int length;
    private int position;

    /** An empty bytes message in write-only mode. */
    public DepotBytesMessage() {
    }

    @Override
    byte typeCode() {
        return MessageCodec.TYPE_BYTES;
    }

    // ---------------------------------------------------------------- codec access

    int bodyLength() {
        return length;
    }

    /**
     * The body as an array of exactly its length. Shares the internal array when it already has that
     * length: nothing ever writes into {@code data[0..length)} again (writes append beyond it and
     * {@link #clearBody()} replaces the array), so the caller's view cannot change under it.
     */
    byte[] bodyArray() {
        return length == data.length ? data : Arrays.copyOf(data, length);
    }

    /** Takes the array as the whole body without copying; the read position goes back to the start. */
    void attachBody(byte[] body) {
        data = body;
        length = body.length;
        position = 0;
    }

    // ---------------------------------------------------------------- mode

    @Override
    public void reset() {
        bodyReadOnly = true;
        position = 0;
    }

    @Override
    void makeBodyReadOnly() {
        reset();
    }

    @Override
    void clearBodyContent() {
        data = EMPTY;
        length = 0;
        position = 0;
    }

    @Override
    public long getBodyLength() throws JMSException {
        checkBodyReadable();
        return length;
    }

    // ---------------------------------------------------------------- reading

    /** Checks that {@code n} more bytes can be read, before anything is consumed. */
    private int require(int n) throws JMSException {
        checkBodyReadable();
        if (length - position < n) {
            throw new MessageEOFException("End of BytesMessage: " + n + " bytes needed, "
                    + (length - position) + " left");
        }
        int at = position;
        position += n;
        return at;
    }

    @Override
    public boolean readBoolean() throws JMSException {
        return data[require(1)] != 0;
    }

    @Override
    public byte readByte() throws JMSException {
        return data[require(1)];
    }

    @Override
    public int readUnsignedByte() throws JMSException {
        return data[require(1)] & 0xFF;
    }

    @Override
    public short readShort() throws JMSException {
        return (short) readUnsignedShort();
    }

    @Override
    public int readUnsignedShort() throws JMSException {
        int at = require(2);
        return (data[at] & 0xFF) << 8 | (data[at + 1] & 0xFF);
    }

    @Override
    public char readChar() throws JMSException {
        return (char) readUnsignedShort();
    }

    @Override
    public int readInt() throws JMSException {
        int at = require(4);
        return intAt(data, at);
    }

    @Override
    public long readLong() throws JMSException {
        int at = require(8);
        return (long) intAt(data, at) << 32 | (intAt(data, at + 4) & 0xFFFFFFFFL);
    }

    @Override
    public float readFloat() throws JMSException {
        return Float.intBitsToFloat(readInt());
    }

    @Override
    public double readDouble() throws JMSException {
        return Double.longBitsToDouble(readLong());
    }

    @Override
    public String readUTF() throws JMSException {
        checkBodyReadable();
        int start = position;
        int utfLength = readUnsignedShort();
        if (length - position < utfLength) {
            position = start;
            throw new MessageEOFException("End of BytesMessage inside a UTF string of " + utfLength + " bytes");
        }
        try {
            String s = decodeModifiedUtf8(data, position, utfLength);
            position += utfLength;
            return s;
        } catch (MessageFormatException e) {
            position = start;
            throw e;
        }
    }

    @Override
    public int readBytes(byte[] value) throws JMSException {
        return readBytes(value, value.length);
    }

    @Override
    public int readBytes(byte[] value, int length) throws JMSException {
        checkBodyReadable();
        if (length < 0 || length > value.length) {
            throw new IndexOutOfBoundsException("length " + length + " is outside 0.." + value.length);
        }
        int remaining = this.length - position;
        if (remaining == 0) {
            return -1;
        }
        int n = Math.min(length, remaining);
        System.arraycopy(data, position, value, 0, n);
        position += n;
        return n;
    }

    // ---------------------------------------------------------------- writing

    /**
     * Makes room for {@code n} more bytes and returns where they go. It may replace {@code data}, so
     * callers must call it before reading the field ({@code data[append(1)]} would write to the old array).
     */
    private int append(int n) throws JMSException {
        checkBodyWritable();
        if (n > MAX_BODY - length) {
            throw new MessageFormatException("A BytesMessage body cannot exceed " + MAX_BODY + " bytes");
        }
        int at = length;
        int needed = at + n;
        if (needed > data.length) {
            int grown = data.length < 64 ? 64 : data.length > MAX_BODY / 2 ? MAX_BODY : data.length * 2;
            data = Arrays.copyOf(data, Math.max(grown, needed));
        }
        length = needed;
        return at;
    }

    @Override
    public void writeBoolean(boolean value) throws JMSException {
        int at = append(1);
        data[at] = (byte) (value ? 1 : 0);
    }

    @Override
    public void writeByte(byte value) throws JMSException {
        int at = append(1);
        data[at] = value;
    }

    @Override
    public void writeShort(short value) throws JMSException {
        writeTwoBytes(value);
    }

    @Override
    public void writeChar(char value) throws JMSException {
        writeTwoBytes(value);
    }

    private void writeTwoBytes(int value) throws JMSException {
        int at = append(2);
        data[at] = (byte) (value >>> 8);
        data[at + 1] = (byte) value;
    }

    @Override
    public void writeInt(int value) throws JMSException {
        int at = append(4);
        putInt(data, at, value);
    }

    @Override
    public void writeLong(long value) throws JMSException {
        int at = append(8);
        putInt(data, at, (int) (value >>> 32));
        putInt(data, at + 4, (int) value);
    }

    @Override
    public void writeFloat(float value) throws JMSException {
        writeInt(Float.floatToIntBits(value));
    }

    @Override
    public void writeDouble(double value) throws JMSException {
        writeLong(Double.doubleToLongBits(value));
    }

    @Override
    public void writeUTF(String value) throws JMSException {
        checkBodyWritable();
        int utfLength = modifiedUtf8Length(value);
        if (utfLength > 0xFFFF) {
            throw new MessageFormatException("writeUTF is limited to 65535 encoded bytes; this string needs "
                    + utfLength);
        }
        int at = append(2 + utfLength);
        data[at] = (byte) (utfLength >>> 8);
        data[at + 1] = (byte) utfLength;
        encodeModifiedUtf8(value, data, at + 2);
    }

    @Override
    public void writeBytes(byte[] value) throws JMSException {
        writeBytes(value, 0, value.length);
    }

    @Override
    public void writeBytes(byte[] value, int offset, int length) throws JMSException {
        Objects.checkFromIndexSize(offset, length, value.length);
        int at = append(length);
        System.arraycopy(value, offset, data, at, length);
    }

    /**
     * Writes a Boolean, Byte, Short, Character, Integer, Long, Float, Double, String ({@link #writeUTF}) or
     * byte[]; anything else is a {@link MessageFormatException}, null a {@link NullPointerException}.
     */
    @Override
    public void writeObject(Object value) throws JMSException {
        Objects.requireNonNull(value, "BytesMessage.writeObject does not accept null");
        if (value instanceof byte[] b) {
            writeBytes(b);
        } else if (value instanceof String s) {
            writeUTF(s);
        } else if (value instanceof Integer i) {
            writeInt(i);
        } else if (value instanceof Long l) {
            writeLong(l);
        } else if (value instanceof Boolean b) {
            writeBoolean(b);
        } else if (value instanceof Double d) {
            writeDouble(d);
        } else if (value instanceof Float f) {
            writeFloat(f);
        } else if (value instanceof Short s) {
            writeShort(s);
        } else if (value instanceof Byte b) {
            writeByte(b);
        } else if (value instanceof Character c) {
            writeChar(c);
        } else {
            throw new MessageFormatException("BytesMessage.writeObject cannot write a " + value.getClass().getName());
        }
    }

    // ---------------------------------------------------------------- body as a whole

    /**
     * Returns a copy of the whole body, whatever the read position; as the specification says, the
     * message is reset before and after, so it is afterwards in read-only mode at the start.
     */
    @Override
    public <T> T getBody(Class<T> c) throws JMSException {
        if (length == 0) {
            return null;
        }
        if (!c.isAssignableFrom(byte[].class)) {
            throw new MessageFormatException("The body of a BytesMessage is a byte[] and cannot be read as " + c.getName());
        }
        reset();
        byte[] copy = Arrays.copyOf(data, length);
        reset();
        return c.cast(copy);
    }

    @Override
    public boolean hasBody() {
        return length > 0;
    }

    @Override
    @SuppressWarnings("rawtypes")
    public boolean isBodyAssignableTo(Class c) {
        return length == 0 || asWildcard(c).isAssignableFrom(byte[].class);
    }

    static DepotBytesMessage copyBodyOf(BytesMessage foreign) throws JMSException {
        DepotBytesMessage copy = new DepotBytesMessage();
        foreign.reset();
        long size = foreign.getBodyLength();
        if (size > MAX_BODY) {
            throw new MessageFormatException("A BytesMessage body of " + size + " bytes is too large");
        }
        byte[] chunk = new byte[(int) Math.max(1, Math.min(size, 64 * 1024))];
        copy.data = new byte[(int) size];
        int n;
        while ((n = foreign.readBytes(chunk)) > 0) {
            copy.writeBytes(chunk, 0, n);
        }
        foreign.reset();
        return copy;
    }

    // ---------------------------------------------------------------- helpers

    private static int intAt(byte[] b, int at) {
        return (b[at] & 0xFF) << 24 | (b[at + 1] & 0xFF) << 16 | (b[at + 2] & 0xFF) << 8 | (b[at + 3] & 0xFF);
    }

    private static void putInt(byte[] b, int at, int v) {
        b[at] = (byte) (v >>> 24);
        b[at + 1] = (byte) (v >>> 16);
        b[at + 2] = (byte) (v >>> 8);
        b[at + 3] = (byte) v;
    }

    /** Modified UTF-8 as DataOutput writes it: U+0000 takes two bytes and surrogates are encoded one by one. */
    private static int modifiedUtf8Length(String s) {
        int n = s.length();
        int bytes = n;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x800) {
                bytes += 2;
            } else if (c >= 0x80 || c == 0) {
                bytes += 1;
            }
        }
        return bytes;
    }

    private static void encodeModifiedUtf8(String s, byte[] out, int at) {
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (c != 0 && c < 0x80) {
                out[at++] = (byte) c;
            } else if (c < 0x800) {
                out[at++] = (byte) (0xC0 | c >> 6);
                out[at++] = (byte) (0x80 | c & 0x3F);
            } else {
                out[at++] = (byte) (0xE0 | c >> 12);
                out[at++] = (byte) (0x80 | c >> 6 & 0x3F);
                out[at++] = (byte) (0x80 | c & 0x3F);
            }
        }
    }

    private static String decodeModifiedUtf8(byte[] in, int from, int count) throws MessageFormatException {
        char[] chars = new char[count];
        int n = 0;
        int i = from;
        int end = from + count;
        while (i < end) {
            int b = in[i] & 0xFF;
            if (b < 0x80) {
                chars[n++] = (char) b;
                i++;
            } else if ((b & 0xE0) == 0xC0 && i + 1 < end && (in[i + 1] & 0xC0) == 0x80) {
                chars[n++] = (char) ((b & 0x1F) << 6 | in[i + 1] & 0x3F);
                i += 2;
            } else if ((b & 0xF0) == 0xE0 && i + 2 < end
                    && (in[i + 1] & 0xC0) == 0x80 && (in[i + 2] & 0xC0) == 0x80) {
                chars[n++] = (char) ((b & 0x0F) << 12 | (in[i + 1] & 0x3F) << 6 | in[i + 2] & 0x3F);
                i += 3;
            } else {
                throw new MessageFormatException("Malformed modified UTF-8 at byte " + (i - from) + " of a readUTF string");
            }
        }
        return new String(chars, 0, n);
    }
}
