package dev.depot.jms.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageFormatException;
import jakarta.jms.MessageNotWriteableException;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class MessagePropertiesTest {

    interface PropertyWrite {
        void apply(Message m, String name) throws JMSException;
    }

    static void set(Message m, String name, Object value) throws JMSException {
        if (value instanceof Boolean v) {
            m.setBooleanProperty(name, v);
        } else if (value instanceof Byte v) {
            m.setByteProperty(name, v);
        } else if (value instanceof Short v) {
            m.setShortProperty(name, v);
        } else if (value instanceof Integer v) {
            m.setIntProperty(name, v);
        } else if (value instanceof Long v) {
            m.setLongProperty(name, v);
        } else if (value instanceof Float v) {
            m.setFloatProperty(name, v);
        } else if (value instanceof Double v) {
            m.setDoubleProperty(name, v);
        } else {
            m.setStringProperty(name, (String) value);
        }
    }

    static Object get(Message m, String name, String column) throws JMSException {
        return switch (column) {
            case "boolean" -> m.getBooleanProperty(name);
            case "byte" -> m.getByteProperty(name);
            case "short" -> m.getShortProperty(name);
            case "int" -> m.getIntProperty(name);
            case "long" -> m.getLongProperty(name);
            case "float" -> m.getFloatProperty(name);
            case "double" -> m.getDoubleProperty(name);
            case "String" -> m.getStringProperty(name);
            default -> throw new IllegalArgumentException(column);
        };
    }

    @ParameterizedTest(name = "{0} {1} read as {2} -> {3}")
    @MethodSource("dev.depot.jms.message.ConversionTable#properties")
    void propertyConversionTable(String row, Object written, String column, Object expected) throws JMSException {
        DepotMessage m = new DepotMessage();
        set(m, "p", written);
        if (expected == ConversionTable.FAILS) {
            assertThatThrownBy(() -> get(m, "p", column)).isInstanceOf(MessageFormatException.class);
        } else {
            assertThat(get(m, "p", column)).isEqualTo(expected);
        }
        // getObjectProperty returns the value objectified in the type it was set with
        assertThat(m.getObjectProperty("p")).isEqualTo(written).hasSameClassAs(written);
    }

    @ParameterizedTest
    @ValueSource(strings = {"byte", "short", "int", "long", "float", "double"})
    void unparsableStringThrowsNumberFormatException(String column) throws JMSException {
        DepotMessage m = new DepotMessage();
        m.setStringProperty("p", "twelve");
        assertThatThrownBy(() -> get(m, "p", column)).isInstanceOf(NumberFormatException.class);
    }

    @Test
    void outOfRangeStringThrowsNumberFormatException() throws JMSException {
        DepotMessage m = new DepotMessage();
        m.setStringProperty("p", "300");
        assertThatThrownBy(() -> m.getByteProperty("p")).isInstanceOf(NumberFormatException.class);
        assertThat(m.getShortProperty("p")).isEqualTo((short) 300);
    }

    @Test
    void booleanFromAnyOtherStringIsFalseLikeBooleanValueOf() throws JMSException {
        DepotMessage m = new DepotMessage();
        m.setStringProperty("p", "TRUE");
        assertThat(m.getBooleanProperty("p")).isTrue();
        m.setStringProperty("p", "yes");
        assertThat(m.getBooleanProperty("p")).isFalse();
    }

    @Test
    void missingPropertyBehavesLikeValueOfNull() throws JMSException {
        DepotMessage m = new DepotMessage();
        assertThat(m.getBooleanProperty("missing")).isFalse();
        assertThatThrownBy(() -> m.getByteProperty("missing")).isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(() -> m.getShortProperty("missing")).isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(() -> m.getIntProperty("missing")).isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(() -> m.getLongProperty("missing")).isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(() -> m.getFloatProperty("missing")).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> m.getDoubleProperty("missing")).isInstanceOf(NullPointerException.class);
        assertThat(m.getStringProperty("missing")).isNull();
        assertThat(m.getObjectProperty("missing")).isNull();
        assertThat(m.propertyExists("missing")).isFalse();
    }

    @Test
    void nullStringPropertyExistsAndReadsAsNull() throws JMSException {
        DepotMessage m = new DepotMessage();
        m.setStringProperty("s", null);
        m.setObjectProperty("o", null);
        assertThat(m.propertyExists("s")).isTrue();
        assertThat(m.propertyExists("o")).isTrue();
        assertThat(m.getStringProperty("s")).isNull();
        assertThatThrownBy(() -> m.getIntProperty("o")).isInstanceOf(NumberFormatException.class);
        assertThat(Collections.list(m.getPropertyNames())).containsExactlyInAnyOrder("s", "o");
    }

    @Test
    void setObjectPropertyAcceptsEveryWrapperAndString() throws JMSException {
        DepotMessage m = new DepotMessage();
        List<Object> values = List.of(true, (byte) 1, (short) 2, 3, 4L, 5f, 6d, "seven");
        for (int i = 0; i < values.size(); i++) {
            m.setObjectProperty("p" + i, values.get(i));
        }
        for (int i = 0; i < values.size(); i++) {
            assertThat(m.getObjectProperty("p" + i)).isEqualTo(values.get(i)).hasSameClassAs(values.get(i));
        }
    }

    @ParameterizedTest
    @MethodSource("invalidPropertyObjects")
    void setObjectPropertyRejectsOtherTypes(Object value) {
        DepotMessage m = new DepotMessage();
        assertThatThrownBy(() -> m.setObjectProperty("p", value)).isInstanceOf(MessageFormatException.class);
        assertThat(m.propertyExists("p")).isFalse();
    }

    static List<Object> invalidPropertyObjects() {
        return List.of('c', new byte[] {1}, new BigDecimal("1"), new Object(), List.of(1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1abc", "a-b", "a b", "a.b", "a\u2022b", "#x"})
    void propertyNameMustBeAJavaIdentifier(String name) {
        DepotMessage m = new DepotMessage();
        assertThatThrownBy(() -> m.setIntProperty(name, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"_x", "$y", "ä", "JMS_depot_vendor", "camelCase9", "JMSXGroupID", "NULLX", "Isotope"})
    void validPropertyNamesAreAccepted(String name) throws JMSException {
        DepotMessage m = new DepotMessage();
        m.setStringProperty(name, "v");
        assertThat(m.getStringProperty(name)).isEqualTo("v");
    }

    @ParameterizedTest
    @ValueSource(strings = {"NULL", "TRUE", "FALSE", "NOT", "AND", "OR", "BETWEEN", "LIKE", "IN", "IS", "ESCAPE",
            "null", "True", "between", "escape", "iS"})
    void reservedSelectorWordsAreRejectedInAnyCase(String name) {
        DepotMessage m = new DepotMessage();
        assertThatThrownBy(() -> m.setBooleanProperty(name, true)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void nullOrEmptyNameIsRejectedByEverySetter() {
        DepotMessage m = new DepotMessage();
        List<PropertyWrite> setters = List.of(
                (msg, n) -> msg.setBooleanProperty(n, true),
                (msg, n) -> msg.setByteProperty(n, (byte) 1),
                (msg, n) -> msg.setShortProperty(n, (short) 1),
                (msg, n) -> msg.setIntProperty(n, 1),
                (msg, n) -> msg.setLongProperty(n, 1L),
                (msg, n) -> msg.setFloatProperty(n, 1f),
                (msg, n) -> msg.setDoubleProperty(n, 1d),
                (msg, n) -> msg.setStringProperty(n, "x"),
                (msg, n) -> msg.setObjectProperty(n, 1));
        for (PropertyWrite setter : setters) {
            assertThatThrownBy(() -> setter.apply(m, null)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> setter.apply(m, "")).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void receivedPropertiesAreReadOnlyForEverySetterUntilCleared() throws JMSException {
        DepotMessage m = new DepotMessage();
        m.setIntProperty("kept", 1);
        m.markReceived(false, 1);
        List<PropertyWrite> setters = List.of(
                (msg, n) -> msg.setBooleanProperty(n, true),
                (msg, n) -> msg.setByteProperty(n, (byte) 1),
                (msg, n) -> msg.setShortProperty(n, (short) 1),
                (msg, n) -> msg.setIntProperty(n, 1),
                (msg, n) -> msg.setLongProperty(n, 1L),
                (msg, n) -> msg.setFloatProperty(n, 1f),
                (msg, n) -> msg.setDoubleProperty(n, 1d),
                (msg, n) -> msg.setStringProperty(n, "x"),
                (msg, n) -> msg.setObjectProperty(n, 1));
        for (PropertyWrite setter : setters) {
            assertThatThrownBy(() -> setter.apply(m, "other")).isInstanceOf(MessageNotWriteableException.class);
        }
        assertThat(m.getIntProperty("kept")).isEqualTo(1);
        assertThat(m.propertyExists("other")).isFalse();

        m.clearProperties();
        assertThat(m.propertyExists("kept")).isFalse();
        assertThat(m.getPropertyNames().hasMoreElements()).isFalse();
        m.setIntProperty("other", 2);
        assertThat(m.getIntProperty("other")).isEqualTo(2);
    }

    @Test
    void headersStayWritableAfterReceipt() throws JMSException {
        DepotMessage m = new DepotMessage();
        m.markReceived(false, 1);
        m.setJMSType("changed");
        m.setJMSCorrelationID("c");
        assertThat(m.getJMSType()).isEqualTo("changed");
        assertThat(m.getJMSCorrelationID()).isEqualTo("c");
    }

    @Test
    void clearPropertiesDoesNotTouchHeadersOrBody() throws JMSException {
        DepotTextMessage m = new DepotTextMessage("body");
        m.setJMSType("t");
        m.setStringProperty("p", "v");
        m.clearProperties();
        assertThat(m.getText()).isEqualTo("body");
        assertThat(m.getJMSType()).isEqualTo("t");
        assertThat(m.propertyExists("p")).isFalse();
    }

    @Test
    void propertyNamesAreASnapshotOfAllProperties() throws JMSException {
        DepotMessage m = new DepotMessage();
        m.setIntProperty("a", 1);
        m.setStringProperty("b", "2");
        var names = m.getPropertyNames();
        m.setIntProperty("c", 3);
        assertThat(Collections.list(names)).containsExactlyInAnyOrder("a", "b");
        assertThat(m.propertyExists(null)).isFalse();
    }

    // ---------------------------------------------------------------- JMSX

    @Test
    void deliveryCountIsReportedOnlyAfterTheProviderSetsIt() throws JMSException {
        DepotMessage m = new DepotMessage();
        assertThat(m.propertyExists("JMSXDeliveryCount")).isFalse();
        assertThatThrownBy(() -> m.getIntProperty("JMSXDeliveryCount")).isInstanceOf(NumberFormatException.class);

        m.setStringProperty("app", "x");
        m.markReceived(true, 3);
        assertThat(m.propertyExists("JMSXDeliveryCount")).isTrue();
        assertThat(m.getIntProperty("JMSXDeliveryCount")).isEqualTo(3);
        assertThat(m.getLongProperty("JMSXDeliveryCount")).isEqualTo(3L);
        assertThat(m.getStringProperty("JMSXDeliveryCount")).isEqualTo("3");
        assertThat(m.getObjectProperty("JMSXDeliveryCount")).isEqualTo(3);
        assertThatThrownBy(() -> m.getShortProperty("JMSXDeliveryCount")).isInstanceOf(MessageFormatException.class);
        assertThat(Collections.list(m.getPropertyNames())).containsExactlyInAnyOrder("app", "JMSXDeliveryCount");
        assertThat(m.getJMSRedelivered()).isTrue();
    }

    @Test
    void markReceivedWithZeroCountReportsNoDeliveryCount() throws JMSException {
        DepotMessage m = new DepotMessage();
        m.markReceived(false, 0);
        assertThat(m.propertyExists("JMSXDeliveryCount")).isFalse();
        assertThat(m.getPropertyNames().hasMoreElements()).isFalse();
        assertThatThrownBy(() -> m.markReceived(false, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void clearPropertiesRemovesTheDeliveryCountToo() throws JMSException {
        DepotMessage m = new DepotMessage();
        m.markReceived(true, 2);
        m.clearProperties();
        assertThat(m.propertyExists("JMSXDeliveryCount")).isFalse();
        assertThat(m.getJMSRedelivered()).isTrue();
    }

    @Test
    void applicationCannotSetTheDeliveryCount() {
        DepotMessage m = new DepotMessage();
        assertThatThrownBy(() -> m.setIntProperty("JMSXDeliveryCount", 5)).isInstanceOf(MessageNotWriteableException.class);
        assertThat(m.propertyExists("JMSXDeliveryCount")).isFalse();
    }

    @Test
    void groupPropertiesMustHaveTheirStandardTypes() throws JMSException {
        DepotMessage m = new DepotMessage();
        m.setStringProperty("JMSXGroupID", "orders-42");
        m.setIntProperty("JMSXGroupSeq", 1);
        m.setObjectProperty("JMSXGroupSeq", 2);
        assertThat(m.getStringProperty("JMSXGroupID")).isEqualTo("orders-42");
        assertThat(m.getIntProperty("JMSXGroupSeq")).isEqualTo(2);

        assertThatThrownBy(() -> m.setIntProperty("JMSXGroupID", 7)).isInstanceOf(MessageFormatException.class);
        assertThatThrownBy(() -> m.setLongProperty("JMSXGroupSeq", 3L)).isInstanceOf(MessageFormatException.class);
        assertThatThrownBy(() -> m.setStringProperty("JMSXGroupSeq", "3")).isInstanceOf(MessageFormatException.class);
        assertThat(m.getIntProperty("JMSXGroupSeq")).isEqualTo(2);
        assertThat(m.getStringProperty("JMSXGroupID")).isEqualTo("orders-42");
    }

    // ---------------------------------------------------------------- headers

    @Test
    void newMessageHasSpecDefaults() throws JMSException {
        Message m = new DepotMessage();
        assertThat(m.getJMSDeliveryMode()).isEqualTo(Message.DEFAULT_DELIVERY_MODE);
        assertThat(m.getJMSPriority()).isEqualTo(Message.DEFAULT_PRIORITY);
        assertThat(m.getJMSMessageID()).isNull();
        assertThat(m.getJMSCorrelationID()).isNull();
        assertThat(m.getJMSCorrelationIDAsBytes()).isNull();
        assertThat(m.getJMSRedelivered()).isFalse();
        assertThat(m.getJMSExpiration()).isZero();
        assertThat(m.getJMSDeliveryTime()).isZero();
    }

    @Test
    void correlationIdBytesAreCopiedBothWays() throws JMSException {
        DepotMessage m = new DepotMessage();
        byte[] id = {1, 2, 3};
        m.setJMSCorrelationIDAsBytes(id);
        id[0] = 9;
        byte[] read = m.getJMSCorrelationIDAsBytes();
        assertThat(read).containsExactly(1, 2, 3);
        read[1] = 9;
        assertThat(m.getJMSCorrelationIDAsBytes()).containsExactly(1, 2, 3);
    }

    @Test
    void correlationIdFormsConvertThroughUtf8AndTheLastSetWins() throws JMSException {
        DepotMessage m = new DepotMessage();
        m.setJMSCorrelationID("ID:é");
        assertThat(m.getJMSCorrelationIDAsBytes()).isEqualTo("ID:é".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        m.setJMSCorrelationIDAsBytes("raw".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        assertThat(m.getJMSCorrelationID()).isEqualTo("raw");
        m.setJMSCorrelationID(null);
        assertThat(m.getJMSCorrelationIDAsBytes()).isNull();
    }

    // ---------------------------------------------------------------- acknowledge

    @Test
    void acknowledgeRunsTheInstalledHookAndIsANoOpWithout() throws JMSException {
        DepotMessage m = new DepotMessage();
        assertThatCode(m::acknowledge).doesNotThrowAnyException();
        int[] calls = {0};
        m.setAcknowledger(() -> calls[0]++);
        m.acknowledge();
        m.acknowledge();
        assertThat(calls[0]).isEqualTo(2);
        m.setAcknowledger(null);
        m.acknowledge();
        assertThat(calls[0]).isEqualTo(2);
    }

    @Test
    void acknowledgeFailurePropagates() {
        DepotMessage m = new DepotMessage();
        m.setAcknowledger(() -> {
            throw new jakarta.jms.IllegalStateException("session closed");
        });
        assertThatThrownBy(m::acknowledge).isInstanceOf(jakarta.jms.IllegalStateException.class)
                .hasMessage("session closed");
    }
}
