package dev.depot.jms.selector;

import static dev.depot.jms.selector.Fixtures.row;
import static dev.depot.jms.selector.Tri.FALSE;
import static dev.depot.jms.selector.Tri.TRUE;
import static dev.depot.jms.selector.Tri.UNKNOWN;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class BetweenTest {

    static Stream<Arguments> between() {
        return Stream.of(
                row("age BETWEEN 15 AND 19", TRUE, "age", 15),
                row("age BETWEEN 15 AND 19", TRUE, "age", 17),
                row("age BETWEEN 15 AND 19", TRUE, "age", 19),
                row("age BETWEEN 15 AND 19", FALSE, "age", 14),
                row("age BETWEEN 15 AND 19", FALSE, "age", 20),
                row("age NOT BETWEEN 15 AND 19", FALSE, "age", 15),
                row("age NOT BETWEEN 15 AND 19", FALSE, "age", 19),
                row("age NOT BETWEEN 15 AND 19", TRUE, "age", 14),
                row("age NOT BETWEEN 15 AND 19", TRUE, "age", 20),
                row("age BETWEEN 19 AND 15", FALSE, "age", 17),
                row("age NOT BETWEEN 19 AND 15", TRUE, "age", 17),
                row("age BETWEEN 15 AND 15", TRUE, "age", 15));
    }

    static Stream<Arguments> mixedNumericTypes() {
        return Stream.of(
                row("v BETWEEN 15 AND 19", TRUE, "v", 15.5),
                row("v BETWEEN 15 AND 19", TRUE, "v", 19.0f),
                row("v BETWEEN 15 AND 19", FALSE, "v", 19.000001),
                row("v BETWEEN 15.5 AND 16", TRUE, "v", 16),
                row("v BETWEEN 15.5 AND 16", FALSE, "v", 15L),
                row("v BETWEEN 1.5F AND 2.5", TRUE, "v", (byte) 2),
                row("v BETWEEN -1 AND 1", TRUE, "v", (short) 0),
                row("v BETWEEN lo AND hi", TRUE, "v", 5, "lo", 4.5f, "hi", 5L),
                row("v BETWEEN 1 + 1 AND 2 * 3", TRUE, "v", 6),
                row("v + 1 BETWEEN 2 AND 3", TRUE, "v", 1),
                row("JMSPriority BETWEEN 0 AND 4", TRUE, "JMSPriority", 4),
                row("v BETWEEN -9223372036854775808 AND 9223372036854775807", TRUE, "v", Long.MIN_VALUE));
    }

    /** BETWEEN is evaluated through the specification's equivalences, so NULL and unlike types behave as there. */
    static Stream<Arguments> nullsAndMismatches() {
        return Stream.of(
                row("v BETWEEN 1 AND 5", UNKNOWN),
                row("v NOT BETWEEN 1 AND 5", UNKNOWN),
                row("v BETWEEN lo AND 5", UNKNOWN, "v", 3),
                // 0 >= 1 is false, so the conjunction is false whatever the missing bound
                row("v BETWEEN 1 AND hi", FALSE, "v", 0),
                row("v BETWEEN 1 AND hi", UNKNOWN, "v", 5),
                // 0 < 1 is true, so the disjunction is true whatever the missing bound
                row("v NOT BETWEEN 1 AND hi", TRUE, "v", 0),
                row("v NOT BETWEEN 1 AND hi", UNKNOWN, "v", 5),
                row("v BETWEEN 1 AND 5", FALSE, "v", "3"),
                row("v NOT BETWEEN 1 AND 5", FALSE, "v", "3"),
                row("v BETWEEN 1 AND 5", FALSE, "v", true),
                row("v BETWEEN lo AND 5", FALSE, "v", 3, "lo", "1"),
                row("v BETWEEN 1 AND 5", FALSE, "v", Double.NaN),
                row("v NOT BETWEEN 1 AND 5", FALSE, "v", Double.NaN));
    }

    static Stream<Arguments> combinedWithAnd() {
        return Stream.of(
                row("v BETWEEN 1 AND 5 AND w = 2", TRUE, "v", 3, "w", 2),
                row("v BETWEEN 1 AND 5 AND w = 2", FALSE, "v", 3, "w", 3),
                row("w = 2 AND v BETWEEN 1 AND 5", TRUE, "v", 3, "w", 2),
                row("v NOT BETWEEN 1 AND 5 OR w = 2", TRUE, "v", 3, "w", 2),
                row("NOT v BETWEEN 1 AND 5", TRUE, "v", 6));
    }

    @ParameterizedTest(name = "{0} with {2} is {1}")
    @MethodSource({"between", "mixedNumericTypes", "nullsAndMismatches", "combinedWithAnd"})
    void betweenOperator(String selector, Tri expected, Map<String, Object> values) throws Exception {
        assertThat(Fixtures.evaluate(selector, values)).isEqualTo(expected);
    }
}
