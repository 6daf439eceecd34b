package dev.depot.jms.selector;

import jakarta.jms.InvalidSelectorException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Splits a selector into tokens. Literal syntax follows the specification: strings in single quotes with
 * {@code ''} for a quote, exact numerics with Java integer literal syntax (decimal, hexadecimal, octal, binary,
 * underscores, optional {@code L}) and approximate numerics with Java floating-point literal syntax (including
 * hexadecimal floats and {@code F}/{@code D} suffixes). Whitespace is Java's: space, tab, form feed, CR and LF.
 */
final class Lexer {

    private static final Map<String, TokenKind> KEYWORDS = Map.ofEntries(
            Map.entry("NOT", TokenKind.NOT), Map.entry("AND", TokenKind.AND), Map.entry("OR", TokenKind.OR),
            Map.entry("BETWEEN", TokenKind.BETWEEN), Map.entry("LIKE", TokenKind.LIKE),
            Map.entry("IN", TokenKind.IN), Map.entry("IS", TokenKind.IS), Map.entry("ESCAPE", TokenKind.ESCAPE),
            Map.entry("NULL", TokenKind.NULL), Map.entry("TRUE", TokenKind.TRUE),
            Map.entry("FALSE", TokenKind.FALSE));
    private static final int LONGEST_KEYWORD = 7;

    private final String text;
    private int pos;

    private Lexer(String text) {
        this.text = text;
    }

    /** Tokenizes the whole selector; the last token is always {@link TokenKind#EOF}. */
    static List<Token> tokenize(String text) throws InvalidSelectorException {
        Lexer lexer = new Lexer(text);
        List<Token> tokens = new ArrayList<>();
        Token token;
        do {
            token = lexer.next();
            tokens.add(token);
        } while (token.kind() != TokenKind.EOF);
        return tokens;
    }

    static boolean isWhitespace(char c) {
        return c == ' ' || c == '\t' || c == '\f' || c == '\n' || c == '\r';
    }

    private Token next() throws InvalidSelectorException {
        while (pos < text.length() && isWhitespace(text.charAt(pos))) {
            pos++;
        }
        int start = pos;
        if (pos >= text.length()) {
            return new Token(TokenKind.EOF, start, start, null);
        }
        char c = text.charAt(pos);
        switch (c) {
            case '(':
                return single(TokenKind.LPAREN);
            case ')':
                return single(TokenKind.RPAREN);
            case ',':
                return single(TokenKind.COMMA);
            case '+':
                return single(TokenKind.PLUS);
            case '-':
                return single(TokenKind.MINUS);
            case '*':
                return single(TokenKind.TIMES);
            case '/':
                return single(TokenKind.DIVIDE);
            case '=':
                return single(TokenKind.EQ);
            case '<':
                if (peek(1) == '>') {
                    return span(TokenKind.NE, 2);
                }
                return peek(1) == '=' ? span(TokenKind.LE, 2) : single(TokenKind.LT);
            case '>':
                return peek(1) == '=' ? span(TokenKind.GE, 2) : single(TokenKind.GT);
            case '\'':
                return string();
            default:
                break;
        }
        if (c >= '0' && c <= '9' || c == '.' && isDecimalDigit(peek(1))) {
            return number();
        }
        int cp = text.codePointAt(pos);
        if (Character.isJavaIdentifierStart(cp)) {
            return identifierOrKeyword();
        }
        if (c == '!' && peek(1) == '=') {
            throw SelectorErrors.at(text, start, "Unsupported operator '!=' (use '<>')");
        }
        throw SelectorErrors.at(text, start, "Invalid character " + describeCharacter(cp));
    }

    private static String describeCharacter(int cp) {
        if (Character.isISOControl(cp) || Character.isWhitespace(cp) || Character.isSpaceChar(cp)
                || Character.getType(cp) == Character.FORMAT) {
            return String.format("U+%04X", cp);
        }
        return "'" + Character.toString(cp) + "'";
    }

    private char peek(int offset) {
        int index = pos + offset;
        return index < text.length() ? text.charAt(index) : '\0';
    }

