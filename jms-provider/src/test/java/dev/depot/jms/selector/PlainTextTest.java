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

/**
 * Text that looks like SQL, quoting tricks or other syntax inside string literals is data and nothing else: it
 * matches only a property with exactly that text.
 */
class PlainTextTest {

    static Stream<Arguments> injectionLikeLiterals() {
        return Stream.of(
                row("name = 'x''; DROP TABLE t; --'", TRUE, "name", "x'; DROP TABLE t; --"),
                row("name = 'x''; DROP TABLE t; --'", FALSE, "name", "x"),
                row("name = 'a'' OR ''1''=''1'", TRUE, "name", "a' OR '1'='1"),
                row("name = 'a'' OR ''1''=''1'", FALSE, "name", "a"),
                row("name = 'a'' OR ''1''=''1'", FALSE, "name", "b"),
                row("name = ''' OR 1=1 --'", TRUE, "name", "' OR 1=1 --"),
                row("name = ''' OR 1=1 --'", FALSE, "name", "anything"),
                row("name = 'SELECT * FROM messages WHERE 1 = 1'", TRUE, "name", "SELECT * FROM messages WHERE 1 = 1"),
                row("name = '); DELETE FROM messages; ('", TRUE, "name", "); DELETE FROM messages; ("),
                row("name LIKE '%''; DELETE FROM messages; --%'", TRUE, "name", "x'; DELETE FROM messages; --y"),
                row("name LIKE '%''; DELETE FROM messages; --%'", FALSE, "name", "x"),
                row("name IN ('a'', ''b', 'c')", TRUE, "name", "a', 'b"),
                row("name IN ('a'', ''b', 'c')", FALSE, "name", "a"),
                row("name IN ('a'', ''b', 'c')", FALSE, "name", "b"),
                row("name = '/* comment */'", TRUE, "name", "/* comment */"),
                row("name = 'NULL'", TRUE, "name", "NULL"),
                row("name = 'NULL'", FALSE, "name", "null"),
                row("name = 'TRUE'", FALSE, "name", true),
                // a backslash does not escape a quote
                row("name = '\\' AND x = 1", TRUE, "name", "\\", "x", 1),
                row("name = '$1 ${x} %s {0}'", TRUE, "name", "$1 ${x} %s {0}"),
                row("name = '\u0000'", TRUE, "name", "\u0000"),
                // "--" is not a comment: this is 1 - (-x)
                row("a = 1 -- x", TRUE, "a", 3, "x", 2));
    }

    @ParameterizedTest(name = "{0} with {2} is {1}")
    @MethodSource("injectionLikeLiterals")
    void literalsAreData(String selector, Tri expected, Map<String, Object> values) throws Exception {
        assertThat(Fixtures.evaluate(selector, values)).isEqualTo(expected);
    }
}
