package dev.depot.jms.selector;

/**
 * Runtime semantics of comparisons and arithmetic on identifier and literal values.
 *
 * <p>Values are the objects {@code Message.getObjectProperty} can return ({@code Boolean}, {@code Byte},
 * {@code Short}, {@code Integer}, {@code Long}, {@code Float}, {@code Double}, {@code String}) or {@code null}
 * for SQL NULL. Numbers are promoted exactly like Java's binary numeric promotion (byte/short/int → int → long →
 * float → double) because the specification demands it, so two {@code int} properties add with {@code int}
 * overflow and a {@code long} compared with a {@code float} is compared as {@code float}.
 */
final class Values {

    static final int NOT_NUMERIC = 0;
    static final int INT = 1;
    static final int LONG = 2;
    static final int FLOAT = 3;
    static final int DOUBLE = 4;

    private Values() {
    }

    /** Promotion rank of a value; byte and short rank as int because Java promotes them before any operation. */
    static int numericKind(Object value) {
        if (value instanceof Integer) {
            return INT;
        }
        if (value instanceof Long) {
            return LONG;
        }
        if (value instanceof Double) {
            return DOUBLE;
        }
        if (value instanceof Float) {
            return FLOAT;
        }
        if (value instanceof Short || value instanceof Byte) {
            return INT;
        }
        return NOT_NUMERIC;
    }

    /**
     * Applies a comparison. NULL on either side is unknown; values of unlike types (anything but two numbers,
     * two strings or two booleans) compare as false, which is what the specification prescribes, as do ordering
     * operators on strings or booleans.
     */
    static Tri compare(CompareOp op, Object left, Object right) {
        if (left == null || right == null) {
            return Tri.UNKNOWN;
        }
        int leftKind = numericKind(left);
        int rightKind = numericKind(right);
        if (leftKind != NOT_NUMERIC && rightKind != NOT_NUMERIC) {
            int kind = Math.max(leftKind, rightKind);
            Number a = (Number) left;
            Number b = (Number) right;
            if (kind <= LONG) {
                return Tri.of(op.test(a.longValue(), b.longValue()));
            }
            if (kind == FLOAT) {
                // float widens to double exactly, so comparing the widened floats is a float comparison
                return Tri.of(op.test((double) a.floatValue(), (double) b.floatValue()));
            }
            return Tri.of(op.test(a.doubleValue(), b.doubleValue()));
        }
        if (op.isOrdering()) {
            return Tri.FALSE;
        }
        if (left instanceof String && right instanceof String
                || left instanceof Boolean && right instanceof Boolean) {
            return Tri.of(left.equals(right) == (op == CompareOp.EQ));
        }
        return Tri.FALSE;
    }

    /**
     * Applies a binary arithmetic operator. Returns {@code null} (unknown) when an operand is NULL or not a number,
     * and for integer division by zero: Java would throw, and a selector has no way to report an error while it
     * is matched against a message, so the result is treated like SQL's absence of a value.
     */
    static Object arithmetic(ArithmeticOp op, Object left, Object right) {
        int leftKind = numericKind(left);
        int rightKind = numericKind(right);
        if (leftKind == NOT_NUMERIC || rightKind == NOT_NUMERIC) {
            return null;
        }
        Number a = (Number) left;
        Number b = (Number) right;
        switch (Math.max(leftKind, rightKind)) {
            case INT: {
                int divisor = b.intValue();
                if (op == ArithmeticOp.DIVIDE && divisor == 0) {
                    return null;
                }
                return op.apply(a.intValue(), divisor);
            }
            case LONG: {
                long divisor = b.longValue();
                if (op == ArithmeticOp.DIVIDE && divisor == 0L) {
                    return null;
                }
                return op.apply(a.longValue(), divisor);
            }
            case FLOAT:
                return op.apply(a.floatValue(), b.floatValue());
            default:
                return op.apply(a.doubleValue(), b.doubleValue());
        }
    }

    /** Unary minus with Java's unary promotion; unknown for NULL or non-numeric values. */
    static Object negate(Object value) {
        switch (numericKind(value)) {
            case INT:
                return -((Number) value).intValue();
            case LONG:
                return -((Number) value).longValue();
            case FLOAT:
                return -((Number) value).floatValue();
            case DOUBLE:
                return -((Number) value).doubleValue();
            default:
                return null;
        }
    }

    /** Unary plus: the number itself (promoted as Java would), unknown for NULL or non-numeric values. */
    static Object identity(Object value) {
        switch (numericKind(value)) {
            case INT:
                return ((Number) value).intValue();
            case LONG:
            case FLOAT:
            case DOUBLE:
                return value;
            default:
                return null;
        }
    }
}
