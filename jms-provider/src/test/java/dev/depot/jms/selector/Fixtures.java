package dev.depot.jms.selector;

import jakarta.jms.InvalidSelectorException;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.params.provider.Arguments;

/** Shared helpers for the table-driven tests. */
final class Fixtures {

    private Fixtures() {
    }

    /** A map from alternating names and values; values may be null (same as absent). */
    static Map<String, Object> values(Object... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("names and values must alternate");
        }
        Map<String, Object> values = new HashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            values.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return values;
    }

    /** Parses and evaluates with three-valued result, so FALSE and UNKNOWN can be told apart. */
    static Tri evaluate(String selector, Map<String, Object> values) throws InvalidSelectorException {
        return Selector.parse(selector).evaluate(SelectorContext.of(values));
    }

    /** A table row: selector, expected result, bindings as alternating names and values. */
    static Arguments row(String selector, Tri expected, Object... namesAndValues) {
        return Arguments.of(selector, expected, values(namesAndValues));
    }
}
