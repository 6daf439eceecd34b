package dev.depot.jms.message;

import dev.depot.jms.DepotDestination;
import jakarta.jms.Destination;
import jakarta.jms.JMSException;
import jakarta.jms.MessageFormatException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Internal to Depot: the form in which a message is stored, as two blobs of one row, the header blob
 * (headers and properties, all that selectors need) and the optional body blob.
 *
 * <p>Encoding reads the message without changing it, Bytes and Stream read positions and modes
 * included, and it is what captures the content at send time: the application may change or resend its
 * message object afterwards without affecting what was stored. Decoding takes ownership of the arrays it
 * is given (a Bytes body or Object body keeps the array, without copying); {@link #encodeBody} may likewise
 * return an array that the message keeps, which it never modifies in place. Neither side may change an
 * array after handing it over.
 *
 * <h2>Primitives</h2>
 * <ul>
 * <li><b>u8</b>: one byte. <b>fixed16/32/64</b>: big-endian, two's complement.</li>
 * <li><b>varint</b>: unsigned LEB128, seven bits a byte, least significant group first, high bit set on
 *     every byte but the last (at most 5 bytes for 32 bits, 10 for 64). <b>zigzag</b>: a signed value
 *     mapped as {@code (v << 1) ^ (v >> 63)} (0, -1, 1, -2 → 0, 1, 2, 3), then as a varint.</li>
 * <li><b>string</b>: varint 0 for null; otherwise varint (n + 1) followed by n bytes of standard UTF-8
 *     (no length limit; an unpaired surrogate is written as {@code '?'}).</li>
 * <li><b>value</b>: a u8 tag and its data: 0 null; 1 false; 2 true; 3 byte (u8); 4 short (fixed16);
 *     5 char (fixed16); 6 int (zigzag); 7 long (zigzag); 8 float (fixed32 of the raw bits); 9 double
 *     (fixed64 of the raw bits); 10 String (string, never the null form); 11 byte[] (varint n, n bytes).
 *     Properties use only tags 0–4 and 6–10.</li>
 * </ul>
 *
 * <h2>Header blob, format version 1</h2>
 * <pre>
 * u8      format version, 1 ({@link #FORMAT_VERSION})
 * u8      message type: 0 Message, 1 Text, 2 Bytes, 3 Map, 4 Object, 5 Stream
 * string  JMSMessageID
 * zigzag  JMSTimestamp
 * u8      JMSCorrelationID form: 0 none, 1 string, 2 bytes
 *         followed by a string (form 1) or varint n and n bytes (form 2)
 * string  JMSReplyTo, as DepotDestination.toUri()
 * string  JMSDestination, as DepotDestination.toUri()
 * string  JMSType
 * zigzag  JMSDeliveryMode
 * zigzag  JMSPriority
 * zigzag  JMSExpiration
 * zigzag  JMSDeliveryTime
 * varint  number of properties, then for each: string name (never null), value
 * </pre>
 * {@code JMSRedelivered} and {@code JMSXDeliveryCount} are not stored: they describe a delivery, which
 * the consumer supplies through {@link DepotMessage#markReceived(boolean, int)}. Nothing may follow the
 * last property.
 *
 * <h2>Body blob</h2>
 * Interpreted by the type and version in the header blob; a null blob means "no body".
 * <ul>
 * <li>Message: always null.</li>
 * <li>Text: the text in UTF-8; null for a null text, so an empty text is an empty, non-null blob.</li>
 * <li>Bytes: the body's bytes as they are; null when the body is empty.</li>
 * <li>Map: varint count, then for each entry a string name and a value; null when the map is empty.</li>
 * <li>Stream: varint count, then a value for each field; null when there are no fields.</li>
 * <li>Object: the Java serialization stream of the object; null when there is no object.</li>
 * </ul>
 * Because Bytes and Text bodies are stored as they are, {@link #bodySize(DepotMessage)} gives the exact
 * size of any body without encoding it, for enforcing a maximum message size up front.
 */
public final class MessageCodec {

    /** The version written as the first byte of every header blob, and the only one {@link #decode} reads. */
    public static final int FORMAT_VERSION = 1;

    static final byte TYPE_MESSAGE = 0;
    static final byte TYPE_TEXT = 1;
    static final byte TYPE_BYTES = 2;
    static final byte TYPE_MAP = 3;
    static final byte TYPE_OBJECT = 4;
    static final byte TYPE_STREAM = 5;

    private static final int TAG_NULL = 0;
    private static final int TAG_FALSE = 1;
    private static final int TAG_TRUE = 2;
    private static final int TAG_BYTE = 3;
    private static final int TAG_SHORT = 4;
    private static final int TAG_CHAR = 5;
    private static final int TAG_INT = 6;
    private static final int TAG_LONG = 7;
    private static final int TAG_FLOAT = 8;
    private static final int TAG_DOUBLE = 9;
    private static final int TAG_STRING = 10;
    private static final int TAG_BYTES = 11;

    private static final int CORRELATION_NONE = 0;
    private static final int CORRELATION_STRING = 1;
    private static final int CORRELATION_BYTES = 2;

    private MessageCodec() {
    }

    // ---------------------------------------------------------------- encoding

    /**
     * The header blob of {@code message}: its type, every header but {@code JMSRedelivered}, and every
     * property but {@code JMSXDeliveryCount}.
     *
     * @param message the message being sent
     * @return a new array, starting with {@link #FORMAT_VERSION}
     * @throws jakarta.jms.InvalidDestinationException if JMSReplyTo or JMSDestination is a foreign
     *                                                  destination that is neither a Queue nor a Topic
     */
    public static byte[] encodeHeaders(DepotMessage message) throws JMSException {
        String replyTo = uri(message.replyTo);
        String destination = uri(message.destination);
        Map<String, Object> properties = message.properties;
        int propertyCount = properties == null ? 0 : properties.size();

        int size = 2
                + WireWriter.stringSize(message.messageId)
                + WireWriter.zigzagLongSize(message.timestamp)
                + 1 + correlationSize(message)
                + WireWriter.stringSize(replyTo)
                + WireWriter.stringSize(destination)
                + WireWriter.stringSize(message.type)
                + WireWriter.zigzagIntSize(message.deliveryMode)
                + WireWriter.zigzagIntSize(message.priority)
                + WireWriter.zigzagLongSize(message.expiration)
                + WireWriter.zigzagLongSize(message.deliveryTime)
                + WireWriter.varintSize(propertyCount);
        if (properties != null) {
            for (Map.Entry<String, Object> e : properties.entrySet()) {
                size += WireWriter.stringSize(e.getKey()) + valueSize(e.getValue());
            }
        }

        WireWriter out = new WireWriter(size);
        out.u8(FORMAT_VERSION);
        out.u8(message.typeCode());
        out.string(message.messageId);
        out.zigzagLong(message.timestamp);
        if (message.correlationIdBytes != null) {
            out.u8(CORRELATION_BYTES);
            out.varint(message.correlationIdBytes.length);
            out.bytes(message.correlationIdBytes, 0, message.correlationIdBytes.length);
        } else if (message.correlationId != null) {
            out.u8(CORRELATION_STRING);
            out.string(message.correlationId);
        } else {
            out.u8(CORRELATION_NONE);
        }
        out.string(replyTo);
        out.string(destination);
        out.string(message.type);
        out.zigzagInt(message.deliveryMode);
        out.zigzagInt(message.priority);
        out.zigzagLong(message.expiration);
        out.zigzagLong(message.deliveryTime);
        out.varint(propertyCount);
        if (properties != null) {
            for (Map.Entry<String, Object> e : properties.entrySet()) {
                out.string(e.getKey());
                writeValue(out, e.getValue());
            }
        }
        return out.toByteArray();
    }

    private static int correlationSize(DepotMessage message) {
        if (message.correlationIdBytes != null) {
            int n = message.correlationIdBytes.length;
            return WireWriter.varintSize(n) + n;
        }
        return message.correlationId != null ? WireWriter.stringSize(message.correlationId) : 0;
    }

    private static String uri(Destination destination) throws JMSException {
        return destination == null ? null : DepotDestination.of(destination).toUri();
    }

    /**
     * The body blob of {@code message}, or null when it has no body (see the class description for what
     * "no body" is for each type).
     *
     * @param message the message being sent
     * @return the body blob, possibly shared with the message (see the class description), or null
     */
    public static byte[] encodeBody(DepotMessage message) {
        if (message instanceof DepotTextMessage text) {
            return text.text == null ? null : text.text.getBytes(StandardCharsets.UTF_8);
        }
        if (message instanceof DepotBytesMessage bytes) {
            return bytes.bodyLength() == 0 ? null : bytes.bodyArray();
        }
        if (message instanceof DepotMapMessage map) {
            if (map.map.isEmpty()) {
                return null;
            }
            WireWriter out = new WireWriter(bodySize(message));
            out.varint(map.map.size());
            for (Map.Entry<String, Object> e : map.map.entrySet()) {
                out.string(e.getKey());
                writeValue(out, e.getValue());
            }
            return out.toByteArray();
        }
        if (message instanceof DepotStreamMessage stream) {
            if (stream.fields.isEmpty()) {
                return null;
            }
            WireWriter out = new WireWriter(bodySize(message));
            out.varint(stream.fields.size());
            for (Object field : stream.fields) {
                writeValue(out, field);
            }
            return out.toByteArray();
        }
        if (message instanceof DepotObjectMessage object) {
            return object.serialized;
        }
        return null;
    }

    /**
     * The exact length of what {@link #encodeBody} returns, 0 for no body, computed without encoding:
     * constant time for Bytes and Object, one pass over the characters for Text, one pass over the
     * entries or fields for Map and Stream.
     *
     * @param message the message being sent
     * @return the body blob's length in bytes
     */
    public static int bodySize(DepotMessage message) {
        if (message instanceof DepotTextMessage text) {
            return text.text == null ? 0 : WireWriter.utf8Length(text.text);
        }
        if (message instanceof DepotBytesMessage bytes) {
            return bytes.bodyLength();
        }
        if (message instanceof DepotMapMessage map) {
            if (map.map.isEmpty()) {
                return 0;
            }
            int size = WireWriter.varintSize(map.map.size());
            for (Map.Entry<String, Object> e : map.map.entrySet()) {
                size += WireWriter.stringSize(e.getKey()) + valueSize(e.getValue());
            }
            return size;
        }
        if (message instanceof DepotStreamMessage stream) {
            if (stream.fields.isEmpty()) {
                return 0;
            }
            int size = WireWriter.varintSize(stream.fields.size());
            for (Object field : stream.fields) {
                size += valueSize(field);
            }
            return size;
        }
        if (message instanceof DepotObjectMessage object) {
            return object.serialized == null ? 0 : object.serialized.length;
        }
        return 0;
    }

    private static int valueSize(Object v) {
        if (v == null || v instanceof Boolean) {
            return 1;
        }
        if (v instanceof String s) {
            return 1 + WireWriter.stringSize(s);
        }
        if (v instanceof Integer i) {
            return 1 + WireWriter.zigzagIntSize(i);
        }
        if (v instanceof Long l) {
            return 1 + WireWriter.zigzagLongSize(l);
        }
        if (v instanceof Double) {
            return 9;
        }
        if (v instanceof Float) {
            return 5;
        }
        if (v instanceof Short || v instanceof Character) {
            return 3;
        }
        if (v instanceof Byte) {
            return 2;
        }
        byte[] b = (byte[]) v;
        return 1 + WireWriter.varintSize(b.length) + b.length;
    }

    private static void writeValue(WireWriter out, Object v) {
        if (v == null) {
            out.u8(TAG_NULL);
        } else if (v instanceof String s) {
            out.u8(TAG_STRING);
            out.string(s);
        } else if (v instanceof Integer i) {
            out.u8(TAG_INT);
            out.zigzagInt(i);
        } else if (v instanceof Long l) {
            out.u8(TAG_LONG);
            out.zigzagLong(l);
        } else if (v instanceof Boolean b) {
            out.u8(b ? TAG_TRUE : TAG_FALSE);
        } else if (v instanceof Double d) {
            out.u8(TAG_DOUBLE);
            out.fixed64(Double.doubleToRawLongBits(d));
        } else if (v instanceof Float f) {
            out.u8(TAG_FLOAT);
            out.fixed32(Float.floatToRawIntBits(f));
        } else if (v instanceof Short s) {
            out.u8(TAG_SHORT);
            out.fixed16(s);
        } else if (v instanceof Character c) {
            out.u8(TAG_CHAR);
            out.fixed16(c);
        } else if (v instanceof Byte b) {
            out.u8(TAG_BYTE);
            out.u8(b);
        } else {
            // The setters admit nothing else, so any other type is a bug in this package.
            byte[] b = (byte[]) v;
            out.u8(TAG_BYTES);
            out.varint(b.length);
            out.bytes(b, 0, b.length);
        }
    }

    // ---------------------------------------------------------------- decoding

    /**
     * The message stored as {@code headers} and {@code body}. The result is in the state of a message
     * being sent (properties and body writable); the consumer then calls
     * {@link DepotMessage#markReceived(boolean, int)}.
     *
     * @param headers a header blob written by {@link #encodeHeaders}
     * @param body    the body blob, or null for no body or when only the headers are needed (for
     *                selector evaluation); it can be attached later with {@link #attachBody}
     * @return a new message of the stored type
     * @throws MessageFormatException if the blob has a format version this build does not read, or is
     *                                truncated or corrupt
     */
    public static DepotMessage decode(byte[] headers, byte[] body) throws JMSException {
        if (headers == null || headers.length == 0) {
            throw new MessageFormatException("Empty Depot message header blob");
        }
        int version = headers[0] & 0xFF;
        if (version != FORMAT_VERSION) {
            throw new MessageFormatException("Unsupported Depot message format version " + version
                    + "; this version of Depot reads format version " + FORMAT_VERSION
                    + " (was the message written by a newer Depot?)");
        }
        WireReader in = new WireReader(headers, 1, "headers");
        int typeCode = in.u8();
        DepotMessage m = switch (typeCode) {
            case TYPE_MESSAGE -> new DepotMessage();
            case TYPE_TEXT -> new DepotTextMessage();
            case TYPE_BYTES -> new DepotBytesMessage();
            case TYPE_MAP -> new DepotMapMessage();
            case TYPE_OBJECT -> new DepotObjectMessage();
            case TYPE_STREAM -> new DepotStreamMessage();
            default -> throw in.corrupt("unknown message type " + typeCode);
        };
        m.messageId = in.string();
        m.timestamp = in.zigzagLong();
        int correlation = in.u8();
        switch (correlation) {
            case CORRELATION_NONE -> { }
            case CORRELATION_STRING -> m.correlationId = in.string();
            case CORRELATION_BYTES -> m.correlationIdBytes = in.bytes(in.length());
            default -> throw in.corrupt("unknown correlation ID form " + correlation);
        }
        m.replyTo = destination(in, in.string());
        m.destination = destination(in, in.string());
        m.type = in.string();
        m.deliveryMode = in.zigzagInt();
        m.priority = in.zigzagInt();
        m.expiration = in.zigzagLong();
        m.deliveryTime = in.zigzagLong();
        for (int i = 0, count = in.length(); i < count; i++) {
            String name = in.string();
            if (name == null) {
                throw in.corrupt("null property name");
            }
            Object value = readValue(in);
            if (value instanceof Character || value instanceof byte[]) {
                throw in.corrupt("property '" + name + "' has body-only type " + Values.typeName(value));
            }
            m.putProperty(name, value);
        }
        in.expectEnd();
        if (body != null) {
            attachBody(m, body);
        }
        return m;
    }

    private static Destination destination(WireReader in, String uri) throws MessageFormatException {
        if (uri == null) {
            return null;
        }
        try {
            return DepotDestination.fromUri(uri);
        } catch (IllegalArgumentException e) {
            throw in.corrupt(e.getMessage());
        }
    }

    /**
     * Gives a message decoded from its headers alone the body stored with it, replacing whatever body it
     * had; null attaches "no body". The body keeps its mode: a message already marked received stays
     * read-only, with Bytes and Stream positioned at the start.
     *
     * @param message a message returned by {@link #decode}
     * @param body    the body blob stored with its headers, or null
     * @throws MessageFormatException if the blob is corrupt, or a plain Message is given a non-empty body
     */
    public static void attachBody(DepotMessage message, byte[] body) throws JMSException {
        if (message instanceof DepotTextMessage text) {
            text.text = body == null ? null : new String(body, StandardCharsets.UTF_8);
        } else if (message instanceof DepotBytesMessage bytes) {
            bytes.attachBody(body == null ? new byte[0] : body);
        } else if (message instanceof DepotMapMessage map) {
            map.clearBodyContent();
            if (body != null) {
                WireReader in = new WireReader(body, 0, "map body");
                for (int i = 0, count = in.length(); i < count; i++) {
                    String name = in.string();
                    if (name == null || name.isEmpty()) {
                        throw in.corrupt("null or empty map item name");
                    }
                    map.map.put(name, readValue(in));
                }
                in.expectEnd();
            }
        } else if (message instanceof DepotStreamMessage stream) {
            stream.clearBodyContent();
            if (body != null) {
                WireReader in = new WireReader(body, 0, "stream body");
                for (int i = 0, count = in.length(); i < count; i++) {
                    stream.fields.add(readValue(in));
                }
                in.expectEnd();
            }
        } else if (message instanceof DepotObjectMessage object) {
            object.serialized = body;
        } else if (body != null && body.length > 0) {
            throw new MessageFormatException("A plain Message has no body, but " + body.length + " body bytes were given");
        }
    }

    private static Object readValue(WireReader in) throws MessageFormatException {
        int tag = in.u8();
        return switch (tag) {
            case TAG_NULL -> null;
            case TAG_FALSE -> Boolean.FALSE;
            case TAG_TRUE -> Boolean.TRUE;
            case TAG_BYTE -> (byte) in.u8();
            case TAG_SHORT -> (short) in.fixed16();
            case TAG_CHAR -> (char) in.fixed16();
            case TAG_INT -> in.zigzagInt();
            case TAG_LONG -> in.zigzagLong();
            case TAG_FLOAT -> Float.intBitsToFloat(in.fixed32());
            case TAG_DOUBLE -> Double.longBitsToDouble(in.fixed64());
            case TAG_STRING -> {
                String s = in.string();
                if (s == null) {
                    throw in.corrupt("String value in null form");
                }
                yield s;
            }
            case TAG_BYTES -> in.bytes(in.length());
            default -> throw in.corrupt("unknown value tag " + tag);
        };
    }
}
