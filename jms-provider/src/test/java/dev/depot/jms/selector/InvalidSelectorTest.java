package dev.depot.jms.selector;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import jakarta.jms.InvalidSelectorException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every rejected selector, with the exact message: problem, 1-based position and the selector text. */
class InvalidSelectorTest {

    private static final String ALLOWED_HEADERS =
            "JMSDeliveryMode, JMSPriority, JMSMessageID, JMSTimestamp, JMSCorrelationID, JMSType";

    static Stream<Arguments> structure() {
        return Stream.of(
                arguments("a = 1)", "Unbalanced parentheses: unexpected token ')' at position 6"),
                arguments("a = 1 AND (b = 2))", "Unbalanced parentheses: unexpected token ')' at position 18"),
                arguments(")", "Unexpected token ')' at position 1"),
                arguments("(a = 1", "Expected ')' to close '(' at position 1 but found end of selector at position 7"),
                arguments("((a = 1)",
                        "Expected ')' to close '(' at position 1 but found end of selector at position 9"),
                arguments("a = (1 + 2",
                        "Expected ')' to close '(' at position 5 but found end of selector at position 11"),
                arguments("(a = 1 b = 2)",
                        "Expected ')' to close '(' at position 1 but found identifier 'b' at position 8"),
                arguments("()", "Unexpected token ')' at position 2"),
                arguments("a = 1 b", "Unexpected identifier 'b' at position 7"),
                arguments("a = 1 'x'", "Unexpected string literal 'x' at position 7"),
                arguments("a = 1 = 2", "Unexpected token '=' at position 7"),
                arguments("a == 1", "Unexpected token '=' at position 4"),
                arguments("a = 1 AND", "Expected an expression but found end of selector at position 10"),
                arguments("a = 1 AND NOT", "Expected an expression but found end of selector at position 14"),
                arguments("NOT", "Expected an expression but found end of selector at position 4"),
                arguments("a =", "Expected an expression but found end of selector at position 4"),
                arguments("a <>", "Expected an expression but found end of selector at position 5"),
                arguments("a + ", "Expected an expression but found end of selector at position 5"),
                arguments("= 1", "Unexpected token '=' at position 1"),
                arguments("a = * 2", "Unexpected token '*' at position 5"),
                arguments("a = 1 , b = 2", "Unexpected token ',' at position 7"),
                arguments("a NOT = 1", "Expected BETWEEN, IN or LIKE after NOT but found token '=' at position 7"),
                arguments("a NOT NULL", "Expected BETWEEN, IN or LIKE after NOT but found keyword 'NULL' at position 7"),
                arguments("a = NOT b", "Unexpected keyword 'NOT' at position 5"),
                arguments("a = 'x' ESCAPE '!'", "Unexpected keyword 'ESCAPE' at position 9"),
                arguments("a = 5 IS NULL", "Unexpected keyword 'IS' at position 7"),
                arguments("a = 1 -- drop table", "Unexpected identifier 'table' at position 15"));
    }

    static Stream<Arguments> lexical() {
        return Stream.of(
                arguments("a = 'abc", "Unterminated string literal starting at position 5"),
                arguments("a = 'it''s", "Unterminated string literal starting at position 5"),
                arguments("a = 'a\\''", "Unterminated string literal starting at position 5"),
                arguments("'", "Unterminated string literal starting at position 1"),
                arguments("a = 1 # b", "Invalid character '#' at position 7"),
                arguments("a = 1;", "Invalid character ';' at position 6"),
                arguments("a = 1 ; DROP TABLE t", "Invalid character ';' at position 7"),
                arguments("a = \"x\"", "Invalid character '\"' at position 5"),
                arguments("a = 1 % 2", "Invalid character '%' at position 7"),
                arguments("a.b = 1", "Invalid character '.' at position 2"),
                arguments("a != 1", "Unsupported operator '!=' (use '<>') at position 3"),
                arguments("!a", "Invalid character '!' at position 1"),
                arguments("a = ?", "Invalid character '?' at position 5"),
                arguments("a\u000B= 1", "Invalid character U+000B at position 2"),
                arguments("a\u00A0= 1", "Invalid character U+00A0 at position 2"),
                arguments("a\u2003= 1", "Invalid character U+2003 at position 2"),
                arguments("a = 1 \u2260 2", "Invalid character '\u2260' at position 7"));
    }

