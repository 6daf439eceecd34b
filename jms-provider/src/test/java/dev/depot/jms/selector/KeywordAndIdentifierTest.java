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

class KeywordAndIdentifierTest {

    static Stream<Arguments> caseInsensitiveKeywords() {
        return Stream.of(
                row("a between 1 and 3", TRUE, "a", 2),
                row("a BeTwEeN 1 AnD 3", TRUE, "a", 2),
                row("a not between 1 and 3", FALSE, "a", 2),
                row("a Not In ('x')", FALSE, "a", "x"),
                row("a in ('x')", TRUE, "a", "x"),
                row("a is not null", TRUE, "a", 1),
                row("a IS NULL", FALSE, "a", 1),
                row("a LiKe 'x!%' eScApE '!'", TRUE, "a", "x%"),
                row("a like 'x%'", TRUE, "a", "xyz"),
                row("a = 1 oR b = 2", TRUE, "a", 0, "b", 2),
                row("a = 1 and b = 2", FALSE, "a", 0, "b", 2),
                row("not a = 1", TRUE, "a", 0),
                row("true", TRUE),
                row("NoT false", TRUE),
                row("a = tRuE", TRUE, "a", true));
    }

    static Stream<Arguments> identifiers() {
        return Stream.of(
                // identifiers are case-sensitive
                row("color = 'blue'", TRUE, "color", "blue"),
                row("Color = 'blue'", UNKNOWN, "color", "blue"),
                row("COLOR = 'blue'", TRUE, "COLOR", "blue", "color", "red"),
                row("$price > 1", TRUE, "$price", 2),
                row("_x = 1", TRUE, "_x", 1),
                row("a1_$b2 = 1", TRUE, "a1_$b2", 1),
                row("é = 'x'", TRUE, "é", "x"),
                row("名前 = 'x'", TRUE, "名前", "x"),
                // words that merely contain or resemble keywords, or are SQL keywords JMS does not reserve
                row("ANDY = 1", TRUE, "ANDY", 1),
                row("ORDER = 1", TRUE, "ORDER", 1),
                row("INx = 1", TRUE, "INx", 1),
                row("nullable = 1", TRUE, "nullable", 1),
                row("trueValue", TRUE, "trueValue", true),
                row("notes IS NULL", TRUE),
                row("isActive", TRUE, "isActive", true),
                row("select = 1 AND from = 2 AND where = 3", TRUE, "select", 1, "from", 2, "where", 3),
                row("DROP = 'TABLE'", TRUE, "DROP", "TABLE"),
                // keyword matching folds ASCII only: a dotless i makes "ın" an identifier, not IN
                row("ın = 'x'", TRUE, "ın", "x"),
                // JMSX and JMS_ names are properties
                row("JMSXGroupID = 'g'", TRUE, "JMSXGroupID", "g"),
                row("JMSXDeliveryCount > 1", TRUE, "JMSXDeliveryCount", 2),
                row("JMS_DepotShard = 3", TRUE, "JMS_DepotShard", 3),
                // "jms" in lower case is an ordinary application property
                row("jmsDestination = 'x'", TRUE, "jmsDestination", "x"));
    }

    static Stream<Arguments> whitespace() {
        return Stream.of(
                row("a=1", TRUE, "a", 1),
                row("\ta\r\n=\f1\n", TRUE, "a", 1),
                row("a<>1", TRUE, "a", 2),
                row("a<=1", TRUE, "a", 1),
                row("a>=1", TRUE, "a", 1),
                row("(a)=(1)", TRUE, "a", 1),
                row("a IN('x','y')", TRUE, "a", "y"),
                row("a  =  'x  y'", TRUE, "a", "x  y"));
    }

    @ParameterizedTest(name = "{0} with {2} is {1}")
    @MethodSource({"caseInsensitiveKeywords", "identifiers", "whitespace"})
    void parsesAndEvaluates(String selector, Tri expected, Map<String, Object> values) throws Exception {
        assertThat(Fixtures.evaluate(selector, values)).isEqualTo(expected);
    }
}