    private Token single(TokenKind kind) {
        return span(kind, 1);
    }

    private Token span(TokenKind kind, int length) {
        Token token = new Token(kind, pos, pos + length, null);
        pos += length;
        return token;
    }

    private Token string() throws InvalidSelectorException {
        int start = pos;
        StringBuilder content = new StringBuilder();
        pos++;
        while (true) {
            int close = text.indexOf('\'', pos);
            if (close < 0) {
                throw SelectorErrors.at(text, start, "Unterminated string literal starting");
            }
            content.append(text, pos, close);
            if (close + 1 < text.length() && text.charAt(close + 1) == '\'') {
                content.append('\'');
                pos = close + 2;
            } else {
                pos = close + 1;
                return new Token(TokenKind.STRING, start, pos, content.toString());
            }
        }
    }

    private Token identifierOrKeyword() {
        int start = pos;
        pos += Character.charCount(text.codePointAt(pos));
        while (pos < text.length()) {
            int cp = text.codePointAt(pos);
            if (!Character.isJavaIdentifierPart(cp)) {
                break;
            }
            pos += Character.charCount(cp);
        }
        String word = text.substring(start, pos);
        TokenKind keyword = keyword(word);
        if (keyword != null) {
            return new Token(keyword, start, pos, null);
        }
        return new Token(TokenKind.IDENTIFIER, start, pos, word);
    }

    /**
     * Keywords are case-insensitive for ASCII letters only: locale- or Unicode-aware folding would turn e.g. the
     * identifier "ın" (dotless i) into the keyword IN.
     */
    private static TokenKind keyword(String word) {
        if (word.length() > LONGEST_KEYWORD) {
            return null;
        }
        char[] upper = new char[word.length()];
        for (int i = 0; i < upper.length; i++) {
            char c = word.charAt(i);
            if (c >= 'a' && c <= 'z') {
                c = (char) (c - ('a' - 'A'));
            } else if (c > 0x7F) {
                return null;
            }
            upper[i] = c;
        }
        return KEYWORDS.get(new String(upper));
    }

    // ---- numbers ------------------------------------------------------------------------------------------

    private static boolean isDecimalDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isHexDigit(char c) {
        return isDecimalDigit(c) || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
    }

    private static boolean isBinaryDigit(char c) {
        return c == '0' || c == '1';
    }

    private interface DigitTest {
        boolean test(char c);
    }

    /** Advances over digits and underscores; underscore placement is validated once the literal is complete. */
    private void skipDigits(DigitTest digit) {
        while (pos < text.length() && (digit.test(text.charAt(pos)) || text.charAt(pos) == '_')) {
            pos++;
        }
    }

    private Token number() throws InvalidSelectorException {
        int start = pos;
        char second = peek(1);
        if (text.charAt(pos) == '0' && (second == 'x' || second == 'X')) {
            return hexNumber(start);
        }
        if (text.charAt(pos) == '0' && (second == 'b' || second == 'B')) {
            return binaryNumber(start);
        }
        skipDigits(Lexer::isDecimalDigit);
        boolean floating = false;
        if (pos < text.length() && text.charAt(pos) == '.') {
            floating = true;
            pos++;
            skipDigits(Lexer::isDecimalDigit);
        }
        if (pos < text.length() && (text.charAt(pos) == 'e' || text.charAt(pos) == 'E')) {
            floating = true;
            skipExponent(start);
        }
        char suffix = peek(0);
        boolean floatSuffix = suffix == 'f' || suffix == 'F' || suffix == 'd' || suffix == 'D';
        boolean longSuffix = !floating && (suffix == 'l' || suffix == 'L');
        if (floatSuffix || longSuffix) {
            pos++;
        }
        String literal = completeLiteral(start, Lexer::isDecimalDigit);
        if (floating || floatSuffix) {
            return floatingPoint(start, literal);
        }
        String digits = stripSuffixAndUnderscores(literal, longSuffix);
        if (digits.length() > 1 && digits.charAt(0) == '0') {
            for (int i = 1; i < digits.length(); i++) {
                if (digits.charAt(i) > '7') {
                    throw SelectorErrors.at(text, start, "Invalid digit in octal literal " + quoted(literal));
                }
            }
            return integer(start, literal, digits.substring(1), 8);
        }
        try {
            return new Token(TokenKind.EXACT_NUMBER, start, pos, Long.parseLong(digits));
        } catch (NumberFormatException e) {
            if (digits.equals("9223372036854775808")) {
                return new Token(TokenKind.LONG_MIN_MAGNITUDE, start, pos, null);
            }
            throw outOfRange(start, literal);
        }
    }