    static Stream<Arguments> numericLiterals() {
        return Stream.of(
                arguments("a = 12abc", "Invalid numeric literal '12abc' at position 5"),
                arguments("a = 1AND b", "Invalid numeric literal '1AND' at position 5"),
                arguments("a = 1.2.3", "Invalid numeric literal '1.2.3' at position 5"),
                arguments("a = 1L.5", "Invalid numeric literal '1L.5' at position 5"),
                arguments("a = 1e5L", "Invalid numeric literal '1e5L' at position 5"),
                arguments("a = 1.5L", "Invalid numeric literal '1.5L' at position 5"),
                arguments("a = 0b2", "Invalid numeric literal '0b2' at position 5"),
                arguments("a = 0xG", "Invalid numeric literal '0xG' at position 5"),
                arguments("a = 1e", "Missing exponent digits in numeric literal '1e' at position 5"),
                arguments("a = 1e+", "Missing exponent digits in numeric literal '1e+' at position 5"),
                arguments("a = 0x1p", "Missing exponent digits in numeric literal '0x1p' at position 5"),
                arguments("a = 1_", "Misplaced underscore in numeric literal '1_' at position 5"),
                arguments("a = 1_.5", "Misplaced underscore in numeric literal '1_.5' at position 5"),
                arguments("a = 1._5", "Misplaced underscore in numeric literal '1._5' at position 5"),
                arguments("a = 1e_5", "Misplaced underscore in numeric literal '1e_5' at position 5"),
                arguments("a = 0x_1", "Misplaced underscore in numeric literal '0x_1' at position 5"),
                arguments("a = 0b_1", "Misplaced underscore in numeric literal '0b_1' at position 5"),
                arguments("a = 1_L", "Misplaced underscore in numeric literal '1_L' at position 5"),
                arguments("a = 0x1p1_f", "Misplaced underscore in numeric literal '0x1p1_f' at position 5"),
                arguments("a = 0x", "Invalid hexadecimal literal '0x' at position 5"),
                arguments("a = 0xL", "Invalid hexadecimal literal '0xL' at position 5"),
                arguments("a = 0b", "Invalid binary literal '0b' at position 5"),
                arguments("a = 0x1.8", "Hexadecimal floating-point literal '0x1.8' needs a binary exponent ('p')"
                        + " at position 5"),
                arguments("a = 09", "Invalid digit in octal literal '09' at position 5"),
                arguments("a = 0_8L", "Invalid digit in octal literal '0_8L' at position 5"),
                arguments("a = 9223372036854775808", "Integer literal '9223372036854775808' is out of the range of"
                        + " long (it is only valid after unary minus) at position 5"),
                arguments("a = 99999999999999999999",
                        "Integer literal '99999999999999999999' is out of the range of long at position 5"),
                arguments("a = -9223372036854775809",
                        "Integer literal '9223372036854775809' is out of the range of long at position 6"),
                arguments("a = 0x1_0000_0000_0000_0000",
                        "Integer literal '0x1_0000_0000_0000_0000' is out of the range of long at position 5"),
                arguments("a = 02000000000000000000000",
                        "Integer literal '02000000000000000000000' is out of the range of long at position 5"),
                arguments("a = 1e999", "Floating-point literal '1e999' is out of the range of double at position 5"),
                arguments("a = 1e-999", "Floating-point literal '1e-999' is out of the range of double at position 5"),
                arguments("a = 1e39f", "Floating-point literal '1e39f' is out of the range of float at position 5"),
                arguments("a = 1e-50F", "Floating-point literal '1e-50F' is out of the range of float at position 5"));
    }

    static Stream<Arguments> reservedWords() {
        return Stream.of(
                arguments("AND = 1", "Reserved word 'AND' cannot be used as an identifier at position 1"),
                arguments("or = 1", "Reserved word 'or' cannot be used as an identifier at position 1"),
                arguments("between = 1", "Reserved word 'between' cannot be used as an identifier at position 1"),
                arguments("Like = 'x'", "Reserved word 'Like' cannot be used as an identifier at position 1"),
                arguments("in = 'x'", "Reserved word 'in' cannot be used as an identifier at position 1"),
                arguments("IS = 1", "Reserved word 'IS' cannot be used as an identifier at position 1"),
                arguments("escape = 1", "Reserved word 'escape' cannot be used as an identifier at position 1"),
                arguments("a = 1 AND OR = 2", "Reserved word 'OR' cannot be used as an identifier at position 11"),
                arguments("a > between", "Reserved word 'between' cannot be used as an identifier at position 5"),
                arguments("NULL = 1", "NULL can only be used in IS NULL or IS NOT NULL at position 1"),
                arguments("a = NULL", "NULL can only be used in IS NULL or IS NOT NULL at position 5"),
                arguments("a <> null", "NULL can only be used in IS NULL or IS NOT NULL at position 6"),
                arguments("a IN (NULL)",
                        "IN list may contain only string literals but found keyword 'NULL' at position 7"),
                arguments("TRUE = 1", "Cannot compare boolean literal TRUE with numeric literal 1 at position 6"),
                arguments("false IS NULL",
                        "IS NULL requires an identifier on its left but found boolean literal false at position 7"));
    }

