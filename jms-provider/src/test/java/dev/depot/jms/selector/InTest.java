package dev.depot.jms.selector;

import static dev.depot.jms.selector.Fixtures.row;
import static dev.depot.jms.selector.Tri.FALSE;
import static dev.depot.jms.selector.Tri.TRUE;
import static dev.depot.jms.selector.Tri.UNKNOWN;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class InTest {

    static Stream<Arguments> in() {
        return Stream.of(
                row("Country IN ('UK', 'US', 'France')", TRUE, "Country", "UK"),
                row("Country IN ('UK', 'US', 'France')", TRUE, "Country", "France"),
                row("Country IN ('UK', 'US', 'France')", FALSE, "Country", "Peru"),
                row("Country NOT IN ('UK', 'US', 'France')", FALSE, "Country", "UK"),
                row("Country NOT IN ('UK', 'US', 'France')", TRUE, "Country", "Peru"),
                row("Country IN ('UK')", TRUE, "Country", "UK"),
                row("Country IN ('UK', 'UK')", TRUE, "Country", "UK"),
                row("Country IN ('UK')", FALSE, "Country", "uk"),
                row("Country IN ('UK')", FALSE, "Country", " UK"),
                row("Country IN ('')", TRUE, "Country", ""),
                row("s IN ('it''s', 'a,b', '(x)')", TRUE, "s", "it's"),
                row("s IN ('it''s', 'a,b', '(x)')", TRUE, "s", "a,b"),
                row("s IN ('it''s', 'a,b', '(x)')", TRUE, "s", "(x)"),
                row("s IN ('it''s', 'a,b', '(x)')", FALSE, "s", "a"),
                row("s IN('a','b')", TRUE, "s", "b"),
                row("JMSType IN ('car', 'bike')", TRUE, "JMSType", "car"),
                row("NOT s IN ('a')", TRUE, "s", "b"));
    }

    static Stream<Arguments> nullsAndNonStrings() {
        return Stream.of(
                row("Country IN ('UK', 'US')", UNKNOWN),
                row("Country NOT IN ('UK', 'US')", UNKNOWN),
                row("NOT (Country IN ('UK', 'US'))", UNKNOWN),
                // IN needs a String: for any other value neither IN nor NOT IN selects (as the TCK requires)
                row("n IN ('1', '2')", UNKNOWN, "n", 1),
                row("n NOT IN ('1', '2')", UNKNOWN, "n", 1),
                row("b IN ('true')", UNKNOWN, "b", true),
                row("b NOT IN ('true')", UNKNOWN, "b", true));
    }

    @ParameterizedTest(name = "{0} with {2} is {1}")
    @MethodSource({"in", "nullsAndNonStrings"})
    void inOperator(String selector, Tri expected, Map<String, Object> values) throws Exception {
        assertThat(Fixtures.evaluate(selector, values)).isEqualTo(expected);
    }

    @Test
    void largeListsWork() throws Exception {
        StringBuilder selector = new StringBuilder("s IN (");
        for (int i = 0; i < 5000; i++) {
            selector.append(i == 0 ? "" : ", ").append('\'').append("v").append(i).append('\'');
        }
        selector.append(')');
        Selector parsed = Selector.parse(selector.toString());
        assertThat(parsed.matches(SelectorContext.of(Fixtures.values("s", "v4999")))).isTrue();
        assertThat(parsed.matches(SelectorContext.of(Fixtures.values("s", "v5000")))).isFalse();
    }
}
