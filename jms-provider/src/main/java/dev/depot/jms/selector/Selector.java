package dev.depot.jms.selector;

import jakarta.jms.InvalidSelectorException;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * A parsed Jakarta Messaging message selector.
 *
 * <p>A selector is parsed once with {@link #parse(String)} into an immutable evaluation tree and can then be
 * matched against any number of messages, concurrently, from any thread. See the
 * {@linkplain dev.depot.jms.selector package documentation} for the supported syntax and the exact semantics,
 * including the decisions taken where the specification leaves room.
 *
 * <pre>{@code
 * Selector selector = Selector.parse("JMSType = 'car' AND color = 'blue' AND weight > 2500");
 * if (selector.matches(message)) { ... }
 * }</pre>
 */
public final class Selector {

    private static final Selector MATCH_ALL = new Selector("", null);

    private final String text;
    private final Expr root;
    private final Set<String> identifiers;
    private final boolean readsOnlyHeaders;

    private Selector(String text, Expr root) {
        this.text = text;
        this.root = root;
        Set<String> names = new LinkedHashSet<>();
        if (root != null) {
            root.collectIdentifiers(names);
        }
        this.identifiers = Collections.unmodifiableSet(names);
        this.readsOnlyHeaders = HeaderFields.SELECTABLE.containsAll(names);
    }

    /**
     * Parses a selector.
     *
     * @param text the selector; {@code null}, empty or only whitespace means "no selector", which matches every
     *     message
     * @return the parsed selector
     * @throws InvalidSelectorException if the text is not a valid selector; the message names the problem, its
     *     1-based character position and the selector text
     */
    public static Selector parse(String text) throws InvalidSelectorException {
        if (text == null) {
            return MATCH_ALL;
        }
        Expr root = Parser.parse(text);
        return root == null ? MATCH_ALL : new Selector(text, root);
    }

    /**
     * Whether this selector matches every message because no selector text was given. A selector such as
     * {@code TRUE} also matches everything but still counts as a selector here.
     *
     * @return true for a null or blank selector
     */
    public boolean isMatchAll() {
        return root == null;
    }

    /**
     * Evaluates the selector against a message.
     *
     * @param message the message whose header fields and properties are substituted for the identifiers
     * @return true only if the selector evaluates to TRUE; FALSE and UNKNOWN do not match
     * @throws JMSException if the message fails to provide a header field or property value
     */
    public boolean matches(Message message) throws JMSException {
        Objects.requireNonNull(message, "message");
        if (root == null) {
            return true;
        }
        try {
            return root.test(new MessageContext(message)) == Tri.TRUE;
        } catch (MessageContext.Failure e) {
            throw e.jmsException();
        }
    }

    /**
     * Evaluates the selector against values supplied by a lookup; see {@link SelectorContext} for the value types
     * expected. Runtime exceptions thrown by the context propagate.
     *
     * @param context supplies the value of each identifier
     * @return true only if the selector evaluates to TRUE; FALSE and UNKNOWN do not match
     */
    public boolean matches(SelectorContext context) {
        Objects.requireNonNull(context, "context");
        return root == null || root.test(context) == Tri.TRUE;
    }

    /** Three-valued result, for tests that must tell FALSE from UNKNOWN. */
    Tri evaluate(SelectorContext context) {
        return root == null ? Tri.TRUE : root.test(context);
    }

    /** The fully parenthesized form of the parsed tree, for tests of precedence. */
    String canonical() {
        return root == null ? "" : root.toString();
    }

    /**
     * The names of the header fields and properties the selector reads, in order of first appearance.
     *
     * @return an unmodifiable set, empty for a match-all selector
     */
    public Set<String> identifiers() {
        return identifiers;
    }

    /**
     * Whether the selector reads header fields only (JMSDeliveryMode, JMSPriority, JMSMessageID, JMSTimestamp,
     * JMSCorrelationID, JMSType) and no properties, so that it can be evaluated without loading properties.
     * JMSX names are properties, not header fields.
     *
     * @return true if every identifier is a header field; also true when there are no identifiers
     */
    public boolean readsOnlyHeaders() {
        return readsOnlyHeaders;
    }

    /**
     * The selector text as given to {@link #parse(String)}.
     *
     * @return the text; empty for a null or blank selector
     */
    public String text() {
        return text;
    }

    /**
     * Two selectors are equal when their texts are equal, which is what consumers sharing a subscription compare.
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof Selector && ((Selector) other).text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    /**
     * Returns the selector text.
     *
     * @return the same as {@link #text()}
     */
    @Override
    public String toString() {
        return text;
    }
}
