package dev.depot.jms.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.jms.JMSException;
import jakarta.jms.MessageEOFException;
import jakarta.jms.MessageFormatException;
import jakarta.jms.MessageNotReadableException;
import jakarta.jms.MessageNotWriteableException;
import jakarta.jms.StreamMessage;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class StreamMessageTest {

    interface StreamOp {
        Object apply(StreamMessage m) throws JMSException;
    }

    private static final List<StreamOp> READS = List.of(
            StreamMessage::readBoolean, StreamMessage::readByte, StreamMessage::readShort, StreamMessage::readChar,
            StreamMessage::readInt, StreamMessage::readLong, StreamMessage::readFloat, StreamMessage::readDouble,
            StreamMessage::readString, StreamMessage::readObject, m -> m.readBytes(new byte[4]));

    static void write(StreamMessage m, Object value) throws JMSException {
        if (value instanceof Boolean v) {
            m.writeBoolean(v);
        } else if (value instanceof Byte v) {
            m.writeByte(v);
        } else if (value instanceof Short v) {
            m.writeShort(v);
        } else if (value instanceof Character v) {
            m.writeChar(v);
        } else if (value instanceof Integer v) {
            m.writeInt(v);
        } else if (value instanceof Long v) {
            m.writeLong(v);
        } else if (value instanceof Float v) {
            m.writeFloat(v);
        } else if (value instanceof Double v) {
            m.writeDouble(v);
        } else if (value instanceof byte[] v) {
            m.writeBytes(v);
        } else {
            m.writeString((String) value);
        }
    }

    static Object read(StreamMessage m, String column) throws JMSException {
        return switch (column) {
            case "boolean" -> m.readBoolean();
            case "byte" -> m.readByte();
            case "short" -> m.readShort();
            case "char" -> m.readChar();
            case "int" -> m.readInt();
            case "long" -> m.readLong();
            case "float" -> m.readFloat();
            case "double" -> m.readDouble();
            case "String" -> m.readString();
            case "byte[]" -> {
                byte[] buf = new byte[16];
                int n = m.readBytes(buf);
                yield java.util.Arrays.copyOf(buf, n);
            }
            default -> throw new IllegalArgumentException(column);
        };
    }

    /**
     * A marked cell reads the value and moves on (the next read hits the end); an unmarked one throws
     * MessageFormatException and leaves the field in place for a read of the right type.
     */
    @ParameterizedTest(name = "{0} {1} read as {2} -> {3}")
    @MethodSource("dev.depot.jms.message.ConversionTable#body")
    void streamConversionTable(String row, Object written, String column, Object expected) throws JMSException {
        DepotStreamMessage m = new DepotStreamMessage();
        write(m, written);
        m.reset();
        if (expected == ConversionTable.FAILS) {
            assertThatThrownBy(() -> read(m, column)).isInstanceOf(MessageFormatException.class);
            assertThat(m.readObject()).isEqualTo(written);
        } else {
            assertThat(read(m, column)).isEqualTo(expected);
        }
        assertThatThrownBy(m::readObject).isInstanceOf(MessageEOFException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"byte", "short", "int", "long", "float", "double"})
    void numberFormatExceptionLeavesThePositionToo(String column) throws JMSException {
        DepotStreamMessage m = new DepotStreamMessage();
        m.writeString("not a number");
        m.reset();
        assertThatThrownBy(() -> read(m, column)).isInstanceOf(NumberFormatException.class);
        assertThat(m.readString()).isEqualTo("not a number");
    }

    @Test
    void nullFieldReadsLikeValueOfNull() throws JMSException {
        DepotStreamMessage m = new DepotStreamMessage();
        m.writeString(null);
        m.reset();
        assertThatThrownBy(m::readInt).isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(m::readByte).isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(m::readShort).isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(m::readLong).isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(m::readFloat).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(m::readDouble).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(m::readChar).isInstanceOf(NullPointerException.class);
        assertThat(m.readBoolean()).isFalse();
        assertThatThrownBy(m::readBoolean).isInstanceOf(MessageEOFException.class);

        m.reset();
        assertThat(m.readString()).isNull();
        m.reset();
        assertThat(m.readObject()).isNull();
        m.reset();
        assertThat(m.readBytes(new byte[2])).isEqualTo(-1);
        assertThatThrownBy(m::readObject).isInstanceOf(MessageEOFException.class);
    }

    @Test
    void readBytesInChunksAndTheFieldEndsWithAShortRead() throws JMSException {
        DepotStreamMessage m = new DepotStreamMessage();
        m.writeBytes(new byte[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9});
        m.writeInt(77);
        m.reset();
        byte[] buf = new byte[4];
        assertThat(m.readBytes(buf)).isEqualTo(4);
        assertThat(buf).containsExactly(0, 1, 2, 3);
        assertThat(m.readBytes(buf)).isEqualTo(4);
        assertThat(buf).containsExactly(4, 5, 6, 7);
        assertThat(m.readBytes(buf)).isEqualTo(2);
        assertThat(buf[0]).isEqualTo((byte) 8);
        assertThat(buf[1]).isEqualTo((byte) 9);
        assertThat(m.readInt()).isEqualTo(77);
    }

    @Test
    void exactMultipleNeedsAFinalCallReturningMinusOne() throws JMSException {
        DepotStreamMessage m = new DepotStreamMessage();
        m.writeBytes(new byte[] {1, 2, 3, 4});
        m.writeBytes(new byte[] {5});
        m.reset();
        byte[] buf = new byte[2];
        assertThat(m.readBytes(buf)).isEqualTo(2);
        assertThat(m.readBytes(buf)).isEqualTo(2);
        assertThat(buf).containsExactly(3, 4);
        assertThat(m.readBytes(buf)).isEqualTo(-1);
        // consecutive byte[] fields stay distinct
        assertThat(m.readBytes(buf)).isEqualTo(1);
        assertThat(buf[0]).isEqualTo((byte) 5);
        assertThatThrownBy(() -> m.readBytes(buf)).isInstanceOf(MessageEOFException.class);
    }

    @Test
    void emptyByteArrayFieldReadsZero() throws JMSException {
        DepotStreamMessage m = new DepotStreamMessage();
        m.writeBytes(new byte[0]);
        m.writeBoolean(true);
        m.reset();
        assertThat(m.readBytes(new byte[3])).isZero();
        assertThat(m.readBoolean()).isTrue();
    }

    @Test
    void partlyReadByteFieldMustBeFinishedFirst() throws JMSException {
        DepotStreamMessage m = new DepotStreamMessage();
        m.writeBytes(new byte[] {1, 2, 3});
        m.writeString("next");
        m.reset();
        byte[] buf = new byte[2];
        assertThat(m.readBytes(buf)).isEqualTo(2);
        assertThatThrownBy(m::readString).isInstanceOf(MessageFormatException.class);
        assertThatThrownBy(m::readObject).isInstanceOf(MessageFormatException.class);
        assertThat(m.readBytes(buf)).isEqualTo(1);
        assertThat(buf[0]).isEqualTo((byte) 3);
        assertThat(m.readString()).isEqualTo("next");
    }

    @Test
    void readBytesOfAnotherTypeFailsWithoutMoving() throws JMSException {
        DepotStreamMessage m = new DepotStreamMessage();
        m.writeString("text");
        m.reset();
        assertThatThrownBy(() -> m.readBytes(new byte[4])).isInstanceOf(MessageFormatException.class);
        assertThat(m.readString()).isEqualTo("text");
    }

    @Test
    void readObjectReturnsEachFieldObjectifiedAndByteArraysCopied() throws JMSException {
        DepotStreamMessage m = new DepotStreamMessage();
        List<Object> values = List.of(true, (byte) 1, (short) 2, 'c', 3, 4L, 5f, 6d, "s");
        for (Object v : values) {
            m.writeObject(v);
        }
        byte[] bytes = {7, 8};
        m.writeObject(bytes);
        bytes[0] = 0;
        m.reset();
        for (Object v : values) {
            assertThat(m.readObject()).isEqualTo(v).hasSameClassAs(v);
        }
        byte[] read = (byte[]) m.readObject();
        assertThat(read).containsExactly(7, 8);
        read[0] = 0;
        m.reset();
        for (int i = 0; i < values.size(); i++) {
            m.readObject();
        }
        assertThat((byte[]) m.readObject()).containsExactly(7, 8);
    }

    @Test
    void writeBytesCopiesAndHonoursTheRange() throws JMSException {
        DepotStreamMessage m = new DepotStreamMessage();
        byte[] src = {1, 2, 3, 4};
        m.writeBytes(src);
        m.writeBytes(src, 1, 2);
        assertThatThrownBy(() -> m.writeBytes(src, 3, 2)).isInstanceOf(IndexOutOfBoundsException.class);
        src[0] = 9;
        m.reset();
        assertThat((byte[]) m.readObject()).containsExactly(1, 2, 3, 4);
        assertThat((byte[]) m.readObject()).containsExactly(2, 3);
        assertThatThrownBy(m::readObject).isInstanceOf(MessageEOFException.class);
    }

    @Test
    void writeObjectRejectsOtherTypes() {
        DepotStreamMessage m = new DepotStreamMessage();
        assertThatThrownBy(() -> m.writeObject(new StringBuilder("x"))).isInstanceOf(MessageFormatException.class);
        assertThatThrownBy(() -> m.writeObject(new Byte[] {1})).isInstanceOf(MessageFormatException.class);
        assertThat(m.fields).isEmpty();
    }

    @Test
    void everyReadThrowsEofAtTheEnd() throws JMSException {
        DepotStreamMessage m = new DepotStreamMessage();
        m.reset();
        for (StreamOp read : READS) {
            assertThatThrownBy(() -> read.apply(m)).isInstanceOf(MessageEOFException.class);
        }
    }

    @Test
    void everyReadFailsInWriteOnlyMode() throws JMSException {
        DepotStreamMessage m = new DepotStreamMessage();
        m.writeInt(1);
        for (StreamOp read : READS) {
            assertThatThrownBy(() -> read.apply(m)).isInstanceOf(MessageNotReadableException.class);
        }
    }

    @Test
    void everyWriteFailsInReadOnlyModeUntilClearBody() throws JMSException {
        DepotStreamMessage m = new DepotStreamMessage();
        m.writeInt(1);
        m.markReceived(false, 1);
        List<StreamOp> writes = List.of(
                s -> { s.writeBoolean(true); return null; }, s -> { s.writeByte((byte) 1); return null; },
                s -> { s.writeShort((short) 1); return null; }, s -> { s.writeChar('c'); return null; },
                s -> { s.writeInt(1); return null; }, s -> { s.writeLong(1); return null; },
                s -> { s.writeFloat(1); return null; }, s -> { s.writeDouble(1); return null; },
                s -> { s.writeString("s"); return null; }, s -> { s.writeBytes(new byte[1]); return null; },
                s -> { s.writeBytes(new byte[2], 0, 1); return null; }, s -> { s.writeObject(1); return null; });
        for (StreamOp write : writes) {
            assertThatThrownBy(() -> write.apply(m)).isInstanceOf(MessageNotWriteableException.class);
        }
        assertThat(m.readInt()).isEqualTo(1);

        m.clearBody();
        assertThatThrownBy(m::readInt).isInstanceOf(MessageNotReadableException.class);
        m.writeString("again");
        m.reset();
        assertThat(m.readString()).isEqualTo("again");
        assertThatThrownBy(m::readString).isInstanceOf(MessageEOFException.class);
    }

    @Test
    void resetRewindsAndAbandonsAPartialByteField() throws JMSException {
        DepotStreamMessage m = new DepotStreamMessage();
        m.writeBytes(new byte[] {1, 2, 3});
        m.reset();
        m.readBytes(new byte[1]);
        m.reset();
        assertThat((byte[]) m.readObject()).containsExactly(1, 2, 3);
    }
}
