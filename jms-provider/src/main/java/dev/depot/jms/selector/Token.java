package dev.depot.jms.selector;

/**
 * A token with its source span.
 *
 * @param kind the token kind
 * @param start index of the first character in the selector text
 * @param end index after the last character
 * @param value decoded string content, identifier name or boxed number; null for other kinds
 */
record Token(TokenKind kind, int start, int end, Object value) {
}
