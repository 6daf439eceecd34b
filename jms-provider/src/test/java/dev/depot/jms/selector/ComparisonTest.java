package dev.depot.jms.selector;

import static dev.depot.jms.selector.Fixtures.row;
import static dev.depot.jms.selector.Tri.FALSE;
import static dev.depot.jms.selector.Tri.TRUE;
import static dev.depot.jms.selector.Tri.UNKNOWN;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ComparisonTest {

    static Stream<Arguments> numeric() {
        return Stream.of(
                row("n = 5", TRUE, "n", 5),
                row("n = 5", TRUE, "n", 5L),
                row("n = 5", TRUE, "n", (byte) 5),
                row("n = 5", TRUE, "n", (short) 5),
                row("n = 5", TRUE, "n", 5.0f),
                row("n = 5", TRUE, "n", 5.0),
                row("n = 5.0", TRUE, "n", 5),
                row("n = 6", FALSE, "n", 5),
                row("n <> 6", TRUE, "n", 5),
                row("n <> 5", FALSE, "n", 5),
                row("n < 6", TRUE, "n", 5),
                row("n < 5", FALSE, "n", 5),
                row("n <= 5", TRUE, "n", 5),
                row("n <= 4", FALSE, "n", 5),
                row("n > 4", TRUE, "n", 5),
                row("n > 5", FALSE, "n", 5),
                row("n >= 5", TRUE, "n", 5),
                row("n >= 6", FALSE, "n", 5),
                row("n > 4.5", TRUE, "n", 5),
                row("n < 2.5", TRUE, "n", 2L),
                row("n >= -1", TRUE, "n", (byte) -1),
                row("5 = n", TRUE, "n", 5),
                row("a = b", TRUE, "a", 3, "b", 3L),
                row("a < b", TRUE, "a", (short) 3, "b", 3.5),
                row("n = 9223372036854775807", TRUE, "n", Long.MAX_VALUE),
                row("n = 9223372036854775806", FALSE, "n", Long.MAX_VALUE),
                // float stays float: 0.1f widened to double is not 0.1
                row("n = 0.1", FALSE, "n", 0.1f),
                row("n = 0.1F", TRUE, "n", 0.1f),
                row("n = 0.1", TRUE, "n", 0.1),
                // Java promotes long and float to float, where 16777217 rounds to 16777216
                row("n = 16777216.0F", TRUE, "n", 16_777_217L),
                row("n = 16777216.0", FALSE, "n", 16_777_217L),
                row("n = 16777216", FALSE, "n", 16_777_217L),
                // NaN and signed zero follow Java's primitive comparisons
                row("n = n", FALSE, "n", Double.NaN),
                row("n <> n", TRUE, "n", Double.NaN),
                row("n < 1", FALSE, "n", Double.NaN),
                row("n >= 1", FALSE, "n", Float.NaN),
                row("n = 0", TRUE, "n", -0.0),
                row("n > 1e308", TRUE, "n", Double.POSITIVE_INFINITY),
                row("n < -1e308", TRUE, "n", Float.NEGATIVE_INFINITY));
    }

    static Stream<Arguments> strings() {
        return Stream.of(
                row("s = 'abc'", TRUE, "s", "abc"),
                row("s = 'abc'", FALSE, "s", "abd"),
                row("s = 'ABC'", FALSE, "s", "abc"),
                row("s = 'abc '", FALSE, "s", "abc"),
                row("s <> 'abc'", TRUE, "s", "abd"),
                row("s <> 'abc'", FALSE, "s", "abc"),
                row("s = ''", TRUE, "s", ""),
                row("'abc' = s", TRUE, "s", "abc"),
                row("s = t", TRUE, "s", "x", "t", "x"),
                row("s <> t", TRUE, "s", "x", "t", "y"),
                // ordering is not defined for strings; at runtime it is simply false both ways
                row("s < t", FALSE, "s", "a", "t", "b"),
                row("s > t", FALSE, "s", "a", "t", "b"),
                row("s >= t", FALSE, "s", "a", "t", "a"));
    }

    static Stream<Arguments> booleans() {
        return Stream.of(
                row("b = TRUE", TRUE, "b", true),
                row("b = TRUE", FALSE, "b", false),
                row("b = FALSE", TRUE, "b", false),
                row("b <> TRUE", TRUE, "b", false),
                row("b = c", TRUE, "b", true, "c", true),
                row("b <> c", TRUE, "b", true, "c", false),
                row("b < c", FALSE, "b", false, "c", true),
                row("b > c", FALSE, "b", true, "c", false),
                row("TRUE = TRUE", TRUE),
                row("TRUE <> FALSE", TRUE),
                row("(n > 1) = TRUE", TRUE, "n", 2),
                row("(n > 1) = (m > 1)", TRUE, "n", 0, "m", 0),
                row("(n > 1) <> FALSE", UNKNOWN));
    }

    /** Unlike types compare as false, not unknown, so the negation is true. */
    static Stream<Arguments> typeMismatches() {
        return Stream.of(
                row("s = 1", FALSE, "s", "1"),
                row("NOT (s = 1)", TRUE, "s", "1"),
                row("s <> 1", FALSE, "s", "1"),
                row("NumberOfOrders > 1", FALSE, "NumberOfOrders", "2"),
                row("NOT (NumberOfOrders > 1)", TRUE, "NumberOfOrders", "2"),
                row("n = '1'", FALSE, "n", 1),
                row("n <> '1'", FALSE, "n", 1),
                row("b = 1", FALSE, "b", true),
                row("b = 'true'", FALSE, "b", true),
                row("s = TRUE", FALSE, "s", "TRUE"),
                row("s = n", FALSE, "s", "1", "n", 1),
                row("s < n", FALSE, "s", "1", "n", 2),
                row("b >= n", FALSE, "b", true, "n", 1),
                // values of classes a message cannot hold compare as unlike with everything
                row("x = 1", FALSE, "x", BigDecimal.ONE),
                row("x = '1'", FALSE, "x", BigDecimal.ONE),
                row("x = y", FALSE, "x", 'c', "y", 'c'));
    }

    static Stream<Arguments> nulls() {
        return Stream.of(
                row("x = 1", UNKNOWN),
                row("x <> 1", UNKNOWN),
                row("x < 1", UNKNOWN),
                row("x >= 1", UNKNOWN),
                row("1 = x", UNKNOWN),
                row("x = 'a'", UNKNOWN),
                row("x = TRUE", UNKNOWN),
                row("x = x", UNKNOWN),
                row("x = y", UNKNOWN, "y", 1),
                row("y = x", UNKNOWN, "y", 1),
                row("s = x", UNKNOWN, "s", "a"),
                row("NOT (x = 1)", UNKNOWN));
    }

    @ParameterizedTest(name = "{0} with {2} is {1}")
    @MethodSource({"numeric", "strings", "booleans", "typeMismatches", "nulls"})
    void comparisons(String selector, Tri expected, Map<String, Object> values) throws Exception {
        assertThat(Fixtures.evaluate(selector, values)).isEqualTo(expected);
    }
}