    static Stream<Arguments> operators() {
        return Stream.of(
                arguments("a IN ()", "IN list must not be empty at position 7"),
                arguments("a NOT IN ( )", "IN list must not be empty at position 12"),
                arguments("a IN ('x',)", "Missing string literal after ',' in IN list at position 11"),
                arguments("a IN ('x', 1)", "IN list may contain only string literals but found numeric literal 1"
                        + " at position 12"),
                arguments("a IN (b)", "IN list may contain only string literals but found identifier 'b'"
                        + " at position 7"),
                arguments("a IN 'x'", "Expected '(' after IN but found string literal 'x' at position 6"),
                arguments("a IN", "Expected '(' after IN but found end of selector at position 5"),
                arguments("a IN ('x' 'y')", "Expected ',' or ')' in IN list but found string literal 'y'"
                        + " at position 11"),
                arguments("a IN ('x'", "Expected ',' or ')' in IN list but found end of selector at position 10"),
                arguments("a IN ('x'; 'y')", "Invalid character ';' at position 10"),
                arguments("1 IN ('x')", "IN requires an identifier on its left but found numeric literal 1"
                        + " at position 3"),
                arguments("a + 1 IN ('x')", "IN requires an identifier on its left but found numeric expression"
                        + " \"a + 1\" at position 7"),
                arguments("a BETWEEN 1 OR 2", "Expected AND in BETWEEN but found keyword 'OR' at position 13"),
                arguments("a BETWEEN 1", "Expected AND in BETWEEN but found end of selector at position 12"),
                arguments("a BETWEEN AND 2", "Reserved word 'AND' cannot be used as an identifier at position 11"),
                arguments("a BETWEEN 1 AND", "Expected an expression but found end of selector at position 16"),
                arguments("a LIKE b", "LIKE pattern must be a string literal but found identifier 'b' at position 8"),
                arguments("a LIKE", "LIKE pattern must be a string literal but found end of selector at position 7"),
                arguments("a LIKE 'x' || 'y'", "Invalid character '|' at position 12"),
                arguments("a LIKE 'x' ESCAPE", "ESCAPE must be followed by a string literal but found end of"
                        + " selector at position 18"),
                arguments("a LIKE 'x' ESCAPE 1", "ESCAPE must be followed by a string literal but found numeric"
                        + " literal 1 at position 19"),
                arguments("a LIKE 'x' ESCAPE ''", "ESCAPE requires a single character but found string literal ''"
                        + " at position 19"),
                arguments("a LIKE 'x' ESCAPE 'ab'", "ESCAPE requires a single character but found string literal"
                        + " 'ab' at position 19"),
                arguments("a LIKE 'x' ESCAPE '\\\\'", "ESCAPE requires a single character but found string"
                        + " literal '\\\\' at position 19"),
                arguments("a LIKE 'x\\' ESCAPE '\\'", "LIKE pattern ends with the escape character '\\'"
                        + " at position 8"),
                arguments("a LIKE 'x\\y' ESCAPE '\\'", "Escape character '\\' in LIKE pattern must be followed by"
                        + " '_', '%' or itself, not 'y' at position 8"),
                arguments("a LIKE 'x!!!' ESCAPE '!'", "LIKE pattern ends with the escape character '!'"
                        + " at position 8"),
                arguments("1 LIKE 'x'", "LIKE requires an identifier on its left but found numeric literal 1"
                        + " at position 3"),
                arguments("'a' LIKE 'x'", "LIKE requires an identifier on its left but found string literal 'a'"
                        + " at position 5"),
                arguments("a IS 1", "Expected NULL after IS but found numeric literal 1 at position 6"),
                arguments("a IS NOT 1", "Expected NULL after IS NOT but found numeric literal 1 at position 10"),
                arguments("a IS", "Expected NULL after IS but found end of selector at position 5"),
                arguments("a IS NOT", "Expected NULL after IS NOT but found end of selector at position 9"),
                arguments("1 IS NULL", "IS NULL requires an identifier on its left but found numeric literal 1"
                        + " at position 3"),
                arguments("a + b IS NOT NULL", "IS NULL requires an identifier on its left but found numeric"
                        + " expression \"a + b\" at position 7"));
    }