    private void skipExponent(int start) throws InvalidSelectorException {
        pos++;
        if (pos < text.length() && (text.charAt(pos) == '+' || text.charAt(pos) == '-')) {
            pos++;
        }
        int digitsStart = pos;
        skipDigits(Lexer::isDecimalDigit);
        if (pos == digitsStart) {
            throw SelectorErrors.at(text, start, "Missing exponent digits in numeric literal "
                    + quoted(text.substring(start, pos)));
        }
    }

    private Token hexNumber(int start) throws InvalidSelectorException {
        pos += 2;
        int mantissaStart = pos;
        skipDigits(Lexer::isHexDigit);
        boolean floating = false;
        if (pos < text.length() && text.charAt(pos) == '.') {
            floating = true;
            pos++;
            skipDigits(Lexer::isHexDigit);
        }
        boolean hasMantissaDigit = false;
        for (int i = mantissaStart; i < pos; i++) {
            hasMantissaDigit |= isHexDigit(text.charAt(i));
        }
        if (pos < text.length() && (text.charAt(pos) == 'p' || text.charAt(pos) == 'P')) {
            floating = true;
            skipExponent(start);
        } else if (floating) {
            throw SelectorErrors.at(text, start, "Hexadecimal floating-point literal "
                    + quoted(text.substring(start, pos)) + " needs a binary exponent ('p')");
        }
        char suffix = peek(0);
        boolean longSuffix = false;
        if (floating && (suffix == 'f' || suffix == 'F' || suffix == 'd' || suffix == 'D')) {
            pos++;
        } else if (!floating && (suffix == 'l' || suffix == 'L')) {
            longSuffix = true;
            pos++;
        }
        String literal = completeLiteral(start, Lexer::isHexDigit);
        if (!hasMantissaDigit) {
            throw SelectorErrors.at(text, start, "Invalid hexadecimal literal " + quoted(literal));
        }
        if (floating) {
            return floatingPoint(start, literal);
        }
        return integer(start, literal, stripSuffixAndUnderscores(literal, longSuffix).substring(2), 16);
    }

    private Token binaryNumber(int start) throws InvalidSelectorException {
        pos += 2;
        int digitsStart = pos;
        skipDigits(Lexer::isBinaryDigit);
        boolean empty = pos == digitsStart;
        boolean longSuffix = peek(0) == 'l' || peek(0) == 'L';
        if (longSuffix) {
            pos++;
        }
        String literal = completeLiteral(start, Lexer::isBinaryDigit);
        if (empty) {
            throw SelectorErrors.at(text, start, "Invalid binary literal " + quoted(literal));
        }
        return integer(start, literal, stripSuffixAndUnderscores(literal, longSuffix).substring(2), 2);
    }

    /**
     * Hexadecimal, octal and binary literals may use all 64 bits, as Java long literals can (0xFFFFFFFFFFFFFFFF is
     * -1). Unlike Java, a literal without the L suffix is never an int: the specification types all exact literals
     * as long, so 0xFFFFFFFF is 4294967295 rather than -1.
     */
    private Token integer(int start, String literal, String digits, int radix) throws InvalidSelectorException {
        try {
            return new Token(TokenKind.EXACT_NUMBER, start, pos, Long.parseUnsignedLong(digits, radix));
        } catch (NumberFormatException e) {
            throw outOfRange(start, literal);
        }
    }

    private InvalidSelectorException outOfRange(int start, String literal) {
        return SelectorErrors.at(text, start, "Integer literal " + quoted(literal) + " is out of the range of long");
    }

