package dev.depot.jms.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.jms.BytesMessage;
import jakarta.jms.JMSException;
import jakarta.jms.MessageEOFException;
import jakarta.jms.MessageFormatException;
import jakarta.jms.MessageNotReadableException;
import jakarta.jms.MessageNotWriteableException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

class BytesMessageTest {

    interface BodyOp {
        void apply(BytesMessage m) throws JMSException;
    }

    private static final List<BodyOp> READS = List.of(
            BytesMessage::getBodyLength, BytesMessage::readBoolean, BytesMessage::readByte,
            BytesMessage::readUnsignedByte, BytesMessage::readShort, BytesMessage::readUnsignedShort,
            BytesMessage::readChar, BytesMessage::readInt, BytesMessage::readLong, BytesMessage::readFloat,
            BytesMessage::readDouble, BytesMessage::readUTF, m -> m.readBytes(new byte[2]),
            m -> m.readBytes(new byte[2], 1));

    private static final List<BodyOp> WRITES = List.of(
            m -> m.writeBoolean(true), m -> m.writeByte((byte) 1), m -> m.writeShort((short) 1),
            m -> m.writeChar('c'), m -> m.writeInt(1), m -> m.writeLong(1L), m -> m.writeFloat(1f),
            m -> m.writeDouble(1d), m -> m.writeUTF("u"), m -> m.writeBytes(new byte[] {1}),
            m -> m.writeBytes(new byte[] {1, 2}, 1, 1), m -> m.writeObject(1));

    @Test
    void everyPrimitiveRoundTrips() throws JMSException {
        DepotBytesMessage m = new DepotBytesMessage();
        m.writeBoolean(true);
        m.writeBoolean(false);
        m.writeByte((byte) -5);
        m.writeShort((short) -30000);
        m.writeChar('\u20ac');
        m.writeInt(Integer.MIN_VALUE);
        m.writeLong(Long.MAX_VALUE - 1);
        m.writeFloat(-1.25f);
        m.writeDouble(Math.PI);
        m.writeUTF("h\u00e9llo \uD83D\uDE00 \u0000");
        m.writeBytes(new byte[] {9, 8, 7});
        m.writeBytes(new byte[] {1, 2, 3, 4, 5}, 1, 3);
        m.reset();

        assertThat(m.readBoolean()).isTrue();
        assertThat(m.readBoolean()).isFalse();
        assertThat(m.readByte()).isEqualTo((byte) -5);
        assertThat(m.readShort()).isEqualTo((short) -30000);
        assertThat(m.readChar()).isEqualTo('\u20ac');
        assertThat(m.readInt()).isEqualTo(Integer.MIN_VALUE);
        assertThat(m.readLong()).isEqualTo(Long.MAX_VALUE - 1);
        assertThat(m.readFloat()).isEqualTo(-1.25f);
        assertThat(m.readDouble()).isEqualTo(Math.PI);
        assertThat(m.readUTF()).isEqualTo("h\u00e9llo \uD83D\uDE00 \u0000");
        byte[] buf = new byte[6];
        assertThat(m.readBytes(buf)).isEqualTo(6);
        assertThat(buf).containsExactly(9, 8, 7, 2, 3, 4);
        assertThat(m.readBytes(buf)).isEqualTo(-1);
    }

    @Test
    void layoutIsBigEndianLikeDataOutputStream() throws Exception {
        DepotBytesMessage m = new DepotBytesMessage();
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(expected);
        m.writeShort((short) 0x1234);
        out.writeShort(0x1234);
        m.writeInt(0xCAFEBABE);
        out.writeInt(0xCAFEBABE);
        m.writeLong(0x0102030405060708L);
        out.writeLong(0x0102030405060708L);
        m.writeFloat(3.5f);
        out.writeFloat(3.5f);
        m.writeDouble(-0.0);
        out.writeDouble(-0.0);
        m.writeChar('Z');
        out.writeChar('Z');
        m.writeBoolean(true);
        out.writeBoolean(true);
        String tricky = "nul\u0000 \u00ff \u0800 \uD83D\uDE00";
        m.writeUTF(tricky);
        out.writeUTF(tricky);
        assertThat(m.getBody(byte[].class)).isEqualTo(expected.toByteArray());
    }

    @Test
    void readUtfReadsWhatDataOutputStreamWrote() throws Exception {
        String tricky = "a\u0000\u07ff\u0800\uffff\uD83D\uDE00";
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new DataOutputStream(bytes).writeUTF(tricky);
        DepotBytesMessage m = new DepotBytesMessage();
        m.writeBytes(bytes.toByteArray());
        m.reset();
        assertThat(m.readUTF()).isEqualTo(tricky);
    }

