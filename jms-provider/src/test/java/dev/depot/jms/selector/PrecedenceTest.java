package dev.depot.jms.selector;

import static dev.depot.jms.selector.Fixtures.row;
import static dev.depot.jms.selector.Tri.FALSE;
import static dev.depot.jms.selector.Tri.TRUE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Precedence as the specification lists it: unary +/-, then * /, then binary + -, then comparisons, then NOT, AND,
 * OR; left to right within a level.
 */
class PrecedenceTest {

    static Stream<Arguments> trees() {
        return Stream.of(
                arguments("a = 1 OR b = 2 AND c = 3", "((a = 1) OR ((b = 2) AND (c = 3)))"),
                arguments("a = 1 AND b = 2 OR c = 3", "(((a = 1) AND (b = 2)) OR (c = 3))"),
                arguments("(a = 1 OR b = 2) AND c = 3", "(((a = 1) OR (b = 2)) AND (c = 3))"),
                arguments("NOT a = 1 AND b = 2", "((NOT (a = 1)) AND (b = 2))"),
                arguments("NOT a = 1 OR b = 2", "((NOT (a = 1)) OR (b = 2))"),
                arguments("NOT (a = 1 OR b = 2)", "(NOT ((a = 1) OR (b = 2)))"),
                arguments("NOT NOT a", "(NOT (NOT a))"),
                arguments("a OR b OR c", "(a OR b OR c)"),
                arguments("(a OR b) OR c", "(a OR b OR c)"),
                arguments("a OR (b OR c)", "(a OR b OR c)"),
                arguments("a AND (b AND c) AND d", "(a AND b AND c AND d)"),
                arguments("a AND (b OR c)", "(a AND (b OR c))"),
                arguments("a + b * c = d", "((a + (b * c)) = d)"),
                arguments("(a + b) * c = d", "(((a + b) * c) = d)"),
                arguments("a - b - c = 0", "(((a - b) - c) = 0)"),
                arguments("a - (b - c) = 0", "((a - (b - c)) = 0)"),
                arguments("a / b * c = 1", "(((a / b) * c) = 1)"),
                arguments("a * b / c = 1", "(((a * b) / c) = 1)"),
                arguments("-a * b = 1", "(((-a) * b) = 1)"),
                arguments("-a - -b = 1", "(((-a) - (-b)) = 1)"),
                arguments("a * -b + c = 1", "(((a * (-b)) + c) = 1)"),
                arguments("+a = 1", "((+a) = 1)"),
                arguments("a = -5", "(a = -5)"),
                arguments("a = - 5", "(a = -5)"),
                arguments("a = -(5)", "(a = -5)"),
                arguments("a + 1 > b * 2", "((a + 1) > (b * 2))"),
                arguments("a + 1 BETWEEN b - 1 AND c * 2", "((a + 1) BETWEEN (b - 1) AND (c * 2))"),
                arguments("a BETWEEN 1 AND 2 AND b", "((a BETWEEN 1 AND 2) AND b)"),
                arguments("NOT a BETWEEN 1 AND 2", "(NOT (a BETWEEN 1 AND 2))"),
                arguments("a NOT BETWEEN 1 AND 2 OR b", "((a NOT BETWEEN 1 AND 2) OR b)"),
                arguments("NOT a IN ('x') AND b LIKE 'y' OR c IS NULL",
                        "(((NOT (a IN ('x'))) AND (b LIKE 'y')) OR (c IS NULL))"),
                arguments("a LIKE 'x' ESCAPE '!' AND b", "((a LIKE 'x' ESCAPE '!') AND b)"),
                arguments("((((a))))", "a"),
                arguments("(a = 1) = TRUE", "((a = 1) = TRUE)"));
    }

    @ParameterizedTest(name = "{0} parses as {1}")
    @MethodSource("trees")
    void parseTree(String selector, String canonical) throws Exception {
        assertThat(Selector.parse(selector).canonical()).isEqualTo(canonical);
    }

    @ParameterizedTest(name = "{0} keeps its meaning when reparsed")
    @MethodSource("trees")
    void canonicalFormReparsesToItself(String selector, String canonical) throws Exception {
        assertThat(Selector.parse(canonical).canonical()).isEqualTo(canonical);
    }

    static Stream<Arguments> evaluation() {
        return Stream.of(
                row("TRUE OR TRUE AND FALSE", TRUE),
                row("(TRUE OR TRUE) AND FALSE", FALSE),
                row("FALSE AND FALSE OR TRUE", TRUE),
                row("FALSE AND (FALSE OR TRUE)", FALSE),
                row("NOT TRUE AND FALSE", FALSE),
                row("NOT (TRUE AND FALSE)", TRUE),
                row("NOT FALSE OR TRUE", TRUE),
                row("NOT (FALSE OR TRUE)", FALSE),
                row("2 + 3 * 4 = 14", TRUE),
                row("(2 + 3) * 4 = 20", TRUE),
                row("10 - 4 - 3 = 3", TRUE),
                row("10 - (4 - 3) = 9", TRUE),
                row("100 / 10 / 5 = 2", TRUE),
                row("100 / (10 / 5) = 50", TRUE),
                row("-2 * -3 = 6", TRUE),
                row("- 2 - - 3 = 1", TRUE),
                row("2 * 3 = 6 AND 6 / 2 = 3", TRUE),
                row("(1 + 1 = 2) = TRUE", TRUE),
                row("a = 1 OR b = 1 AND c = 1", TRUE, "a", 1, "b", 0, "c", 0),
                row("(a = 1 OR b = 1) AND c = 1", FALSE, "a", 1, "b", 0, "c", 0));
    }

    @ParameterizedTest(name = "{0} with {2} is {1}")
    @MethodSource("evaluation")
    void evaluationOrder(String selector, Tri expected, Map<String, Object> values) throws Exception {
        assertThat(Fixtures.evaluate(selector, values)).isEqualTo(expected);
    }
}