    /**
     * Rejects a literal that runs straight into letters, digits or a dot (such as {@code 12abc} or {@code 1.2.3})
     * and misplaced underscores, then returns the literal's text.
     */
    private String completeLiteral(int start, DigitTest digit) throws InvalidSelectorException {
        if (pos < text.length()) {
            int cp = text.codePointAt(pos);
            if (Character.isJavaIdentifierPart(cp) || cp == '.') {
                int end = pos;
                while (end < text.length() && (Character.isJavaIdentifierPart(text.codePointAt(end))
                        || text.charAt(end) == '.')) {
                    end += Character.charCount(text.codePointAt(end));
                }
                throw SelectorErrors.at(text, start, "Invalid numeric literal "
                        + quoted(text.substring(start, end)));
            }
        }
        String literal = text.substring(start, pos);
        // exponent digits are decimal even in a hexadecimal float, so "0x1p1_f" must not pass as hex digits
        int exponent = -1;
        if (literal.length() > 1 && (literal.charAt(1) == 'x' || literal.charAt(1) == 'X')) {
            exponent = Math.max(literal.indexOf('p'), literal.indexOf('P'));
        }
        // Java allows underscores only between digits: "1_000" and "0_7" but not "1_", "0x_1", "1_.5" or "1e_5"
        for (int i = 0; i < literal.length(); i++) {
            if (literal.charAt(i) == '_') {
                DigitTest test = exponent >= 0 && i > exponent ? Lexer::isDecimalDigit : digit;
                int after = i;
                while (after < literal.length() && literal.charAt(after) == '_') {
                    after++;
                }
                boolean digitBefore = i > 0 && test.test(literal.charAt(i - 1));
                boolean digitAfter = after < literal.length() && test.test(literal.charAt(after));
                if (!digitBefore || !digitAfter) {
                    throw SelectorErrors.at(text, start, "Misplaced underscore in numeric literal " + quoted(literal));
                }
                i = after;
            }
        }
        return literal;
    }

    private static String stripSuffixAndUnderscores(String literal, boolean hasSuffix) {
        String body = hasSuffix ? literal.substring(0, literal.length() - 1) : literal;
        return body.replace("_", "");
    }

    /**
     * A float ({@code F} suffix) keeps float precision, so {@code 0.1F} equals a float property set to 0.1f. As in
     * Java, a literal that overflows to infinity or a non-zero literal that rounds to zero is an error.
     */
    private Token floatingPoint(int start, String literal) throws InvalidSelectorException {
        String normalized = literal.replace("_", "");
        char last = normalized.charAt(normalized.length() - 1);
        boolean isFloat = last == 'f' || last == 'F';
        Number value;
        double magnitude;
        try {
            if (isFloat) {
                float f = Float.parseFloat(normalized);
                value = f;
                magnitude = f;
            } else {
                double d = Double.parseDouble(normalized);
                value = d;
                magnitude = d;
            }
        } catch (NumberFormatException e) {
            throw SelectorErrors.at(text, start, "Invalid numeric literal " + quoted(literal));
        }
        if (Double.isInfinite(magnitude) || magnitude == 0.0 && hasNonZeroMantissa(normalized)) {
            throw SelectorErrors.at(text, start, "Floating-point literal " + quoted(literal)
                    + " is out of the range of " + (isFloat ? "float" : "double"));
        }
        return new Token(TokenKind.APPROXIMATE_NUMBER, start, pos, value);
    }

    private static boolean hasNonZeroMantissa(String literal) {
        boolean hex = literal.length() > 1 && (literal.charAt(1) == 'x' || literal.charAt(1) == 'X');
        for (int i = hex ? 2 : 0; i < literal.length(); i++) {
            char c = literal.charAt(i);
            if (hex ? c == 'p' || c == 'P' : c == 'e' || c == 'E' || c == 'f' || c == 'F' || c == 'd' || c == 'D') {
                return false;
            }
            if (c != '0' && c != '.') {
                return true;
            }
        }
        return false;
    }

    private static String quoted(String literal) {
        return "'" + literal + "'";
    }
}
