package dev.depot.jms.selector;

import java.util.Arrays;

/**
 * A compiled {@code LIKE} pattern.
 *
 * <p>Matching is done by a small wildcard matcher rather than {@code java.util.regex}: it needs no quoting of
 * regex metacharacters (every character except {@code _} and {@code %} stands for itself), lets {@code _} and
 * {@code %} match line terminators without flags, allocates nothing per match and is immutable, hence
 * thread-safe. {@code _} matches one Unicode code point, so a surrogate pair counts as one character.
 */
final class LikePattern {

    private static final int ANY_ONE = -1;
    private static final int ANY_SEQUENCE = -2;

    /** Literal code points, or the negative wildcard markers above. */
    private final int[] elements;
    private final Shape shape;
    /** The literal text around the single '%' for the shapes that can use String's own search methods. */
    private final String literal;

    /** Common shapes get a dedicated, faster match than the general backtracking loop. */
    private enum Shape { EXACT, PREFIX, SUFFIX, CONTAINS, GENERAL }

    private LikePattern(int[] elements, Shape shape, String literal) {
        this.elements = elements;
        this.shape = shape;
        this.literal = literal;
    }

    /**
     * Compiles a pattern. Following SQL-92, the escape character may only precede {@code _}, {@code %} or itself;
     * anything else is an error rather than silently meaning the following character.
     *
     * @param pattern the pattern text (string literal content, quotes already removed)
     * @param escape the escape code point, or -1 for none
     * @throws IllegalArgumentException describing the problem; the parser adds the position
     */
    static LikePattern compile(String pattern, int escape) {
        int[] buffer = new int[pattern.length()];
        int count = 0;
        int wildcards = 0;
        for (int i = 0; i < pattern.length(); ) {
            int cp = pattern.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == escape) {
                if (i >= pattern.length()) {
                    throw new IllegalArgumentException("LIKE pattern ends with the escape character '"
                            + Character.toString(escape) + "'");
                }
                int next = pattern.codePointAt(i);
                i += Character.charCount(next);
                if (next != '_' && next != '%' && next != escape) {
                    throw new IllegalArgumentException("Escape character '" + Character.toString(escape)
                            + "' in LIKE pattern must be followed by '_', '%' or itself, not '"
                            + Character.toString(next) + "'");
                }
                buffer[count++] = next;
            } else if (cp == '%') {
                // consecutive '%' are equivalent to one and would only add backtracking work
                if (count == 0 || buffer[count - 1] != ANY_SEQUENCE) {
                    buffer[count++] = ANY_SEQUENCE;
                    wildcards++;
                }
            } else if (cp == '_') {
                buffer[count++] = ANY_ONE;
                wildcards++;
            } else {
                buffer[count++] = cp;
            }
        }
        int[] elements = Arrays.copyOf(buffer, count);
        return new LikePattern(elements, shapeOf(elements, wildcards), literalOf(elements));
    }

    private static Shape shapeOf(int[] elements, int wildcards) {
        int n = elements.length;
        if (wildcards == 0) {
            return Shape.EXACT;
        }
        boolean first = elements[0] == ANY_SEQUENCE;
        boolean last = elements[n - 1] == ANY_SEQUENCE;
        if (wildcards == 1 && last) {
            return Shape.PREFIX;
        }
        if (wildcards == 1 && first) {
            return Shape.SUFFIX;
        }
        if (wildcards == 2 && first && last && n > 1) {
            return Shape.CONTAINS;
        }
        return Shape.GENERAL;
    }

    /** The code points that are not wildcards, as a String; only meaningful for the non-general shapes. */
    private static String literalOf(int[] elements) {
        StringBuilder text = new StringBuilder(elements.length);
        for (int element : elements) {
            if (element >= 0) {
                text.appendCodePoint(element);
            }
        }
        return text.toString();
    }

    boolean matches(String value) {
        switch (shape) {
            case EXACT:
                return value.equals(literal);
            case PREFIX:
                return value.startsWith(literal);
            case SUFFIX:
                return value.endsWith(literal);
            case CONTAINS:
                return value.contains(literal);
            default:
                return matchesGeneral(value);
        }
    }

    /**
     * Classic wildcard matching with a single backtrack point: on a mismatch, the most recent '%' absorbs one
     * more character. Earlier '%' never need revisiting because the latest one can absorb anything they could.
     */
    private boolean matchesGeneral(String value) {
        int[] pattern = elements;
        int length = value.length();
        int v = 0;
        int p = 0;
        int starP = -1;
        int starV = 0;
        while (v < length) {
            int cp = value.codePointAt(v);
            if (p < pattern.length) {
                int element = pattern[p];
                if (element == ANY_SEQUENCE) {
                    starP = p++;
                    starV = v;
                    continue;
                }
                if (element == ANY_ONE || element == cp) {
                    v += Character.charCount(cp);
                    p++;
                    continue;
                }
            }
            if (starP < 0) {
                return false;
            }
            p = starP + 1;
            starV += Character.charCount(value.codePointAt(starV));
            v = starV;
        }
        while (p < pattern.length && pattern[p] == ANY_SEQUENCE) {
            p++;
        }
        return p == pattern.length;
    }
}
