package dev.depot.jms.selector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import jakarta.jms.InvalidSelectorException;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LiteralTest {

    /** The literal on the right of "v = literal", as the parser built it. */
    private static Object literalValue(String literal) throws InvalidSelectorException {
        Nodes.Comparison comparison = (Nodes.Comparison) Parser.parse("v = " + literal);
        assertThat(comparison.right).isInstanceOf(Nodes.Literal.class);
        return ((Nodes.Literal) comparison.right).constant;
    }

    static Stream<Arguments> exactNumerics() {
        return Stream.of(
                arguments("57", 57L),
                arguments("-957", -957L),
                arguments("+62", 62L),
                arguments("0", 0L),
                arguments("00", 0L),
                arguments("017", 15L),
                arguments("0_7", 7L),
                arguments("0x1F", 31L),
                arguments("0X1f", 31L),
                arguments("0x1fL", 31L),
                arguments("0b101", 5L),
                arguments("0B1_0l", 2L),
                arguments("1_000_000", 1_000_000L),
                arguments("1__0", 10L),
                arguments("10L", 10L),
                arguments("2147483648", 2_147_483_648L),
                arguments("9223372036854775807", Long.MAX_VALUE),
                arguments("-9223372036854775808", Long.MIN_VALUE),
                arguments("- 9223372036854775808L", Long.MIN_VALUE),
                arguments("0xFFFFFFFF", 0xFFFFFFFFL),
                arguments("0xFFFFFFFFFFFFFFFFL", -1L),
                arguments("0x7fff_ffff_ffff_ffff", Long.MAX_VALUE),
                arguments("01777777777777777777777", -1L),
                arguments("--5", 5L));
    }

    @ParameterizedTest(name = "{0} is {1}")
    @MethodSource("exactNumerics")
    void exactNumericLiteralsAreLongs(String literal, long expected) throws Exception {
        assertThat(literalValue(literal)).isEqualTo(expected);
    }

    static Stream<Arguments> approximateNumerics() {
        return Stream.of(
                arguments("7E3", 7000.0),
                arguments("-57.9E2", -5790.0),
                arguments("7.", 7.0),
                arguments("-95.7", -95.7),
                arguments("+6.2", 6.2),
                arguments(".5", 0.5),
                arguments("1e-3", 0.001),
                arguments("1E+3", 1000.0),
                arguments("1.5D", 1.5),
                arguments("2d", 2.0),
                arguments("1_0.2_5", 10.25),
                arguments("1e1_0", 1e10),
                arguments("08.5", 8.5),
                arguments("09e1", 90.0),
                arguments("0x1.8p1", 3.0),
                arguments("0x.8P0", 0.5),
                arguments("0x1p-2d", 0.25),
                arguments("4.9e-324", Double.MIN_VALUE),
                arguments("1.7976931348623157E308", Double.MAX_VALUE),
                arguments("0.0", 0.0),
                arguments("0e99999", 0.0));
    }

    @ParameterizedTest(name = "{0} is {1}")
    @MethodSource("approximateNumerics")
    void approximateNumericLiteralsAreDoubles(String literal, double expected) throws Exception {
        assertThat(literalValue(literal)).isEqualTo(expected);
    }

    static Stream<Arguments> floatLiterals() {
        return Stream.of(
                arguments("1.5F", 1.5f),
                arguments("1f", 1.0f),
                arguments("0.1f", 0.1f),
                arguments("-.25F", -0.25f),
                arguments("0x1p-2f", 0.25f),
                arguments("3.4028235e38f", Float.MAX_VALUE));
    }

    @ParameterizedTest(name = "{0} is float {1}")
    @MethodSource("floatLiterals")
    void floatSuffixKeepsFloatPrecision(String literal, float expected) throws Exception {
        assertThat(literalValue(literal)).isEqualTo(expected);
    }

    static Stream<Arguments> strings() {
        return Stream.of(
                arguments("'literal'", "literal"),
                arguments("'literal''s'", "literal's"),
                arguments("''", ""),
                arguments("''''", "'"),
                arguments("''''''", "''"),
                arguments("'a\\b'", "a\\b"),
                arguments("'\\'", "\\"),
                arguments("'\"double\"'", "\"double\""),
                arguments("'line\nbreak\ttab'", "line\nbreak\ttab"),
                arguments("'ünïcødé 日本 😀'", "ünïcødé 日本 😀"),
                arguments("'  padded  '", "  padded  "),
                arguments("'%_'", "%_"));
    }

    @ParameterizedTest(name = "{0} is \"{1}\"")
    @MethodSource("strings")
    void stringLiterals(String literal, String expected) throws Exception {
        assertThat(literalValue(literal)).isEqualTo(expected);
    }

    static Stream<Arguments> booleans() {
        return Stream.of(
                arguments("TRUE", true), arguments("true", true), arguments("True", true),
                arguments("FALSE", false), arguments("false", false), arguments("fAlSe", false));
    }

    @ParameterizedTest(name = "{0} is {1}")
    @MethodSource("booleans")
    void booleanLiteralsAreCaseInsensitive(String literal, boolean expected) throws Exception {
        assertThat(literalValue(literal)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("strings")
    void stringLiteralsRoundTripThroughTheCanonicalForm(String literal, String value) throws Exception {
        Selector selector = Selector.parse("v = " + literal);
        assertThat(selector.matches(SelectorContext.of(Fixtures.values("v", value)))).isTrue();
        Selector reparsed = Selector.parse(selector.canonical());
        assertThat(reparsed.matches(SelectorContext.of(Fixtures.values("v", value)))).isTrue();
    }
}