    static Stream<Arguments> types() {
        return Stream.of(
                arguments("'abc'", "Selector must be a conditional expression but found string literal 'abc'"
                        + " at position 1"),
                arguments("5", "Selector must be a conditional expression but found numeric literal 5 at position 1"),
                arguments("-5.5", "Selector must be a conditional expression but found numeric literal -5.5"
                        + " at position 1"),
                arguments("a + 1", "Selector must be a conditional expression but found numeric expression \"a + 1\""
                        + " at position 1"),
                arguments("(a * 2)", "Selector must be a conditional expression but found numeric expression"
                        + " \"a * 2\" at position 2"),
                arguments("-a", "Selector must be a conditional expression but found numeric expression \"-a\""
                        + " at position 1"),
                arguments("JMSType", "Selector must be a conditional expression but found string header field"
                        + " JMSType at position 1"),
                arguments("JMSPriority", "Selector must be a conditional expression but found numeric header field"
                        + " JMSPriority at position 1"),
                arguments("NOT 5", "NOT requires a boolean operand but found numeric literal 5 at position 5"),
                arguments("NOT 'x'", "NOT requires a boolean operand but found string literal 'x' at position 5"),
                arguments("a AND 'x'", "AND requires boolean operands but found string literal 'x' at position 7"),
                arguments("1 AND a", "AND requires boolean operands but found numeric literal 1 at position 1"),
                arguments("1 OR a", "OR requires boolean operands but found numeric literal 1 at position 1"),
                arguments("a OR b + 1", "OR requires boolean operands but found numeric expression \"b + 1\""
                        + " at position 6"),
                arguments("a = 1 OR JMSType", "OR requires boolean operands but found string header field JMSType"
                        + " at position 10"),
                arguments("'a' + 1 = 2", "Operator '+' requires numeric operands but found string literal 'a'"
                        + " at position 1"),
                arguments("a * TRUE = 2", "Operator '*' requires numeric operands but found boolean literal TRUE"
                        + " at position 5"),
                arguments("(a = 1) + 1 = 2", "Operator '+' requires numeric operands but found boolean expression"
                        + " \"a = 1\" at position 2"),
                arguments("JMSType + 1 = 2", "Operator '+' requires numeric operands but found string header field"
                        + " JMSType at position 1"),
                arguments("a = -'x'", "Unary operator '-' requires a numeric operand but found string literal 'x'"
                        + " at position 6"),
                arguments("+TRUE", "Unary operator '+' requires a numeric operand but found boolean literal TRUE"
                        + " at position 2"),
                arguments("'a' = 1", "Cannot compare string literal 'a' with numeric literal 1 at position 5"),
                arguments("TRUE > 1", "Cannot compare boolean literal TRUE with numeric literal 1 at position 6"),
                arguments("TRUE = 'TRUE'", "Cannot compare boolean literal TRUE with string literal 'TRUE'"
                        + " at position 6"),
                arguments("JMSPriority = 'high'", "Cannot compare numeric header field JMSPriority with string"
                        + " literal 'high' at position 13"),
                arguments("JMSDeliveryMode = 2", "Cannot compare string header field JMSDeliveryMode with numeric"
                        + " literal 2 at position 17"),
                arguments("JMSType = JMSTimestamp", "Cannot compare string header field JMSType with numeric header"
                        + " field JMSTimestamp at position 9"),
                arguments("(a = 1) = 1", "Cannot compare boolean expression \"a = 1\" with numeric literal 1"
                        + " at position 9"),
                arguments("s < 'abc'", "Operator '<' cannot be applied to string literal 'abc' (strings and"
                        + " booleans support only = and <>) at position 3"),
                arguments("'abc' >= s", "Operator '>=' cannot be applied to string literal 'abc' (strings and"
                        + " booleans support only = and <>) at position 7"),
                arguments("b > TRUE", "Operator '>' cannot be applied to boolean literal TRUE (strings and"
                        + " booleans support only = and <>) at position 3"),
                arguments("JMSType <= 'x'", "Operator '<=' cannot be applied to string header field JMSType"
                        + " (strings and booleans support only = and <>) at position 9"),
                arguments("(a = 1) < (b = 1)", "Operator '<' cannot be applied to boolean expression \"a = 1\""
                        + " (strings and booleans support only = and <>) at position 9"),
                arguments("a BETWEEN 'a' AND 'c'", "BETWEEN requires numeric operands but found string literal 'a'"
                        + " at position 11"),
                arguments("a BETWEEN 1 AND TRUE", "BETWEEN requires numeric operands but found boolean literal TRUE"
                        + " at position 17"),
                arguments("'x' BETWEEN 1 AND 2", "BETWEEN requires numeric operands but found string literal 'x'"
                        + " at position 1"),
                arguments("JMSType NOT BETWEEN 1 AND 2", "BETWEEN requires numeric operands but found string header"
                        + " field JMSType at position 1"),
                arguments("JMSPriority LIKE '4%'", "LIKE requires a string identifier but found numeric header"
                        + " field JMSPriority at position 1"),
                arguments("JMSTimestamp IN ('1')", "IN requires a string identifier but found numeric header field"
                        + " JMSTimestamp at position 1"));
    }

