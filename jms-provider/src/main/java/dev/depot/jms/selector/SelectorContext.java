package dev.depot.jms.selector;

import java.util.Map;
import java.util.Objects;

/**
 * Supplies identifier values to a {@link Selector} without requiring a {@link jakarta.jms.Message}, for example from
 * a database row or a cached property map.
 *
 * <p>Values must have the types a message selector sees:
 * <ul>
 *   <li>properties: {@code Boolean}, {@code Byte}, {@code Short}, {@code Integer}, {@code Long}, {@code Float},
 *       {@code Double} or {@code String}, exactly the type the property was set with (no conversions apply);</li>
 *   <li>{@code JMSDeliveryMode}: the {@code String} {@code "PERSISTENT"} or {@code "NON_PERSISTENT"};</li>
 *   <li>{@code JMSPriority}: {@code Integer}; {@code JMSTimestamp}: {@code Long};</li>
 *   <li>{@code JMSMessageID}, {@code JMSCorrelationID}, {@code JMSType}: {@code String} or {@code null}.</li>
 * </ul>
 * {@code null} means NULL (an absent property). A value of any other class is treated like a value of a type that
 * compares as unlike with everything: comparisons with it are false and arithmetic on it is unknown.
 *
 * <p>A context is only used for the duration of one {@code matches} call; implementations need not be
 * thread-safe unless they are shared.
 */
@FunctionalInterface
public interface SelectorContext {

    /**
     * Returns the value of a header field or property.
     *
     * @param identifier a header field name or property name, as written in the selector (case-sensitive)
     * @return the value, or {@code null} if absent
     */
    Object value(String identifier);

    /**
     * A context backed by a map from identifier to value; absent keys are NULL.
     *
     * @param values the values; read on every lookup, not copied
     * @return a context reading from {@code values}
     */
    static SelectorContext of(Map<String, ?> values) {
        Objects.requireNonNull(values, "values");
        return values::get;
    }
}
