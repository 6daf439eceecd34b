package dev.depot.jms.selector;

/**
 * SQL three-valued truth value. Conditions evaluate to one of these constants instead of a nullable
 * {@code Boolean} so that the evaluation hot path neither boxes nor null-checks.
 */
enum Tri {
    TRUE, FALSE, UNKNOWN;

    static Tri of(boolean value) {
        return value ? TRUE : FALSE;
    }

    Tri not() {
        return switch (this) {
            case TRUE -> FALSE;
            case FALSE -> TRUE;
            case UNKNOWN -> UNKNOWN;
        };
    }

    Tri and(Tri other) {
        if (this == FALSE || other == FALSE) {
            return FALSE;
        }
        return this == TRUE && other == TRUE ? TRUE : UNKNOWN;
    }

    Tri or(Tri other) {
        if (this == TRUE || other == TRUE) {
            return TRUE;
        }
        return this == FALSE && other == FALSE ? FALSE : UNKNOWN;
    }

    /** The value as an operand of a comparison sees it: unknown is SQL NULL. */
    Boolean toBoolean() {
        return switch (this) {
            case TRUE -> Boolean.TRUE;
            case FALSE -> Boolean.FALSE;
            case UNKNOWN -> null;
        };
    }
}