    @Test
    void writeUtfOutputIsReadableByDataInputStream() throws JMSException, IOException {
        DepotBytesMessage m = new DepotBytesMessage();
        m.writeUTF("\u0000x\uD800");
        byte[] body = m.getBody(byte[].class);
        assertThat(new DataInputStream(new ByteArrayInputStream(body)).readUTF()).isEqualTo("\u0000x\uD800");
    }

    @Test
    void writeUtfOver65535EncodedBytesIsRejectedAndWritesNothing() throws JMSException {
        DepotBytesMessage m = new DepotBytesMessage();
        assertThatThrownBy(() -> m.writeUTF("\u00e9".repeat(32768))).isInstanceOf(MessageFormatException.class);
        m.writeUTF("a".repeat(65535));
        m.reset();
        assertThat(m.getBodyLength()).isEqualTo(65537);
    }

    @Test
    void unsignedReadsOfNegativeValues() throws JMSException {
        DepotBytesMessage m = new DepotBytesMessage();
        m.writeByte((byte) -1);
        m.writeShort((short) -2);
        m.reset();
        assertThat(m.readUnsignedByte()).isEqualTo(255);
        assertThat(m.readUnsignedShort()).isEqualTo(65534);
    }

    @Test
    void writeObjectWritesEachAllowedTypeLikeItsTypedMethod() throws JMSException {
        DepotBytesMessage viaObject = new DepotBytesMessage();
        DepotBytesMessage typed = new DepotBytesMessage();
        for (Object o : List.of(true, (byte) 1, (short) 2, 'c', 3, 4L, 5f, 6d, "s", new byte[] {7, 8})) {
            viaObject.writeObject(o);
        }
        typed.writeBoolean(true);
        typed.writeByte((byte) 1);
        typed.writeShort((short) 2);
        typed.writeChar('c');
        typed.writeInt(3);
        typed.writeLong(4L);
        typed.writeFloat(5f);
        typed.writeDouble(6d);
        typed.writeUTF("s");
        typed.writeBytes(new byte[] {7, 8});
        assertThat(viaObject.getBody(byte[].class)).isEqualTo(typed.getBody(byte[].class));
    }

