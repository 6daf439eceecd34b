package dev.depot.jms.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.jms.JMSException;
import jakarta.jms.MapMessage;
import jakarta.jms.MessageFormatException;
import jakarta.jms.MessageNotWriteableException;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class MapMessageTest {

    interface MapWrite {
        void apply(MapMessage m, String name) throws JMSException;
    }

    private static final List<MapWrite> SETTERS = List.of(
            (m, n) -> m.setBoolean(n, true), (m, n) -> m.setByte(n, (byte) 1), (m, n) -> m.setShort(n, (short) 1),
            (m, n) -> m.setChar(n, 'c'), (m, n) -> m.setInt(n, 1), (m, n) -> m.setLong(n, 1L),
            (m, n) -> m.setFloat(n, 1f), (m, n) -> m.setDouble(n, 1d), (m, n) -> m.setString(n, "s"),
            (m, n) -> m.setBytes(n, new byte[] {1}), (m, n) -> m.setBytes(n, new byte[] {1, 2}, 0, 1),
            (m, n) -> m.setObject(n, 1));

    static void set(MapMessage m, String name, Object value) throws JMSException {
        if (value instanceof Boolean v) {
            m.setBoolean(name, v);
        } else if (value instanceof Byte v) {
            m.setByte(name, v);
        } else if (value instanceof Short v) {
            m.setShort(name, v);
        } else if (value instanceof Character v) {
            m.setChar(name, v);
        } else if (value instanceof Integer v) {
            m.setInt(name, v);
        } else if (value instanceof Long v) {
            m.setLong(name, v);
        } else if (value instanceof Float v) {
            m.setFloat(name, v);
        } else if (value instanceof Double v) {
            m.setDouble(name, v);
        } else if (value instanceof byte[] v) {
            m.setBytes(name, v);
        } else {
            m.setString(name, (String) value);
        }
    }

    static Object get(MapMessage m, String name, String column) throws JMSException {
        return switch (column) {
            case "boolean" -> m.getBoolean(name);
            case "byte" -> m.getByte(name);
            case "short" -> m.getShort(name);
            case "char" -> m.getChar(name);
            case "int" -> m.getInt(name);
            case "long" -> m.getLong(name);
            case "float" -> m.getFloat(name);
            case "double" -> m.getDouble(name);
            case "String" -> m.getString(name);
            case "byte[]" -> m.getBytes(name);
            default -> throw new IllegalArgumentException(column);
        };
    }

    @ParameterizedTest(name = "{0} {1} read as {2} -> {3}")
    @MethodSource("dev.depot.jms.message.ConversionTable#body")
    void mapConversionTable(String row, Object written, String column, Object expected) throws JMSException {
        DepotMapMessage m = new DepotMapMessage();
        set(m, "item", written);
        if (expected == ConversionTable.FAILS) {
            assertThatThrownBy(() -> get(m, "item", column)).isInstanceOf(MessageFormatException.class);
        } else {
            assertThat(get(m, "item", column)).isEqualTo(expected);
        }
        assertThat(m.getObject("item")).isEqualTo(written).hasSameClassAs(written);
    }

    @Test
    void unparsableStringsThrowNumberFormatException() throws JMSException {
        DepotMapMessage m = new DepotMapMessage();
        m.setString("s", "1.5x");
        assertThatThrownBy(() -> m.getInt("s")).isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(() -> m.getDouble("s")).isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(() -> m.getByte("s")).isInstanceOf(NumberFormatException.class);
    }

    @Test
    void missingOrNullItemBehavesLikeValueOfNull() throws JMSException {
        DepotMapMessage m = new DepotMapMessage();
        m.setString("nullString", null);
        for (String name : new String[] {"missing", "nullString", null}) {
            assertThat(m.getBoolean(name)).isFalse();
            assertThatThrownBy(() -> m.getByte(name)).isInstanceOf(NumberFormatException.class);
            assertThatThrownBy(() -> m.getShort(name)).isInstanceOf(NumberFormatException.class);
            assertThatThrownBy(() -> m.getInt(name)).isInstanceOf(NumberFormatException.class);
            assertThatThrownBy(() -> m.getLong(name)).isInstanceOf(NumberFormatException.class);
            assertThatThrownBy(() -> m.getFloat(name)).isInstanceOf(NullPointerException.class);
            assertThatThrownBy(() -> m.getDouble(name)).isInstanceOf(NullPointerException.class);
            assertThatThrownBy(() -> m.getChar(name)).isInstanceOf(NullPointerException.class);
            assertThat(m.getString(name)).isNull();
            assertThat(m.getBytes(name)).isNull();
            assertThat(m.getObject(name)).isNull();
        }
        assertThat(m.itemExists("nullString")).isTrue();
        assertThat(m.itemExists("missing")).isFalse();
        assertThat(m.itemExists(null)).isFalse();
    }

    @Test
    void nullOrEmptyNamesAreRejectedByEverySetter() {
        DepotMapMessage m = new DepotMapMessage();
        for (MapWrite setter : SETTERS) {
            assertThatThrownBy(() -> setter.apply(m, null)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> setter.apply(m, "")).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(m.getMapNames().hasMoreElements()).isFalse();
    }

    @Test
    void mapNamesAreNotLimitedToIdentifiers() throws JMSException {
        DepotMapMessage m = new DepotMapMessage();
        m.setInt("with space", 1);
        m.setInt("NULL", 2);
        assertThat(Collections.list(m.getMapNames())).containsExactlyInAnyOrder("with space", "NULL");
    }

    @Test
    void receivedMapIsReadOnlyForEverySetterUntilClearBody() throws JMSException {
        DepotMapMessage m = new DepotMapMessage();
        m.setInt("kept", 1);
        m.markReceived(false, 1);
        for (MapWrite setter : SETTERS) {
            assertThatThrownBy(() -> setter.apply(m, "x")).isInstanceOf(MessageNotWriteableException.class);
        }
        assertThat(m.getInt("kept")).isEqualTo(1);
        assertThat(m.itemExists("x")).isFalse();

        m.clearBody();
        assertThat(m.itemExists("kept")).isFalse();
        m.setInt("x", 2);
        assertThat(m.getInt("x")).isEqualTo(2);
    }

    @Test
    void byteArraysAreCopiedInAndOut() throws JMSException {
        DepotMapMessage m = new DepotMapMessage();
        byte[] src = {1, 2, 3, 4};
        m.setBytes("all", src);
        m.setBytes("part", src, 1, 2);
        m.setObject("obj", src);
        src[1] = 9;
        assertThat(m.getBytes("all")).containsExactly(1, 2, 3, 4);
        assertThat(m.getBytes("part")).containsExactly(2, 3);
        assertThat((byte[]) m.getObject("obj")).containsExactly(1, 2, 3, 4);
        m.getBytes("all")[0] = 9;
        ((byte[]) m.getObject("obj"))[0] = 9;
        assertThat(m.getBytes("all")).containsExactly(1, 2, 3, 4);
        assertThat(m.getBytes("obj")).containsExactly(1, 2, 3, 4);
        assertThatThrownBy(() -> m.setBytes("bad", src, 3, 2)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void setObjectAcceptsBodyTypesAndRejectsOthers() throws JMSException {
        DepotMapMessage m = new DepotMapMessage();
        for (Object v : List.of(true, (byte) 1, (short) 2, 'c', 3, 4L, 5f, 6d, "s")) {
            m.setObject("k", v);
            assertThat(m.getObject("k")).isEqualTo(v).hasSameClassAs(v);
        }
        m.setObject("n", null);
        assertThat(m.itemExists("n")).isTrue();
        assertThatThrownBy(() -> m.setObject("bad", List.of())).isInstanceOf(MessageFormatException.class);
        assertThatThrownBy(() -> m.setObject("bad", new Object())).isInstanceOf(MessageFormatException.class);
        assertThat(m.itemExists("bad")).isFalse();
    }

    @Test
    void settingAnExistingNameReplacesItsValueAndType() throws JMSException {
        DepotMapMessage m = new DepotMapMessage();
        m.setInt("k", 1);
        m.setString("k", "two");
        assertThat(m.getString("k")).isEqualTo("two");
        assertThatThrownBy(() -> m.getInt("k")).isInstanceOf(NumberFormatException.class);
        assertThat(Collections.list(m.getMapNames())).containsExactly("k");
    }
}
