package dev.depot.jms.selector;

/** Lexical token kinds. */
enum TokenKind {
    IDENTIFIER, STRING, EXACT_NUMBER, APPROXIMATE_NUMBER,
    /**
     * The decimal literal 9223372036854775808, which is only valid as the operand of unary minus (giving
     * {@code Long.MIN_VALUE}), exactly as in Java; the parser decides.
     */
    LONG_MIN_MAGNITUDE,
    // keywords
    NOT, AND, OR, BETWEEN, LIKE, IN, IS, ESCAPE, NULL, TRUE, FALSE,
    // operators and punctuation
    EQ, NE, LT, LE, GT, GE, PLUS, MINUS, TIMES, DIVIDE, LPAREN, RPAREN, COMMA,
    EOF;

    boolean isKeyword() {
        return compareTo(NOT) >= 0 && compareTo(FALSE) <= 0;
    }
}
