package dev.depot.jms.message;

import jakarta.jms.MessageFormatException;

/**
 * The type-conversion tables of the specification, shared by properties, {@code MapMessage} and
 * {@code StreamMessage}. Properties can never hold a {@code Character} or a {@code byte[]}, so the
 * property table is the body table restricted to the types a property can have.
 *
 * <p>A {@code null} value (a missing property or map item, or a null stream field) is converted by
 * calling the target's {@code valueOf(String)} with {@code null}, as the specification demands: this
 * yields {@code false} for boolean, {@link NumberFormatException} for the integral types and
 * {@link NullPointerException} for float and double. {@code char} has no string form, so reading a
 * null as {@code char} throws {@link NullPointerException}.
 */
final class Values {

    private Values() {
    }

    /** Whether {@code value} may be stored as a property: the primitive wrappers (not Character) and String. */
    static boolean isPropertyType(Object value) {
        return value instanceof String || value instanceof Integer || value instanceof Long
                || value instanceof Boolean || value instanceof Double || value instanceof Float
                || value instanceof Short || value instanceof Byte;
    }

    /** Whether {@code value} may be stored in a map or stream body: property types plus Character and byte[]. */
    static boolean isBodyType(Object value) {
        return isPropertyType(value) || value instanceof Character || value instanceof byte[];
    }

    static boolean toBoolean(Object v, String what) throws MessageFormatException {
        if (v instanceof Boolean b) {
            return b;
        }
        if (v == null || v instanceof String) {
            return Boolean.valueOf((String) v);
        }
        throw invalid(v, "boolean", what);
    }

    static byte toByte(Object v, String what) throws MessageFormatException {
        if (v instanceof Byte b) {
            return b;
        }
        if (v == null || v instanceof String) {
            return Byte.valueOf((String) v);
        }
        throw invalid(v, "byte", what);
    }

    static short toShort(Object v, String what) throws MessageFormatException {
        if (v instanceof Short s) {
            return s;
        }
        if (v instanceof Byte b) {
            return b;
        }
        if (v == null || v instanceof String) {
            return Short.valueOf((String) v);
        }
        throw invalid(v, "short", what);
    }

    static char toChar(Object v, String what) throws MessageFormatException {
        if (v instanceof Character c) {
            return c;
        }
        if (v == null) {
            throw new NullPointerException("Cannot read null " + what + " as char");
        }
        throw invalid(v, "char", what);
    }

    static int toInt(Object v, String what) throws MessageFormatException {
        if (v instanceof Integer i) {
            return i;
        }
        if (v instanceof Short s) {
            return s;
        }
        if (v instanceof Byte b) {
            return b;
        }
        if (v == null || v instanceof String) {
            return Integer.valueOf((String) v);
        }
        throw invalid(v, "int", what);
    }

    static long toLong(Object v, String what) throws MessageFormatException {
        if (v instanceof Long l) {
            return l;
        }
        if (v instanceof Integer i) {
            return i;
        }
        if (v instanceof Short s) {
            return s;
        }
        if (v instanceof Byte b) {
            return b;
        }
        if (v == null || v instanceof String) {
            return Long.valueOf((String) v);
        }
        throw invalid(v, "long", what);
    }

    static float toFloat(Object v, String what) throws MessageFormatException {
        if (v instanceof Float f) {
            return f;
        }
        if (v == null || v instanceof String) {
            return Float.valueOf((String) v);
        }
        throw invalid(v, "float", what);
    }

    static double toDouble(Object v, String what) throws MessageFormatException {
        if (v instanceof Double d) {
            return d;
        }
        if (v instanceof Float f) {
            return f;
        }
        if (v == null || v instanceof String) {
            return Double.valueOf((String) v);
        }
        throw invalid(v, "double", what);
    }

    static String toText(Object v, String what) throws MessageFormatException {
        if (v == null || v instanceof String) {
            return (String) v;
        }
        if (v instanceof byte[]) {
            throw invalid(v, "String", what);
        }
        return v.toString();
    }

    /** byte[] converts only to itself; the caller gets a copy so the stored value cannot be changed through it. */
    static byte[] toBytes(Object v, String what) throws MessageFormatException {
        if (v == null) {
            return null;
        }
        if (v instanceof byte[] b) {
            return b.clone();
        }
        throw invalid(v, "byte[]", what);
    }

    /** The value as {@code getObject} returns it: byte arrays are copied, everything else is immutable. */
    static Object exposed(Object v) {
        return v instanceof byte[] b ? b.clone() : v;
    }

    static String typeName(Object v) {
        return v == null ? "null" : v instanceof byte[] ? "byte[]" : v.getClass().getSimpleName();
    }

    private static MessageFormatException invalid(Object v, String target, String what) {
        return new MessageFormatException("Cannot read " + what + " of type " + typeName(v) + " as " + target);
    }
}