    static Stream<Arguments> headerFields() {
        return Stream.of(
                arguments("JMSDestination = 'queue://orders'", "Header field JMSDestination cannot be used in a"
                        + " message selector (allowed: " + ALLOWED_HEADERS + ") at position 1"),
                arguments("JMSReplyTo IS NULL", "Header field JMSReplyTo cannot be used in a message selector"
                        + " (allowed: " + ALLOWED_HEADERS + ") at position 1"),
                arguments("a = 1 AND JMSExpiration > 0", "Header field JMSExpiration cannot be used in a message"
                        + " selector (allowed: " + ALLOWED_HEADERS + ") at position 11"),
                arguments("JMSRedelivered", "Header field JMSRedelivered cannot be used in a message selector"
                        + " (allowed: " + ALLOWED_HEADERS + ") at position 1"),
                arguments("JMSDeliveryTime < 1000", "Header field JMSDeliveryTime cannot be used in a message"
                        + " selector (allowed: " + ALLOWED_HEADERS + ") at position 1"),
                arguments("JMSFoo = 1", "Identifier JMSFoo uses the reserved prefix JMS (allowed are JMSX and JMS_"
                        + " properties and the header fields " + ALLOWED_HEADERS + ") at position 1"),
                arguments("JMS = 1", "Identifier JMS uses the reserved prefix JMS (allowed are JMSX and JMS_"
                        + " properties and the header fields " + ALLOWED_HEADERS + ") at position 1"),
                arguments("JMSPriorityX > 1", "Identifier JMSPriorityX uses the reserved prefix JMS (allowed are"
                        + " JMSX and JMS_ properties and the header fields " + ALLOWED_HEADERS + ") at position 1"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource({"structure", "lexical", "numericLiterals", "reservedWords", "operators", "types", "headerFields"})
    void rejected(String selector, String problem) {
        assertThatThrownBy(() -> Selector.parse(selector))
                .isExactlyInstanceOf(InvalidSelectorException.class)
                .hasMessage(problem + " in selector: " + selector);
    }

    @Test
    void nestingIsBounded() {
        String selector = "(".repeat(101) + "a" + ")".repeat(101);
        assertThatThrownBy(() -> Selector.parse(selector))
                .isInstanceOf(InvalidSelectorException.class)
                .hasMessage("Selector nesting exceeds 100 levels at position 101 in selector: " + selector);
    }

    @Test
    void nestedNotIsBounded() {
        String selector = "NOT ".repeat(101) + "a";
        assertThatThrownBy(() -> Selector.parse(selector))
                .isInstanceOf(InvalidSelectorException.class)
                .hasMessage("Selector nesting exceeds 100 levels at position 401 in selector: " + selector);
    }

    @Test
    void expressionDepthIsBounded() {
        String selector = "a" + " + a".repeat(600) + " = 1";
        assertThatThrownBy(() -> Selector.parse(selector))
                .isInstanceOf(InvalidSelectorException.class)
                .hasMessage("Selector is too complex: expression depth exceeds 500 at position 1 in selector: "
                        + selector);
    }

    @Test
    void longLiteralsAreShortenedInMessages() {
        String selector = "a = 1 '" + "x".repeat(100) + "'";
        assertThatThrownBy(() -> Selector.parse(selector))
                .isInstanceOf(InvalidSelectorException.class)
                .hasMessage("Unexpected string literal '" + "x".repeat(36) + "... at position 7 in selector: "
                        + selector);
    }
}
