package dev.depot.jms.selector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Evaluation against {@link jakarta.jms.Message}: header fields in their selector types, properties as set. */
class MessageSelectorTest {

    private static FakeMessage message() {
        FakeMessage message = new FakeMessage();
        message.setJMSMessageID("ID:42");
        message.setJMSTimestamp(1_700_000_000_000L);
        message.setJMSCorrelationID("corr-7");
        message.setJMSDeliveryMode(DeliveryMode.PERSISTENT);
        message.setJMSType("car");
        message.setJMSPriority(7);
        message.setBooleanProperty("flag", true);
        message.setByteProperty("byteProp", (byte) 8);
        message.setShortProperty("shortProp", (short) 300);
        message.setIntProperty("intProp", 70_000);
        message.setLongProperty("longProp", 5_000_000_000L);
        message.setFloatProperty("floatProp", 0.1f);
        message.setDoubleProperty("doubleProp", 2.5);
        message.setStringProperty("color", "blue");
        message.setIntProperty("weight", 2600);
        message.setStringProperty("NumberOfOrders", "2");
        message.setStringProperty("JMSXGroupID", "group-1");
        message.setIntProperty("JMSXDeliveryCount", 2);
        message.setLongProperty("JMS_DepotShard", 3L);
        return message;
    }

    static Stream<Arguments> selectors() {
        return Stream.of(
                arguments("JMSType = 'car' AND color = 'blue' AND weight > 2500", true),
                arguments("JMSType = 'car' AND color = 'blue' AND weight > 2600", false),
                arguments("JMSDeliveryMode = 'PERSISTENT'", true),
                arguments("JMSDeliveryMode = 'NON_PERSISTENT'", false),
                arguments("JMSDeliveryMode <> 'NON_PERSISTENT'", true),
                arguments("JMSDeliveryMode IN ('PERSISTENT')", true),
                arguments("JMSPriority = 7", true),
                arguments("JMSPriority > 4 AND JMSPriority <= 9", true),
                arguments("JMSPriority BETWEEN 0 AND 4", false),
                arguments("JMSPriority + 1 = 8", true),
                arguments("JMSMessageID = 'ID:42'", true),
                arguments("JMSMessageID LIKE 'ID:%'", true),
                arguments("JMSMessageID IS NOT NULL", true),
                arguments("JMSTimestamp = 1700000000000", true),
                arguments("JMSTimestamp > 1600000000000 AND JMSTimestamp < 1800000000000", true),
                arguments("JMSTimestamp / 1000 = 1700000000", true),
                arguments("JMSCorrelationID = 'corr-7'", true),
                arguments("JMSCorrelationID LIKE 'corr-_'", true),
                arguments("JMSType IN ('bike', 'car')", true),
                arguments("flag", true),
                arguments("flag = TRUE", true),
                arguments("NOT flag", false),
                arguments("byteProp = 8", true),
                arguments("byteProp * 2 = 16", true),
                arguments("shortProp * shortProp = 90000", true),
                arguments("intProp * intProp = 605032704", true),
                arguments("intProp * 70000 = 4900000000", true),
                arguments("longProp > 4294967296", true),
                arguments("floatProp = 0.1", false),
                arguments("floatProp = 0.1F", true),
                arguments("doubleProp BETWEEN 2 AND 3", true),
                arguments("doubleProp = 2.5", true),
                arguments("color = 'blue'", true),
                arguments("color <> 'blue'", false),
                arguments("Color = 'blue'", false),
                arguments("NumberOfOrders > 1", false),
                arguments("NOT (NumberOfOrders > 1)", true),
                arguments("NumberOfOrders = '2'", true),
                arguments("JMSXGroupID = 'group-1'", true),
                arguments("JMSXDeliveryCount > 1", true),
                arguments("JMSXUserID IS NULL", true),
                arguments("JMS_DepotShard = 3", true),
                arguments("missing IS NULL", true),
                arguments("missing = 1", false),
                arguments("NOT (missing = 1)", false),
                arguments("missing IS NULL AND color = 'blue'", true));
    }

    @ParameterizedTest(name = "{0} matches: {1}")
    @MethodSource("selectors")
    void matchesMessage(String selector, boolean expected) throws Exception {
        assertThat(Selector.parse(selector).matches(message())).isEqualTo(expected);
    }

    @Test
    void nullStringHeadersAreNull() throws Exception {
        FakeMessage message = new FakeMessage();
        for (String header : new String[] {"JMSMessageID", "JMSCorrelationID", "JMSType"}) {
            assertThat(Selector.parse(header + " IS NULL").matches(message)).as(header).isTrue();
            assertThat(Selector.parse(header + " = 'x'").matches(message)).as(header).isFalse();
            assertThat(Selector.parse("NOT (" + header + " = 'x')").matches(message)).as(header).isFalse();
        }
    }

    @Test
    void deliveryModeIsSeenAsString() throws Exception {
        FakeMessage message = new FakeMessage();
        message.setJMSDeliveryMode(DeliveryMode.NON_PERSISTENT);
        assertThat(Selector.parse("JMSDeliveryMode = 'NON_PERSISTENT'").matches(message)).isTrue();
        assertThat(Selector.parse("JMSDeliveryMode = 'PERSISTENT'").matches(message)).isFalse();
        message.setJMSDeliveryMode(99);
        assertThat(Selector.parse("JMSDeliveryMode IS NULL").matches(message)).isTrue();
    }

    @Test
    void disabledTimestampIsZero() throws Exception {
        FakeMessage message = new FakeMessage();
        message.setJMSTimestamp(0L);
        assertThat(Selector.parse("JMSTimestamp = 0").matches(message)).isTrue();
    }

    @Test
    void providerExceptionsPropagateUnchanged() throws Exception {
        JMSException failure = new JMSException("connection lost");
        Selector selector = Selector.parse("color = 'blue'");
        FakeMessage message = message().failingWith(failure);
        assertThatThrownBy(() -> selector.matches(message)).isSameAs(failure);
        Selector headerSelector = Selector.parse("JMSPriority > 1");
        assertThatThrownBy(() -> headerSelector.matches(message)).isSameAs(failure);
    }

    @Test
    void matchAllDoesNotReadTheMessage() throws Exception {
        FakeMessage message = new FakeMessage().failingWith(new JMSException("must not be read"));
        assertThat(Selector.parse(null).matches(message)).isTrue();
        assertThat(Selector.parse("  ").matches(message)).isTrue();
    }

    /** AND/OR stop at the first deciding operand, so the failing property read below never happens. */
    @Test
    void evaluationStopsOnceTheResultIsKnown() throws Exception {
        Supplier<FakeMessage> failing = () -> new FakeMessage().failingWith(new JMSException("read"));
        assertThat(Selector.parse("FALSE AND color = 'x'").matches(failing.get())).isFalse();
        assertThat(Selector.parse("TRUE OR color = 'x'").matches(failing.get())).isTrue();
        assertThatThrownBy(() -> Selector.parse("TRUE AND color = 'x'").matches(failing.get()))
                .isInstanceOf(JMSException.class);
    }
}
