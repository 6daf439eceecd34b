package dev.depot.jms.selector;

import static dev.depot.jms.selector.Fixtures.row;
import static dev.depot.jms.selector.Tri.FALSE;
import static dev.depot.jms.selector.Tri.TRUE;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class IsNullTest {

    static Stream<Arguments> isNull() {
        return Stream.of(
                row("prop_name IS NULL", TRUE),
                row("prop_name IS NULL", FALSE, "prop_name", "x"),
                row("prop_name IS NULL", FALSE, "prop_name", ""),
                row("prop_name IS NULL", FALSE, "prop_name", 0),
                row("prop_name IS NULL", FALSE, "prop_name", false),
                row("prop_name IS NOT NULL", FALSE),
                row("prop_name IS NOT NULL", TRUE, "prop_name", "x"),
                row("prop_name IS NOT NULL", TRUE, "prop_name", Double.NaN),
                row("NOT prop_name IS NULL", TRUE, "prop_name", 1),
                row("NOT prop_name IS NOT NULL", TRUE),
                row("JMSCorrelationID IS NULL", TRUE),
                row("JMSCorrelationID IS NOT NULL", TRUE, "JMSCorrelationID", "c"),
                row("JMSPriority IS NOT NULL", TRUE, "JMSPriority", 4),
                // IS NULL turns an unknown into a definite value
                row("x IS NULL OR x > 1", TRUE),
                row("x IS NOT NULL AND x > 1", FALSE),
                row("prop IS NULL AND other IS NOT NULL", TRUE, "other", 1),
                row("p is null", TRUE),
                row("p Is Not Null", FALSE));
    }

    @ParameterizedTest(name = "{0} with {2} is {1}")
    @MethodSource("isNull")
    void isNullOperator(String selector, Tri expected, Map<String, Object> values) throws Exception {
        assertThat(Fixtures.evaluate(selector, values)).isEqualTo(expected);
    }
}
