package dev.depot.jms.selector;

/**
 * Type of an expression as far as it is known when the selector is parsed. Property types are only known
 * per message, so identifiers are {@link #ANY} unless they name a header field with a fixed type.
 */
enum ValueType {
    BOOLEAN("boolean"),
    NUMERIC("numeric"),
    STRING("string"),
    ANY("untyped");

    private final String description;

    ValueType(String description) {
        this.description = description;
    }

    /** True if a value of this static type may turn out to be of type {@code required} at evaluation time. */
    boolean mayBe(ValueType required) {
        return this == ANY || this == required;
    }

    String description() {
        return description;
    }
}
