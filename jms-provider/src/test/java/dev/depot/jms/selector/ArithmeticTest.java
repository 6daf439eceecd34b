package dev.depot.jms.selector;

import static dev.depot.jms.selector.Fixtures.row;
import static dev.depot.jms.selector.Tri.FALSE;
import static dev.depot.jms.selector.Tri.TRUE;
import static dev.depot.jms.selector.Tri.UNKNOWN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.math.BigDecimal;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ArithmeticTest {

    static Stream<Arguments> operators() {
        return Stream.of(
                row("i + 1 = 3", TRUE, "i", 2),
                row("i - 1 = 1", TRUE, "i", 2),
                row("i * 3 = 6", TRUE, "i", 2),
                row("i / 2 = 2", TRUE, "i", 5),
                row("i / 2 = 2.5", FALSE, "i", 5),
                row("i / 2.0 = 2.5", TRUE, "i", 5),
                row("i / -2 = -2", TRUE, "i", 5),
                row("-i = -5", TRUE, "i", 5),
                row("+i = 5", TRUE, "i", 5),
                row("- -i = 5", TRUE, "i", 5),
                row("i = --5", TRUE, "i", 5),
                row("i = -+-5", TRUE, "i", 5),
                row("-i = 5", TRUE, "i", -5L),
                row("-d = 1.5", TRUE, "d", -1.5),
                row("-f = 1.5F", TRUE, "f", -1.5f),
                row("b + s = 3", TRUE, "b", (byte) 1, "s", (short) 2),
                row("a * b - c / d = 5.5", TRUE, "a", 2, "b", 3L, "c", 1.0f, "d", 2.0),
                row("x + y = 1.5", TRUE, "x", 1L, "y", 0.5f),
                row("JMSPriority + 1 = 5", TRUE, "JMSPriority", 4),
                row("2 + 3 * 4 = 14", TRUE),
                row("7 / 2 = 3", TRUE),
                row("-7 / 2 = -3", TRUE),
                row("7.0 / 2 = 3.5", TRUE),
                row("1 - 0.9 = 0.1", FALSE),
                row("1 - 0.9 < 0.1", TRUE));
    }

    static Stream<Arguments> javaOverflowAndDivision() {
        return Stream.of(
                // int + int stays int in Java and wraps around
                row("a + b = -2147483648", TRUE, "a", Integer.MAX_VALUE, "b", 1),
                row("a + b = 2147483648", TRUE, "a", Integer.MAX_VALUE, "b", 1L),
                // literals are long, so an int property plus a literal does not wrap
                row("a + 1 = 2147483648", TRUE, "a", Integer.MAX_VALUE),
                row("a * a = 131073", TRUE, "a", 65537),
                row("l + 1 = -9223372036854775808", TRUE, "l", Long.MAX_VALUE),
                row("l / -1 = l", TRUE, "l", Long.MIN_VALUE),
                row("-l = l", TRUE, "l", Long.MIN_VALUE),
                row("-i = i", TRUE, "i", Integer.MIN_VALUE),
                // integer division by zero has no Java value: unknown
                row("i / 0 = 0", UNKNOWN, "i", 1),
                row("i / z = 0", UNKNOWN, "i", 1, "z", 0),
                row("i / z = 0", UNKNOWN, "i", 1L, "z", (short) 0),
                // floating-point division by zero follows IEEE 754 as in Java
                row("i / 0.0 > 1e308", TRUE, "i", 1),
                row("-i / 0.0 < -1e308", TRUE, "i", 1),
                row("i / z > 1e308", TRUE, "i", 1, "z", 0.0f),
                row("0 / 0.0 = 0 / 0.0", FALSE),
                row("0 / 0.0 <> 0", TRUE));
    }

    static Stream<Arguments> nullAndNonNumeric() {
        return Stream.of(
                row("x + 1 = 1", UNKNOWN),
                row("1 + x = 1", UNKNOWN),
                row("x * 0 = 0", UNKNOWN),
                row("-x = 0", UNKNOWN),
                row("+x = 0", UNKNOWN),
                row("s + 1 = 2", UNKNOWN, "s", "1"),
                row("1 + s = 2", UNKNOWN, "s", "1"),
                row("-s = -1", UNKNOWN, "s", "1"),
                row("+s = 1", UNKNOWN, "s", "1"),
                row("b * 1 = 1", UNKNOWN, "b", true),
                row("x + 1 = 2", UNKNOWN, "x", BigDecimal.ONE),
                row("NOT (s + 1 = 2)", UNKNOWN, "s", "1"));
    }

    @ParameterizedTest(name = "{0} with {2} is {1}")
    @MethodSource({"operators", "javaOverflowAndDivision", "nullAndNonNumeric"})
    void arithmetic(String selector, Tri expected, Map<String, Object> values) throws Exception {
        assertThat(Fixtures.evaluate(selector, values)).isEqualTo(expected);
    }

    static Stream<Arguments> promotions() {
        return Stream.of(
                arguments(ArithmeticOp.PLUS, 1, 2, 3),
                arguments(ArithmeticOp.PLUS, (byte) 1, (short) 2, 3),
                arguments(ArithmeticOp.PLUS, 1, 2L, 3L),
                arguments(ArithmeticOp.PLUS, 1L, 2.0f, 3.0f),
                arguments(ArithmeticOp.PLUS, 1, 2.0f, 3.0f),
                arguments(ArithmeticOp.PLUS, 1.0f, 2.0, 3.0),
                arguments(ArithmeticOp.MINUS, 5, 7, -2),
                arguments(ArithmeticOp.TIMES, (short) 300, (short) 300, 90_000),
                arguments(ArithmeticOp.TIMES, Integer.MAX_VALUE, 2, -2),
                arguments(ArithmeticOp.DIVIDE, 7, 2, 3),
                arguments(ArithmeticOp.DIVIDE, 7L, 2, 3L),
                arguments(ArithmeticOp.DIVIDE, 7, 2.0f, 3.5f),
                arguments(ArithmeticOp.DIVIDE, 1.0f, 3, 1.0f / 3),
                arguments(ArithmeticOp.DIVIDE, 1.0, 3, 1.0 / 3));
    }

    @ParameterizedTest(name = "{1} {0} {2} = {3}")
    @MethodSource("promotions")
    void resultTypeFollowsJavaBinaryNumericPromotion(ArithmeticOp op, Object left, Object right, Object expected) {
        assertThat(Values.arithmetic(op, left, right)).isEqualTo(expected);
    }

    static Stream<Arguments> negations() {
        return Stream.of(
                arguments((byte) 3, -3),
                arguments((short) 3, -3),
                arguments(3, -3),
                arguments(3L, -3L),
                arguments(1.5f, -1.5f),
                arguments(1.5, -1.5));
    }

    @ParameterizedTest(name = "-{0} = {1}")
    @MethodSource("negations")
    void negationFollowsJavaUnaryPromotion(Object value, Object expected) {
        assertThat(Values.negate(value)).isEqualTo(expected);
    }
}
