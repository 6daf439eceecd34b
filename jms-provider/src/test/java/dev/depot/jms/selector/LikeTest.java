package dev.depot.jms.selector;

import static dev.depot.jms.selector.Fixtures.row;
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

class LikeTest {

    /** The examples of the specification. */
    static Stream<Arguments> specificationExamples() {
        return Stream.of(
                row("phone LIKE '12%3'", TRUE, "phone", "123"),
                row("phone LIKE '12%3'", TRUE, "phone", "12993"),
                row("phone LIKE '12%3'", FALSE, "phone", "1234"),
                row("word LIKE 'l_se'", TRUE, "word", "lose"),
                row("word LIKE 'l_se'", FALSE, "word", "loose"),
                row("underscored LIKE '\\_%' ESCAPE '\\'", TRUE, "underscored", "_foo"),
                row("underscored LIKE '\\_%' ESCAPE '\\'", FALSE, "underscored", "bar"),
                row("phone NOT LIKE '12%3'", FALSE, "phone", "123"),
                row("phone NOT LIKE '12%3'", FALSE, "phone", "12993"),
                row("phone NOT LIKE '12%3'", TRUE, "phone", "1234"));
    }

    static Stream<Arguments> wildcards() {
        return Stream.of(
                row("s LIKE 'abc'", TRUE, "s", "abc"),
                row("s LIKE 'abc'", FALSE, "s", "abcd"),
                row("s LIKE 'abc'", FALSE, "s", "ABC"),
                row("s LIKE ''", TRUE, "s", ""),
                row("s LIKE ''", FALSE, "s", "a"),
                row("s LIKE '%'", TRUE, "s", ""),
                row("s LIKE '%'", TRUE, "s", "anything"),
                row("s LIKE '%%'", TRUE, "s", ""),
                row("s LIKE '_'", FALSE, "s", ""),
                row("s LIKE '_'", TRUE, "s", "x"),
                row("s LIKE '_'", FALSE, "s", "xy"),
                row("s LIKE '__'", TRUE, "s", "xy"),
                row("s LIKE 'a%'", TRUE, "s", "a"),
                row("s LIKE 'a%'", TRUE, "s", "abc"),
                row("s LIKE 'a%'", FALSE, "s", "ba"),
                row("s LIKE '%a'", TRUE, "s", "cba"),
                row("s LIKE '%a'", FALSE, "s", "ab"),
                row("s LIKE '%b%'", TRUE, "s", "abc"),
                row("s LIKE '%b%'", TRUE, "s", "b"),
                row("s LIKE '%b%'", FALSE, "s", "ac"),
                row("s LIKE 'a%b'", TRUE, "s", "ab"),
                row("s LIKE 'a%b'", TRUE, "s", "abab"),
                row("s LIKE 'a%b'", FALSE, "s", "aba"),
                row("s LIKE 'a%b%c'", TRUE, "s", "axxbyyc"),
                row("s LIKE 'a%b%c'", FALSE, "s", "axxcyyb"),
                row("s LIKE '%a%b%c%'", TRUE, "s", "xxaxxbxxcxx"),
                row("s LIKE '%a%b%c%'", FALSE, "s", "cba"),
                row("s LIKE '%_'", TRUE, "s", "x"),
                row("s LIKE '%_'", FALSE, "s", ""),
                row("s LIKE '_%_'", TRUE, "s", "ab"),
                row("s LIKE '_%_'", FALSE, "s", "a"),
                row("s LIKE '%aab'", TRUE, "s", "aaaab"),
                row("s LIKE '%ab%ab'", TRUE, "s", "abxabab"),
                row("s LIKE 'a%%%b'", TRUE, "s", "ab"),
                // wildcards cross line breaks, and '_' is one code point even outside the BMP
                row("s LIKE 'a%b'", TRUE, "s", "a\nb"),
                row("s LIKE 'a_b'", TRUE, "s", "a\nb"),
                row("s LIKE 'a_b'", TRUE, "s", "a\rb"),
                row("s LIKE '_'", TRUE, "s", "😀"),
                row("s LIKE 'a_c'", TRUE, "s", "a😀c"),
                row("s LIKE '%😀'", TRUE, "s", "x😀"),
                row("s LIKE '__'", FALSE, "s", "😀"),
                row("s LIKE 'it''s%'", TRUE, "s", "it's here"));
    }

