package dev.depot.jms.selector;

import static dev.depot.jms.selector.Fixtures.row;
import static dev.depot.jms.selector.Fixtures.values;
import static dev.depot.jms.selector.Tri.FALSE;
import static dev.depot.jms.selector.Tri.TRUE;
import static dev.depot.jms.selector.Tri.UNKNOWN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The three-valued logic tables of the specification (section 3.8.1.2), via boolean properties and NULL. */
class LogicTest {

    private static Boolean bool(Tri value) {
        return value.toBoolean();
    }

    /** Rows of the AND table: left, right, result. */
    static Stream<Arguments> andTable() {
        return Stream.of(
                arguments(TRUE, TRUE, TRUE), arguments(TRUE, FALSE, FALSE), arguments(TRUE, UNKNOWN, UNKNOWN),
                arguments(FALSE, TRUE, FALSE), arguments(FALSE, FALSE, FALSE), arguments(FALSE, UNKNOWN, FALSE),
                arguments(UNKNOWN, TRUE, UNKNOWN), arguments(UNKNOWN, FALSE, FALSE),
                arguments(UNKNOWN, UNKNOWN, UNKNOWN));
    }

    static Stream<Arguments> orTable() {
        return Stream.of(
                arguments(TRUE, TRUE, TRUE), arguments(TRUE, FALSE, TRUE), arguments(TRUE, UNKNOWN, TRUE),
                arguments(FALSE, TRUE, TRUE), arguments(FALSE, FALSE, FALSE), arguments(FALSE, UNKNOWN, UNKNOWN),
                arguments(UNKNOWN, TRUE, TRUE), arguments(UNKNOWN, FALSE, UNKNOWN),
                arguments(UNKNOWN, UNKNOWN, UNKNOWN));
    }

    static Stream<Arguments> notTable() {
        return Stream.of(arguments(TRUE, FALSE), arguments(FALSE, TRUE), arguments(UNKNOWN, UNKNOWN));
    }

    @ParameterizedTest(name = "{0} AND {1} = {2}")
    @MethodSource("andTable")
    void and(Tri p, Tri q, Tri expected) throws Exception {
        assertThat(Fixtures.evaluate("p AND q", values("p", bool(p), "q", bool(q)))).isEqualTo(expected);
        assertThat(p.and(q)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} OR {1} = {2}")
    @MethodSource("orTable")
    void or(Tri p, Tri q, Tri expected) throws Exception {
        assertThat(Fixtures.evaluate("p OR q", values("p", bool(p), "q", bool(q)))).isEqualTo(expected);
        assertThat(p.or(q)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "NOT {0} = {1}")
    @MethodSource("notTable")
    void not(Tri p, Tri expected) throws Exception {
        assertThat(Fixtures.evaluate("NOT p", values("p", bool(p)))).isEqualTo(expected);
        assertThat(p.not()).isEqualTo(expected);
    }

    /** The same tables with comparisons producing the truth values, as they usually arise. */
    @ParameterizedTest(name = "{0} AND {1} = {2} via comparisons")
    @MethodSource("andTable")
    void andOfComparisons(Tri p, Tri q, Tri expected) throws Exception {
        assertThat(Fixtures.evaluate("x > 0 AND y > 0", values("x", number(p), "y", number(q))))
                .isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} OR {1} = {2} via comparisons")
    @MethodSource("orTable")
    void orOfComparisons(Tri p, Tri q, Tri expected) throws Exception {
        assertThat(Fixtures.evaluate("x > 0 OR y > 0", values("x", number(p), "y", number(q))))
                .isEqualTo(expected);
    }

    private static Integer number(Tri positive) {
        return positive == UNKNOWN ? null : positive == TRUE ? 1 : -1;
    }

    static Stream<Arguments> chains() {
        return Stream.of(
                row("a AND b AND c", TRUE, "a", true, "b", true, "c", true),
                row("a AND b AND c", FALSE, "a", true, "b", null, "c", false),
                row("a AND b AND c", UNKNOWN, "a", true, "b", null, "c", true),
                row("a OR b OR c", TRUE, "a", null, "b", false, "c", true),
                row("a OR b OR c", UNKNOWN, "a", null, "b", false, "c", false),
                row("a OR b OR c", FALSE, "a", false, "b", false, "c", false),
                row("NOT NOT a", TRUE, "a", true),
                row("NOT NOT NOT a", FALSE, "a", true),
                row("NOT NOT a", UNKNOWN),
                row("TRUE", TRUE),
                row("FALSE", FALSE),
                row("NOT FALSE", TRUE),
                row("(TRUE)", TRUE),
                row("a", TRUE, "a", true),
                row("(a)", FALSE, "a", false),
                row("a", UNKNOWN));
    }

    /** An identifier used as a condition must hold a boolean; anything else is unknown, in both polarities. */
    static Stream<Arguments> nonBooleanConditions() {
        return Stream.of(
                row("a", UNKNOWN, "a", "true"),
                row("NOT a", UNKNOWN, "a", "true"),
                row("a", UNKNOWN, "a", 1),
                row("NOT a", UNKNOWN, "a", 0),
                row("a AND TRUE", UNKNOWN, "a", "x"),
                row("a OR TRUE", TRUE, "a", "x"),
                row("a AND FALSE", FALSE, "a", 1));
    }

    @ParameterizedTest(name = "{0} with {2} is {1}")
    @MethodSource({"chains", "nonBooleanConditions"})
    void logicalExpressions(String selector, Tri expected, Map<String, Object> values) throws Exception {
        assertThat(Fixtures.evaluate(selector, values)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("andTable")
    void onlyTrueMatches(Tri p, Tri q, Tri result) throws Exception {
        Selector selector = Selector.parse("p AND q");
        assertThat(selector.matches(SelectorContext.of(values("p", bool(p), "q", bool(q)))))
                .isEqualTo(result == TRUE);
    }
}
