package dev.depot.jms.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.depot.jms.DepotDestination;
import dev.depot.jms.DepotQueue;
import dev.depot.jms.DepotTopic;
import jakarta.jms.DeliveryMode;
import jakarta.jms.Destination;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSException;
import jakarta.jms.MessageFormatException;
import jakarta.jms.MessageNotReadableException;
import jakarta.jms.MessageNotWriteableException;
import jakarta.jms.Queue;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MessageCodecTest {

    private static final String BIG = "x\u00e9\u4e2d\uD83D\uDE00".repeat(7000) + "end"; // ~70 KiB of UTF-8
    private static final String UNICODE = "\u0000 caf\u00e9 \u4e2d\u6587 \uD83D\uDE00\uD800\uDC00 \u05e9\u05dc\u05d5\u05dd";

    private static final Map<String, Object> EVERY_PROPERTY_TYPE = everyPropertyType();

    private static Map<String, Object> everyPropertyType() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("bTrue", true);
        p.put("bFalse", false);
        p.put("aByte", Byte.MIN_VALUE);
        p.put("aShort", Short.MIN_VALUE);
        p.put("anInt", Integer.MIN_VALUE);
        p.put("smallInt", -1);
        p.put("aLong", Long.MAX_VALUE);
        p.put("aFloat", Float.NaN);
        p.put("negZero", -0.0f);
        p.put("aDouble", Double.MIN_VALUE);
        p.put("infinity", Double.NEGATIVE_INFINITY);
        p.put("aString", UNICODE);
        p.put("emptyString", "");
        p.put("nullString", null);
        p.put("bigString", BIG);
        p.put("JMSXGroupID", "group");
        p.put("JMSXGroupSeq", 3);
        p.put("\u00e9t\u00e9", "unicode name");
        return p;
    }

    private static <T extends DepotMessage> T withEverything(T m) throws JMSException {
        m.setJMSMessageID("ID:" + UNICODE);
        m.setJMSTimestamp(1_700_000_000_123L);
        m.setJMSCorrelationID("corr-" + BIG);
        m.setJMSReplyTo(new DepotQueue("replies"));
        m.setJMSDestination(new DepotTopic("prices.\u00e9"));
        m.setJMSDeliveryMode(DeliveryMode.NON_PERSISTENT);
        m.setJMSType("type/" + UNICODE);
        m.setJMSExpiration(Long.MAX_VALUE);
        m.setJMSDeliveryTime(Long.MIN_VALUE);
        m.setJMSPriority(9);
        for (Map.Entry<String, Object> e : EVERY_PROPERTY_TYPE.entrySet()) {
            m.setObjectProperty(e.getKey(), e.getValue());
        }
        return m;
    }

    private static DepotMessage roundTrip(DepotMessage m) throws JMSException {
        return MessageCodec.decode(MessageCodec.encodeHeaders(m), MessageCodec.encodeBody(m));
    }

    static void assertSameHeadersAndProperties(DepotMessage decoded, DepotMessage original) throws JMSException {
        assertThat(decoded.getJMSMessageID()).isEqualTo(original.getJMSMessageID());
        assertThat(decoded.getJMSTimestamp()).isEqualTo(original.getJMSTimestamp());
        assertThat(decoded.getJMSCorrelationID()).isEqualTo(original.getJMSCorrelationID());
        assertThat(decoded.getJMSCorrelationIDAsBytes()).isEqualTo(original.getJMSCorrelationIDAsBytes());
        assertThat(decoded.getJMSReplyTo()).isEqualTo(original.getJMSReplyTo());
        assertThat(decoded.getJMSDestination()).isEqualTo(original.getJMSDestination());
        assertThat(decoded.getJMSDeliveryMode()).isEqualTo(original.getJMSDeliveryMode());
        assertThat(decoded.getJMSType()).isEqualTo(original.getJMSType());
        assertThat(decoded.getJMSExpiration()).isEqualTo(original.getJMSExpiration());
        assertThat(decoded.getJMSDeliveryTime()).isEqualTo(original.getJMSDeliveryTime());
        assertThat(decoded.getJMSPriority()).isEqualTo(original.getJMSPriority());
        List<String> names = Collections.list(original.getPropertyNames());
        assertThat(Collections.list(decoded.getPropertyNames())).containsExactlyInAnyOrderElementsOf(names);
        for (String name : names) {
            Object expected = original.getObjectProperty(name);
            Object actual = decoded.getObjectProperty(name);
            assertThat(actual).as(name).isEqualTo(expected);
            if (expected != null) {
                assertThat(actual).as(name).hasSameClassAs(expected);
            }
        }
    }

    // ---------------------------------------------------------------- round trips per type

    @Test
    void plainMessageRoundTripsEveryHeaderAndPropertyType() throws JMSException {
        DepotMessage m = withEverything(new DepotMessage());
        assertThat(MessageCodec.encodeBody(m)).isNull();
        DepotMessage decoded = roundTrip(m);
        assertThat(decoded).isExactlyInstanceOf(DepotMessage.class);
        assertSameHeadersAndProperties(decoded, m);
        assertThat(Float.floatToRawIntBits(decoded.getFloatProperty("negZero")))
                .isEqualTo(Float.floatToRawIntBits(-0.0f));
        assertThat(decoded.getFloatProperty("aFloat")).isNaN();
    }

    @Test
    void textMessageRoundTrips() throws JMSException {
        for (String text : new String[] {"plain", UNICODE, BIG, ""}) {
            DepotTextMessage m = withEverything(new DepotTextMessage(text));
            DepotMessage decoded = roundTrip(m);
            assertThat(decoded).isExactlyInstanceOf(DepotTextMessage.class);
            assertThat(((DepotTextMessage) decoded).getText()).isEqualTo(text);
            assertSameHeadersAndProperties(decoded, m);
        }
    }

    @Test
    void nullAndEmptyTextStayDistinct() throws JMSException {
        DepotTextMessage nullText = new DepotTextMessage();
        DepotTextMessage emptyText = new DepotTextMessage("");
        assertThat(MessageCodec.encodeBody(nullText)).isNull();
        assertThat(MessageCodec.encodeBody(emptyText)).isEmpty();
        assertThat(((DepotTextMessage) roundTrip(nullText)).getText()).isNull();
        assertThat(((DepotTextMessage) roundTrip(emptyText)).getText()).isEmpty();
    }

    @Test
    void bytesMessageRoundTripsAndIsReadableAfterMarkReceived() throws JMSException {
        DepotBytesMessage m = withEverything(new DepotBytesMessage());
        m.writeInt(42);
        m.writeUTF(UNICODE);
        m.writeBytes(BIG.getBytes(StandardCharsets.UTF_8));
        DepotBytesMessage decoded = (DepotBytesMessage) roundTrip(m);
        assertSameHeadersAndProperties(decoded, m);
        decoded.markReceived(false, 1);
        assertThat(decoded.readInt()).isEqualTo(42);
        assertThat(decoded.readUTF()).isEqualTo(UNICODE);
        byte[] rest = new byte[(int) decoded.getBodyLength()];
        int n = decoded.readBytes(rest);
        assertThat(new String(rest, 0, n, StandardCharsets.UTF_8)).isEqualTo(BIG);
    }

    @Test
    void emptyBytesMessageHasNoBodyBlob() throws JMSException {
        DepotBytesMessage m = new DepotBytesMessage();
        assertThat(MessageCodec.encodeBody(m)).isNull();
        DepotBytesMessage decoded = (DepotBytesMessage) roundTrip(m);
        decoded.markReceived(false, 1);
        assertThat(decoded.getBodyLength()).isZero();
        assertThat(decoded.readBytes(new byte[1])).isEqualTo(-1);
    }

    @Test
    void mapMessageRoundTripsEveryValueType() throws JMSException {
        DepotMapMessage m = withEverything(new DepotMapMessage());
        Map<String, Object> values = new LinkedHashMap<>(EVERY_PROPERTY_TYPE);
        values.put("aChar", '\uD83D');
        values.put("bytes", new byte[] {0, -1, 127});
        values.put("emptyBytes", new byte[0]);
        values.put("name with spaces and NULL", 1);
        for (Map.Entry<String, Object> e : values.entrySet()) {
            m.setObject(e.getKey(), e.getValue());
        }
        DepotMapMessage decoded = (DepotMapMessage) roundTrip(m);
        assertSameHeadersAndProperties(decoded, m);
        assertThat(Collections.list(decoded.getMapNames())).containsExactlyInAnyOrderElementsOf(values.keySet());
        for (Map.Entry<String, Object> e : values.entrySet()) {
            Object actual = decoded.getObject(e.getKey());
            assertThat(actual).as(e.getKey()).isEqualTo(e.getValue());
            if (e.getValue() != null) {
                assertThat(actual).hasSameClassAs(e.getValue());
            }
        }
    }

    @Test
    void emptyMapMessageHasNoBodyBlob() throws JMSException {
        DepotMapMessage m = new DepotMapMessage();
        assertThat(MessageCodec.encodeBody(m)).isNull();
        assertThat(((DepotMapMessage) roundTrip(m)).getMapNames().hasMoreElements()).isFalse();
    }

    @Test
    void streamMessageRoundTripsEveryValueTypeInOrder() throws JMSException {
        DepotStreamMessage m = withEverything(new DepotStreamMessage());
        List<Object> values = new ArrayList<>(EVERY_PROPERTY_TYPE.values());
        values.add('c');
        values.add(new byte[] {1, 2, 3});
        values.add(new byte[0]);
        values.add(null);
        for (Object v : values) {
            m.writeObject(v);
        }
        DepotStreamMessage decoded = (DepotStreamMessage) roundTrip(m);
        assertSameHeadersAndProperties(decoded, m);
        decoded.markReceived(false, 1);
        for (Object v : values) {
            Object actual = decoded.readObject();
            assertThat(actual).isEqualTo(v);
            if (v != null) {
                assertThat(actual).hasSameClassAs(v);
            }
        }
        assertThatThrownBy(decoded::readObject).isInstanceOf(jakarta.jms.MessageEOFException.class);
    }

    @Test
    void emptyStreamMessageHasNoBodyBlob() throws JMSException {
        DepotStreamMessage m = new DepotStreamMessage();
        assertThat(MessageCodec.encodeBody(m)).isNull();
        DepotStreamMessage decoded = (DepotStreamMessage) roundTrip(m);
        decoded.reset();
        assertThatThrownBy(decoded::readObject).isInstanceOf(jakarta.jms.MessageEOFException.class);
    }

    @Test
    void objectMessageRoundTrips() throws JMSException {
        HashMap<String, List<String>> object = new HashMap<>();
        object.put("k", List.of(UNICODE, BIG));
        DepotObjectMessage m = withEverything(new DepotObjectMessage(object));
        DepotObjectMessage decoded = (DepotObjectMessage) roundTrip(m);
        assertSameHeadersAndProperties(decoded, m);
        assertThat(decoded.getObject()).isEqualTo(object);
        assertThat(((DepotObjectMessage) roundTrip(new DepotObjectMessage())).getObject()).isNull();
    }

    // ---------------------------------------------------------------- headers

    @Test
    void messageWithAllHeadersNullRoundTrips() throws JMSException {
        DepotMessage m = new DepotMessage();
        DepotMessage decoded = roundTrip(m);
        assertSameHeadersAndProperties(decoded, m);
        assertThat(decoded.getJMSCorrelationIDAsBytes()).isNull();
        assertThat(decoded.getJMSReplyTo()).isNull();
        assertThat(decoded.getPropertyNames().hasMoreElements()).isFalse();
    }

    @Test
    void byteCorrelationIdKeepsItsExactBytes() throws JMSException {
        DepotMessage m = new DepotMessage();
        byte[] id = {(byte) 0xFF, 0, (byte) 0xC3, 0x28};
        m.setJMSCorrelationIDAsBytes(id);
        assertThat(roundTrip(m).getJMSCorrelationIDAsBytes()).containsExactly(id);
    }

    @Test
    void unusualHeaderValuesSurvive() throws JMSException {
        DepotMessage m = new DepotMessage();
        m.setJMSPriority(-1);
        m.setJMSDeliveryMode(Integer.MAX_VALUE);
        m.setJMSTimestamp(-1);
        m.setJMSExpiration(Long.MIN_VALUE);
        DepotMessage decoded = roundTrip(m);
        assertThat(decoded.getJMSPriority()).isEqualTo(-1);
        assertThat(decoded.getJMSDeliveryMode()).isEqualTo(Integer.MAX_VALUE);
        assertThat(decoded.getJMSTimestamp()).isEqualTo(-1);
        assertThat(decoded.getJMSExpiration()).isEqualTo(Long.MIN_VALUE);
    }

    @Test
    void everyKindOfDestinationRoundTrips() throws JMSException {
        for (String uri : List.of("queue://q", "topic://t", "temp-queue://tq-1", "temp-topic://tt-1", "queue://")) {
            DepotDestination d = DepotDestination.fromUri(uri);
            DepotMessage m = new DepotMessage();
            m.setJMSReplyTo(d);
            m.setJMSDestination(d);
            DepotMessage decoded = roundTrip(m);
            assertThat(decoded.getJMSReplyTo()).isEqualTo(d);
            assertThat(((DepotDestination) decoded.getJMSDestination()).toUri()).isEqualTo(uri);
        }
    }

    @Test
    void foreignQueueIsStoredByName() throws JMSException {
        Queue foreign = (Queue) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Queue.class},
                (proxy, method, args) -> method.getName().equals("getQueueName") ? "elsewhere" : null);
        DepotMessage m = new DepotMessage();
        m.setJMSReplyTo(foreign);
        assertThat(roundTrip(m).getJMSReplyTo()).isEqualTo(new DepotQueue("elsewhere"));
    }

    @Test
    void destinationThatIsNeitherQueueNorTopicCannotBeEncoded() {
        Destination odd = (Destination) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {Destination.class}, (proxy, method, args) -> null);
        DepotMessage m = new DepotMessage();
        m.setJMSReplyTo(odd);
        assertThatThrownBy(() -> MessageCodec.encodeHeaders(m)).isInstanceOf(InvalidDestinationException.class);
    }

    @Test
    void deliveryStateIsNotEncoded() throws JMSException {
        DepotMessage m = new DepotMessage();
        m.setIntProperty("app", 1);
        m.markReceived(true, 4);
        DepotMessage decoded = roundTrip(m);
        assertThat(decoded.getJMSRedelivered()).isFalse();
        assertThat(decoded.propertyExists("JMSXDeliveryCount")).isFalse();
        assertThat(Collections.list(decoded.getPropertyNames())).containsExactly("app");
    }

    // ---------------------------------------------------------------- state after decode and encode

    @Test
    void decodedMessageIsWritableUntilMarkedReceived() throws JMSException {
        DepotTextMessage m = new DepotTextMessage("t");
        m.setIntProperty("p", 1);
        DepotTextMessage decoded = (DepotTextMessage) roundTrip(m);
        decoded.setIntProperty("q", 2);
        decoded.markReceived(false, 1);
        assertThatThrownBy(() -> decoded.setIntProperty("r", 3)).isInstanceOf(MessageNotWriteableException.class);
        assertThatThrownBy(() -> decoded.setText("x")).isInstanceOf(MessageNotWriteableException.class);
    }

    @Test
    void encodingDoesNotChangeTheMessageState() throws JMSException {
        DepotBytesMessage bytes = new DepotBytesMessage();
        bytes.writeInt(1);
        MessageCodec.encodeBody(bytes);
        bytes.writeInt(2); // still write-only
        assertThatThrownBy(bytes::readInt).isInstanceOf(MessageNotReadableException.class);

        DepotStreamMessage stream = new DepotStreamMessage();
        stream.writeInt(1);
        stream.writeInt(2);
        stream.reset();
        stream.readInt();
        MessageCodec.encodeHeaders(stream);
        MessageCodec.encodeBody(stream);
        assertThat(stream.readInt()).isEqualTo(2);
    }

    @Test
    void laterChangesToTheSentMessageDoNotReachTheEncodedBlob() throws JMSException {
        DepotBytesMessage m = new DepotBytesMessage();
        byte[] first = new byte[64]; // exactly fills the first buffer, so the blob may share it
        Arrays.fill(first, (byte) 1);
        m.writeBytes(first);
        byte[] headers = MessageCodec.encodeHeaders(m);
        byte[] blob = MessageCodec.encodeBody(m);
        m.writeByte((byte) 2);
        m.clearBody();
        byte[] other = new byte[64];
        Arrays.fill(other, (byte) 3);
        m.writeBytes(other);
        assertThat(blob).containsOnly((byte) 1).hasSize(64);
        DepotBytesMessage decoded = (DepotBytesMessage) MessageCodec.decode(headers, blob);
        assertThat(decoded.getBody(byte[].class)).isEqualTo(first);

        DepotMapMessage map = new DepotMapMessage();
        map.setInt("a", 1);
        byte[] mapBlob = MessageCodec.encodeBody(map);
        map.setInt("a", 2);
        DepotMapMessage decodedMap = (DepotMapMessage) MessageCodec.decode(MessageCodec.encodeHeaders(map), mapBlob);
        assertThat(decodedMap.getInt("a")).isEqualTo(1);
    }

    // ---------------------------------------------------------------- header-only decoding

    @Test
    void headersDecodeWithoutTheBodyAndTheBodyAttachesLater() throws JMSException {
        DepotStreamMessage m = withEverything(new DepotStreamMessage());
        m.writeString("field");
        byte[] headers = MessageCodec.encodeHeaders(m);
        byte[] body = MessageCodec.encodeBody(m);

        DepotStreamMessage headerOnly = (DepotStreamMessage) MessageCodec.decode(headers, null);
        assertSameHeadersAndProperties(headerOnly, m);
        assertThat(headerOnly.getStringProperty("JMSXGroupID")).isEqualTo("group");
        headerOnly.markReceived(true, 2);
        MessageCodec.attachBody(headerOnly, body);
        assertThat(headerOnly.readString()).isEqualTo("field");
        assertThatThrownBy(() -> headerOnly.writeInt(1)).isInstanceOf(MessageNotWriteableException.class);
    }

    @Test
    void bytesBodyAttachedAfterReceiptIsReadFromTheStart() throws JMSException {
        DepotBytesMessage m = new DepotBytesMessage();
        m.writeLong(7);
        DepotBytesMessage decoded = (DepotBytesMessage) MessageCodec.decode(MessageCodec.encodeHeaders(m), null);
        decoded.markReceived(false, 1);
        assertThat(decoded.getBodyLength()).isZero();
        MessageCodec.attachBody(decoded, MessageCodec.encodeBody(m));
        assertThat(decoded.getBodyLength()).isEqualTo(8);
        assertThat(decoded.readLong()).isEqualTo(7);
    }

    @Test
    void plainMessageRefusesABody() throws JMSException {
        byte[] headers = MessageCodec.encodeHeaders(new DepotMessage());
        assertThat(MessageCodec.decode(headers, new byte[0])).isExactlyInstanceOf(DepotMessage.class);
        assertThatThrownBy(() -> MessageCodec.decode(headers, new byte[] {1}))
                .isInstanceOf(MessageFormatException.class);
    }

    // ---------------------------------------------------------------- sizes

    @Test
    void bodySizeIsExactlyTheEncodedLength() throws JMSException {
        List<DepotMessage> messages = new ArrayList<>();
        messages.add(new DepotMessage());
        messages.add(new DepotTextMessage(UNICODE + BIG + "\uD800 lone"));
        messages.add(new DepotTextMessage(""));
        DepotBytesMessage bytes = new DepotBytesMessage();
        bytes.writeBytes(new byte[1000]);
        messages.add(bytes);
        DepotMapMessage map = new DepotMapMessage();
        DepotStreamMessage stream = new DepotStreamMessage();
        for (Map.Entry<String, Object> e : EVERY_PROPERTY_TYPE.entrySet()) {
            map.setObject(e.getKey(), e.getValue());
            stream.writeObject(e.getValue());
        }
        map.setBytes("b", new byte[300]);
        stream.writeBytes(new byte[300]);
        stream.writeChar('c');
        messages.add(map);
        messages.add(stream);
        messages.add(new DepotObjectMessage(UNICODE));
        for (DepotMessage m : messages) {
            byte[] body = MessageCodec.encodeBody(m);
            assertThat(MessageCodec.bodySize(m)).as(m.getClass().getSimpleName())
                    .isEqualTo(body == null ? 0 : body.length);
        }
    }

    @Test
    void loneSurrogatesAreWrittenAsQuestionMarksLikeTheJdk() throws JMSException {
        String lone = "a\uD800b\uDC00c\uD83D";
        DepotMessage m = new DepotMessage();
        m.setStringProperty("p", lone);
        DepotTextMessage t = new DepotTextMessage(lone);
        String jdk = new String(lone.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
        assertThat(roundTrip(m).getStringProperty("p")).isEqualTo(jdk).isEqualTo("a?b?c?");
        assertThat(((DepotTextMessage) roundTrip(t)).getText()).isEqualTo(jdk);
    }

    // ---------------------------------------------------------------- bad input

    @ParameterizedTest
    @ValueSource(ints = {0, 2, 127, 255})
    void unknownVersionByteIsRejectedClearly(int version) throws JMSException {
        byte[] headers = MessageCodec.encodeHeaders(new DepotTextMessage("t"));
        assertThat(headers[0]).isEqualTo((byte) MessageCodec.FORMAT_VERSION);
        headers[0] = (byte) version;
        assertThatThrownBy(() -> MessageCodec.decode(headers, null))
                .isInstanceOf(MessageFormatException.class)
                .hasMessageContaining("format version " + version);
    }

    @Test
    void emptyOrMissingHeaderBlobIsRejected() {
        assertThatThrownBy(() -> MessageCodec.decode(new byte[0], null)).isInstanceOf(MessageFormatException.class);
        assertThatThrownBy(() -> MessageCodec.decode(null, null)).isInstanceOf(MessageFormatException.class);
    }

    @Test
    void everyTruncationOfAHeaderBlobIsAFormatError() throws JMSException {
        byte[] headers = MessageCodec.encodeHeaders(withEverything(new DepotMapMessage()));
        for (int length = 1; length < headers.length; length += length < 200 ? 1 : 997) {
            byte[] cut = Arrays.copyOf(headers, length);
            assertThatThrownBy(() -> MessageCodec.decode(cut, null)).as("length %d", length)
                    .isInstanceOf(MessageFormatException.class);
        }
    }

    @Test
    void trailingBytesAndUnknownCodesAreFormatErrors() throws JMSException {
        byte[] headers = MessageCodec.encodeHeaders(new DepotMessage());
        byte[] longer = Arrays.copyOf(headers, headers.length + 1);
        assertThatThrownBy(() -> MessageCodec.decode(longer, null)).isInstanceOf(MessageFormatException.class);

        byte[] badType = headers.clone();
        badType[1] = 6;
        assertThatThrownBy(() -> MessageCodec.decode(badType, null))
                .isInstanceOf(MessageFormatException.class).hasMessageContaining("type 6");
    }

    @Test
    void everyTruncationOfAMapOrStreamBodyIsAFormatError() throws JMSException {
        DepotMapMessage map = new DepotMapMessage();
        DepotStreamMessage stream = new DepotStreamMessage();
        for (Map.Entry<String, Object> e : EVERY_PROPERTY_TYPE.entrySet()) {
            map.setObject(e.getKey(), e.getValue());
            stream.writeObject(e.getValue());
        }
        for (DepotMessage m : List.of(map, stream)) {
            byte[] headers = MessageCodec.encodeHeaders(m);
            byte[] body = MessageCodec.encodeBody(m);
            for (int length = 0; length < body.length; length += length < 200 ? 1 : 997) {
                byte[] cut = Arrays.copyOf(body, length);
                assertThatThrownBy(() -> MessageCodec.decode(headers, cut)).as("length %d", length)
                        .isInstanceOf(MessageFormatException.class);
            }
        }
    }

    @Test
    void corruptDestinationIsAFormatError() throws JMSException {
        DepotMessage m = new DepotMessage();
        m.setJMSDestination(new DepotQueue("abcd"));
        byte[] good = MessageCodec.encodeHeaders(m);
        // same length, so every length prefix stays valid and only the URI scheme is wrong
        String latin = new String(good, StandardCharsets.ISO_8859_1).replace("queue://abcd", "bogus://abcd");
        byte[] bad = latin.getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> MessageCodec.decode(bad, null))
                .isInstanceOf(MessageFormatException.class).hasMessageContaining("bogus://abcd");
    }
}