    /** Characters special to regular expressions must stand for themselves. */
    static Stream<Arguments> regexMetacharacters() {
        return Stream.of(
                row("s LIKE 'a.c'", TRUE, "s", "a.c"),
                row("s LIKE 'a.c'", FALSE, "s", "abc"),
                row("s LIKE 'a*'", TRUE, "s", "a*"),
                row("s LIKE 'a*'", FALSE, "s", "aaa"),
                row("s LIKE 'a*'", FALSE, "s", ""),
                row("s LIKE '[abc]'", TRUE, "s", "[abc]"),
                row("s LIKE '[abc]'", FALSE, "s", "a"),
                row("s LIKE '(x|y)%'", TRUE, "s", "(x|y)z"),
                row("s LIKE '(x|y)%'", FALSE, "s", "x"),
                row("s LIKE '^a$'", TRUE, "s", "^a$"),
                row("s LIKE '^a$'", FALSE, "s", "a"),
                row("s LIKE 'a+?'", TRUE, "s", "a+?"),
                row("s LIKE 'a+?'", FALSE, "s", "aa"),
                row("s LIKE '\\d'", TRUE, "s", "\\d"),
                row("s LIKE '\\d'", FALSE, "s", "5"),
                row("s LIKE '\\Q%\\E'", TRUE, "s", "\\Qx\\E"),
                row("s LIKE 'a{1,2}'", TRUE, "s", "a{1,2}"),
                row("s LIKE '$1'", TRUE, "s", "$1"),
                row("s LIKE '%.*%'", TRUE, "s", "x.*y"),
                row("s LIKE '%.*%'", FALSE, "s", "xy"));
    }

    static Stream<Arguments> escapes() {
        return Stream.of(
                row("s LIKE '100\\%' ESCAPE '\\'", TRUE, "s", "100%"),
                row("s LIKE '100\\%' ESCAPE '\\'", FALSE, "s", "1000"),
                row("s LIKE '100\\%' ESCAPE '\\'", FALSE, "s", "100"),
                row("s LIKE '100\\%%' ESCAPE '\\'", TRUE, "s", "100% sure"),
                row("s LIKE 'a\\_b' ESCAPE '\\'", TRUE, "s", "a_b"),
                row("s LIKE 'a\\_b' ESCAPE '\\'", FALSE, "s", "axb"),
                row("s LIKE 'a\\\\b' ESCAPE '\\'", TRUE, "s", "a\\b"),
                row("s LIKE 'a!%b' ESCAPE '!'", TRUE, "s", "a%b"),
                row("s LIKE 'a!%b' ESCAPE '!'", FALSE, "s", "axb"),
                row("s LIKE 'a.%' ESCAPE '.'", TRUE, "s", "a%"),
                row("s LIKE 'a.%' ESCAPE '.'", FALSE, "s", "a.x"),
                row("s LIKE '100%%' ESCAPE '%'", TRUE, "s", "100%"),
                row("s LIKE '100%%' ESCAPE '%'", FALSE, "s", "1000"),
                row("s LIKE '_%' ESCAPE '_'", FALSE, "s", "x"),
                row("s LIKE '__' ESCAPE '_'", TRUE, "s", "_"),
                row("s LIKE '''%' ESCAPE ''''", TRUE, "s", "%"),
                row("s LIKE '''%' ESCAPE ''''", FALSE, "s", "'x"),
                row("s LIKE 'a😀%' ESCAPE '😀'", TRUE, "s", "a%"),
                row("s LIKE 'a\\%' ESCAPE '\\'", FALSE, "s", "a\\x"),
                // without an ESCAPE clause a backslash is an ordinary character
                row("s LIKE 'a\\%'", TRUE, "s", "a\\x"),
                row("s LIKE 'abc' ESCAPE '\\'", TRUE, "s", "abc"));
    }

    static Stream<Arguments> nullsAndNonStrings() {
        return Stream.of(
                row("s LIKE 'a%'", UNKNOWN),
                row("s NOT LIKE 'a%'", UNKNOWN),
                row("NOT s LIKE 'a%'", UNKNOWN),
                row("s LIKE '1%'", UNKNOWN, "s", 1),
                row("s NOT LIKE '1%'", UNKNOWN, "s", 1),
                row("s LIKE 'true'", UNKNOWN, "s", true),
                row("JMSType LIKE 'c_r'", TRUE, "JMSType", "car"),
                row("JMSType LIKE 'c_r'", UNKNOWN));
    }

    @ParameterizedTest(name = "{0} with {2} is {1}")
    @MethodSource({"specificationExamples", "wildcards", "regexMetacharacters", "escapes", "nullsAndNonStrings"})
    void likeOperator(String selector, Tri expected, Map<String, Object> values) throws Exception {
        assertThat(Fixtures.evaluate(selector, values)).isEqualTo(expected);
    }

    static Stream<Arguments> patterns() {
        return Stream.of(
                arguments("%a%a%a%a%a%a%a%b", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", false),
                arguments("%a%a%a%a%a%a%a%b", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab", true),
                arguments("_%_%_", "abc", true),
                arguments("_%_%_", "ab", false),
                arguments("%", "", true),
                arguments("", "", true));
    }

    @ParameterizedTest(name = "''{0}'' matches ''{1}'': {2}")
    @MethodSource("patterns")
    void compiledPatterns(String pattern, String value, boolean expected) {
        assertThat(LikePattern.compile(pattern, -1).matches(value)).isEqualTo(expected);
    }
}
