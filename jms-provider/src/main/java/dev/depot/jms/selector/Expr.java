package dev.depot.jms.selector;

import java.util.Set;

/**
 * A node of the immutable evaluation tree built by {@link Parser}. Nodes are created once per selector and then
 * shared by all threads evaluating it, so every field is final and evaluation keeps no state in the tree.
 */
abstract class Expr {

    /** Type known at parse time, used to reject statically ill-typed selectors. */
    final ValueType type;
    /** Source span, for error messages about this expression. */
    final int start;
    final int end;
    /** Height of the subtree; bounded by the parser so that evaluation cannot overflow the stack. */
    final int depth;

    Expr(ValueType type, int start, int end, int depth) {
        this.type = type;
        this.start = start;
        this.end = end;
        this.depth = depth;
    }

    /**
     * The value: a {@code Boolean}, a number ({@code Byte}, {@code Short}, {@code Integer}, {@code Long},
     * {@code Float}, {@code Double}), a {@code String}, or {@code null} for NULL or unknown.
     */
    abstract Object value(SelectorContext context);

    /** The value as a condition. Anything that is not a boolean, including a missing property, is unknown. */
    Tri test(SelectorContext context) {
        Object value = value(context);
        if (value instanceof Boolean) {
            return Tri.of((Boolean) value);
        }
        return Tri.UNKNOWN;
    }

    /** Adds the identifiers this expression reads. */
    void collectIdentifiers(Set<String> into) {
    }

    /** A canonical, fully parenthesized rendering that makes precedence visible; for tests and debugging. */
    @Override
    public abstract String toString();

    static int depthOf(Expr... children) {
        int max = 0;
        for (Expr child : children) {
            max = Math.max(max, child.depth);
        }
        return max + 1;
    }
}
