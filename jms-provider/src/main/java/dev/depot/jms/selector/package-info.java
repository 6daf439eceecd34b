/**
 * Jakarta Messaging 3.1 message selectors (specification section 3.8): parsing into an immutable evaluation tree
 * and matching against messages or arbitrary value lookups.
 *
 * <p>Entry point: {@link dev.depot.jms.selector.Selector#parse(String)}. Values come either from a
 * {@link jakarta.jms.Message} or from a {@link dev.depot.jms.selector.SelectorContext}.
 *
 * <h2>Syntax</h2>
 * <ul>
 *   <li>String literals in single quotes, {@code ''} for a quote; no other escapes (a backslash is a backslash).</li>
 *   <li>Exact numeric literals in Java integer literal syntax: decimal, {@code 0x} hexadecimal, leading-zero octal,
 *       {@code 0b} binary, underscores between digits, optional {@code L}. All are {@code long}; hexadecimal, octal
 *       and binary literals may use all 64 bits as Java long literals do ({@code 0xFFFFFFFFFFFFFFFF} is -1), and
 *       {@code -9223372036854775808} is accepted as in Java.</li>
 *   <li>Approximate numeric literals in Java floating-point literal syntax ({@code 7E3}, {@code 7.}, {@code .5},
 *       {@code 1e-3}, hexadecimal floats, {@code F}/{@code D} suffixes). An {@code F} literal is a {@code float}
 *       with float precision. Overflow to infinity, or a non-zero literal rounding to zero, is an error.</li>
 *   <li>{@code TRUE}, {@code FALSE} and all keywords ({@code NOT AND OR BETWEEN LIKE IN IS ESCAPE NULL}) are
 *       case-insensitive (ASCII letters only); identifiers are case-sensitive Java identifiers
 *       ({@code Character.isJavaIdentifierStart}/{@code isJavaIdentifierPart}) that are not keywords.</li>
 *   <li>Whitespace is Java's: space, tab, form feed, CR, LF. SQL comments do not exist ({@code --} is two minus
 *       signs).</li>
 *   <li>Precedence, lowest first: {@code OR}; {@code AND}; {@code NOT}; comparison operators
 *       ({@code = <> < <= > >=}, {@code [NOT] BETWEEN}, {@code [NOT] IN}, {@code [NOT] LIKE}, {@code IS [NOT]
 *       NULL}), which do not chain; binary {@code + -}; {@code * /}; unary {@code + -}. Same level groups
 *       left to right.</li>
 *   <li>{@code IN}, {@code LIKE} and {@code IS NULL} take an identifier on the left; the IN list and the LIKE
 *       pattern are string literals; the ESCAPE literal is exactly one character. {@code NULL} appears only in
 *       {@code IS [NOT] NULL}.</li>
 *   <li>Only the header fields JMSDeliveryMode, JMSPriority, JMSMessageID, JMSTimestamp, JMSCorrelationID and
 *       JMSType may be referenced. Other header fields (JMSDestination, JMSReplyTo, JMSExpiration, JMSRedelivered,
 *       JMSDeliveryTime) and any other name beginning with {@code JMS} that is not a {@code JMSX} or {@code JMS_}
 *       property are rejected.</li>
 * </ul>
 *
 * <h2>Parse-time type checking</h2>
 * Types that are known without a message (literals, the typed header fields, operator results) are checked and
 * violations rejected with {@link jakarta.jms.InvalidSelectorException}: the selector as a whole and the operands
 * of {@code AND}/{@code OR}/{@code NOT} must be conditions (a comparison, a boolean literal, or an identifier,
 * which may hold a boolean); arithmetic and {@code BETWEEN} operands must be numeric; comparisons may not mix
 * known types ({@code 'a' = 1}, {@code JMSPriority = 'high'}); {@code < <= > >=} may not have a string or boolean
 * operand; {@code IN}/{@code LIKE} may not be applied to a numeric header. Properties have no static type, so the
 * same mistakes involving properties are handled at evaluation time as below.
 *
 * <h2>Evaluation</h2>
 * <ul>
 *   <li>Three-valued logic as in SQL-92; a selector matches only if it evaluates to TRUE.</li>
 *   <li>NULL (an absent property, a null JMSMessageID/JMSCorrelationID/JMSType) makes comparisons, arithmetic,
 *       IN and LIKE unknown.</li>
 *   <li>Numbers ({@code byte}, {@code short}, {@code int}, {@code long}, {@code float}, {@code double}) compare and
 *       compute with Java binary numeric promotion, including {@code int} overflow and integer division. Integer
 *       division by zero is unknown (Java would throw); floating division by zero gives infinity or NaN.</li>
 *   <li>Comparing unlike types (a string property with a number, a boolean with a string, ...) is FALSE, not
 *       unknown, as the specification says; so is {@code <}/{@code >} on strings or booleans. Hence
 *       {@code NOT (s > 1)} is TRUE for a string {@code s}.</li>
 *   <li>Arithmetic on a non-numeric value is unknown, like arithmetic on NULL.</li>
 *   <li>{@code x BETWEEN a AND b} is evaluated as {@code x >= a AND x <= b} and {@code x NOT BETWEEN a AND b} as
 *       {@code x < a OR x > b}, exactly the equivalences the specification gives (both are FALSE for a string
 *       {@code x}).</li>
 *   <li>{@code x IN (...)} and {@code x NOT IN (...)} need a String {@code x}: for NULL or any other type both
 *       are unknown, so neither selects the message (the TCK holds providers to this for NOT IN). {@code LIKE}
 *       and {@code NOT LIKE} behave the same way.</li>
 *   <li>{@code LIKE}: {@code _} matches exactly one character (code point), {@code %} any sequence, both across
 *       line breaks; all other characters, including regular-expression metacharacters, match themselves; the
 *       escape character must be followed by {@code _}, {@code %} or itself (SQL-92), otherwise the selector is
 *       invalid.</li>
 *   <li>An identifier used as a condition is TRUE/FALSE for a boolean value and unknown for anything else.</li>
 *   <li>{@code JMSDeliveryMode} is the string {@code 'PERSISTENT'} or {@code 'NON_PERSISTENT'}.</li>
 * </ul>
 *
 * <h2>Errors</h2>
 * Invalid selectors raise {@link jakarta.jms.InvalidSelectorException} with a message of the form
 * {@code <problem> at position <n> in selector: <text>}, where positions are 1-based character offsets.
 */
package dev.depot.jms.selector;