    @Test
    void writeObjectRejectsNullAndOtherTypes() {
        DepotBytesMessage m = new DepotBytesMessage();
        assertThatThrownBy(() -> m.writeObject(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> m.writeObject(BigInteger.ONE)).isInstanceOf(MessageFormatException.class);
        assertThatThrownBy(() -> m.writeObject(new Object())).isInstanceOf(MessageFormatException.class);
        assertThat(m.bodyLength()).isZero();
    }

    @Test
    void everyReadFailsInWriteOnlyMode() {
        DepotBytesMessage m = new DepotBytesMessage();
        for (BodyOp read : READS) {
            assertThatThrownBy(() -> read.apply(m)).isInstanceOf(MessageNotReadableException.class);
        }
    }

    @Test
    void everyWriteFailsInReadOnlyMode() throws JMSException {
        DepotBytesMessage m = new DepotBytesMessage();
        m.writeInt(1);
        m.reset();
        for (BodyOp write : WRITES) {
            assertThatThrownBy(() -> write.apply(m)).isInstanceOf(MessageNotWriteableException.class);
        }
        assertThat(m.getBodyLength()).isEqualTo(4);
    }

    @Test
    void receivedMessageIsInReadModeAtTheStart() throws JMSException {
        DepotBytesMessage m = new DepotBytesMessage();
        m.writeInt(42);
        m.markReceived(false, 1);
        assertThat(m.readInt()).isEqualTo(42);
        assertThatThrownBy(() -> m.writeInt(1)).isInstanceOf(MessageNotWriteableException.class);
    }

    @Test
    void readingPastTheEndThrowsEofWithoutConsuming() throws JMSException {
        DepotBytesMessage m = new DepotBytesMessage();
        m.writeShort((short) 7);
        m.reset();
        assertThatThrownBy(m::readInt).isInstanceOf(MessageEOFException.class);
        assertThatThrownBy(m::readLong).isInstanceOf(MessageEOFException.class);
        assertThatThrownBy(m::readDouble).isInstanceOf(MessageEOFException.class);
        assertThat(m.readShort()).isEqualTo((short) 7);
        for (BodyOp read : READS.subList(1, 12)) {
            assertThatThrownBy(() -> read.apply(m)).isInstanceOf(MessageEOFException.class);
        }
    }

    @Test
    void readUtfWithTruncatedStringThrowsEofAndKeepsPosition() throws JMSException {
        DepotBytesMessage m = new DepotBytesMessage();
        m.writeShort((short) 10);
        m.writeBytes("abc".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        m.reset();
        assertThatThrownBy(m::readUTF).isInstanceOf(MessageEOFException.class);
        assertThat(m.readShort()).isEqualTo((short) 10);
    }

    @Test
    void malformedModifiedUtf8IsAFormatError() throws JMSException {
        DepotBytesMessage m = new DepotBytesMessage();
        m.writeShort((short) 2);
        m.writeBytes(new byte[] {(byte) 0xC3, 0x41});
        m.reset();
        assertThatThrownBy(m::readUTF).isInstanceOf(MessageFormatException.class);
        assertThat(m.readUnsignedShort()).isEqualTo(2);
    }

    @Test
    void readBytesFillsTheBufferThenReturnsTheRestThenMinusOne() throws JMSException {
        DepotBytesMessage m = new DepotBytesMessage();
        m.writeBytes(new byte[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9});
        m.reset();
        byte[] buf = new byte[4];
        assertThat(m.readBytes(buf)).isEqualTo(4);
        assertThat(buf).containsExactly(0, 1, 2, 3);
        assertThat(m.readBytes(buf)).isEqualTo(4);
        assertThat(buf).containsExactly(4, 5, 6, 7);
        assertThat(m.readBytes(buf)).isEqualTo(2);
        assertThat(buf[0]).isEqualTo((byte) 8);
        assertThat(buf[1]).isEqualTo((byte) 9);
        assertThat(m.readBytes(buf)).isEqualTo(-1);
    }

    @Test
    void readBytesWithLength() throws JMSException {
        DepotBytesMessage m = new DepotBytesMessage();
        m.writeBytes(new byte[] {1, 2, 3, 4, 5});
        m.reset();
        byte[] buf = new byte[4];
        assertThatThrownBy(() -> m.readBytes(buf, 5)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> m.readBytes(buf, -1)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThat(m.readBytes(buf, 0)).isZero();
        assertThat(m.readBytes(buf, 3)).isEqualTo(3);
        assertThat(buf).containsExactly(1, 2, 3, 0);
        assertThat(m.readBytes(buf, 3)).isEqualTo(2);
        assertThat(m.readBytes(buf, 3)).isEqualTo(-1);
    }

    @Test
    void emptyBodyReadsMinusOne() throws JMSException {
        DepotBytesMessage m = new DepotBytesMessage();
        m.reset();
        assertThat(m.getBodyLength()).isZero();
        assertThat(m.readBytes(new byte[3])).isEqualTo(-1);
    }

    @Test
    void writeBytesRangeIsCheckedAndCopied() throws JMSException {
        DepotBytesMessage m = new DepotBytesMessage();
        byte[] src = {1, 2, 3};
        assertThatThrownBy(() -> m.writeBytes(src, 2, 2)).isInstanceOf(IndexOutOfBoundsException.class);
        m.writeBytes(src);
        src[0] = 9;
        m.reset();
        assertThat(m.readByte()).isEqualTo((byte) 1);
    }

    @Test
    void bodyLengthIsTheWholeBodyWhateverThePosition() throws JMSException {
        DepotBytesMessage m = new DepotBytesMessage();
        m.writeLong(1);
        m.reset();
        m.readInt();
        assertThat(m.getBodyLength()).isEqualTo(8);
    }

    @Test
    void resetRewindsAReadOnlyBody() throws JMSException {
        DepotBytesMessage m = new DepotBytesMessage();
        m.writeInt(5);
        m.reset();
        assertThat(m.readInt()).isEqualTo(5);
        m.reset();
        assertThat(m.readInt()).isEqualTo(5);
    }

    @Test
    void clearBodyEmptiesAndReturnsToWriteOnly() throws JMSException {
        DepotBytesMessage m = new DepotBytesMessage();
        m.writeInt(5);
        m.markReceived(false, 1);
        m.clearBody();
        assertThatThrownBy(m::readInt).isInstanceOf(MessageNotReadableException.class);
        m.writeByte((byte) 3);
        m.reset();
        assertThat(m.getBodyLength()).isEqualTo(1);
        assertThat(m.readByte()).isEqualTo((byte) 3);
    }

    @Test
    void bodyGrowsBeyondItsInitialCapacity() throws JMSException {
        DepotBytesMessage m = new DepotBytesMessage();
        for (int i = 0; i < 100_000; i++) {
            m.writeInt(i);
        }
        m.reset();
        assertThat(m.getBodyLength()).isEqualTo(400_000);
        for (int i = 0; i < 100_000; i++) {
            assertThat(m.readInt()).isEqualTo(i);
        }
    }
}
