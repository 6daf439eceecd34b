package dev.depot.jms.selector;

import java.util.List;
import java.util.Set;

/** The node types of the evaluation tree. */
final class Nodes {

    private Nodes() {
    }

    /** Base of nodes whose value is a truth value; they implement {@link #test} and derive the value from it. */
    abstract static class Condition extends Expr {

        Condition(int start, int end, int depth) {
            super(ValueType.BOOLEAN, start, end, depth);
        }

        @Override
        abstract Tri test(SelectorContext context);

        @Override
        final Object value(SelectorContext context) {
            return test(context).toBoolean();
        }
    }

    static final class Literal extends Expr {
        final Object constant;

        Literal(Object constant, ValueType type, int start, int end) {
            super(type, start, end, 1);
            this.constant = constant;
        }

        @Override
        Object value(SelectorContext context) {
            return constant;
        }

        @Override
        public String toString() {
            if (constant instanceof String) {
                return quote((String) constant);
            }
            if (constant instanceof Boolean) {
                return (Boolean) constant ? "TRUE" : "FALSE";
            }
            if (constant instanceof Float) {
                return constant + "F";
            }
            return String.valueOf(constant);
        }
    }

    static final class Identifier extends Expr {
        final String name;

        Identifier(String name, ValueType type, int start, int end) {
            super(type, start, end, 1);
            this.name = name;
        }

        @Override
        Object value(SelectorContext context) {
            return context.value(name);
        }

        @Override
        void collectIdentifiers(Set<String> into) {
            into.add(name);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static final class Negation extends Expr {
        final Expr operand;

        Negation(Expr operand, int start) {
            super(ValueType.NUMERIC, start, operand.end, depthOf(operand));
            this.operand = operand;
        }

        @Override
        Object value(SelectorContext context) {
            return Values.negate(operand.value(context));
        }

        @Override
        void collectIdentifiers(Set<String> into) {
            operand.collectIdentifiers(into);
        }

        @Override
        public String toString() {
            return "(-" + operand + ")";
        }
    }

    /** Unary plus is kept as a node because it turns a non-numeric operand into unknown. */
    static final class UnaryPlus extends Expr {
        final Expr operand;

        UnaryPlus(Expr operand, int start) {
            super(ValueType.NUMERIC, start, operand.end, depthOf(operand));
            this.operand = operand;
        }

        @Override
        Object value(SelectorContext context) {
            return Values.identity(operand.value(context));
        }

        @Override
        void collectIdentifiers(Set<String> into) {
            operand.collectIdentifiers(into);
        }

        @Override
        public String toString() {
            return "(+" + operand + ")";
        }
    }

    static final class Arithmetic extends Expr {
        final ArithmeticOp op;
        final Expr left;
        final Expr right;

        Arithmetic(ArithmeticOp op, Expr left, Expr right) {
            super(ValueType.NUMERIC, left.start, right.end, depthOf(left, right));
            this.op = op;
            this.left = left;
            this.right = right;
        }

        @Override
        Object value(SelectorContext context) {
            Object a = left.value(context);
            if (a == null) {
                return null;
            }
            return Values.arithmetic(op, a, right.value(context));
        }

        @Override
        void collectIdentifiers(Set<String> into) {
            left.collectIdentifiers(into);
            right.collectIdentifiers(into);
        }

        @Override
        public String toString() {
            return "(" + left + " " + op.symbol() + " " + right + ")";
        }
    }

    static final class Comparison extends Condition {
        final CompareOp op;
        final Expr left;
        final Expr right;

        Comparison(CompareOp op, Expr left, Expr right) {
            super(left.start, right.end, depthOf(left, right));
            this.op = op;
            this.left = left;
            this.right = right;
        }

        @Override
        Tri test(SelectorContext context) {
            Object a = left.value(context);
            if (a == null) {
                return Tri.UNKNOWN;
            }
            return Values.compare(op, a, right.value(context));
        }

        @Override
        void collectIdentifiers(Set<String> into) {
            left.collectIdentifiers(into);
            right.collectIdentifiers(into);
        }

        @Override
        public String toString() {
            return "(" + left + " " + op.symbol() + " " + right + ")";
        }
    }

    /**
     * Evaluated literally as the specification defines it, {@code a >= lo AND a <= hi} and for NOT BETWEEN
     * {@code a < lo OR a > hi}, rather than as the negation of BETWEEN: the two differ when a comparison is false
     * both ways, i.e. for unlike types ({@code 'x' NOT BETWEEN 1 AND 2} is false) and NaN.
     */
    static final class Between extends Condition {
        final Expr operand;
        final Expr low;
        final Expr high;
        final boolean negated;

        Between(Expr operand, Expr low, Expr high, boolean negated) {
            super(operand.start, high.end, depthOf(operand, low, high));
            this.operand = operand;
            this.low = low;
            this.high = high;
            this.negated = negated;
        }

        @Override
        Tri test(SelectorContext context) {
            Object value = operand.value(context);
            Object lowValue = low.value(context);
            Object highValue = high.value(context);
            if (negated) {
                return Values.compare(CompareOp.LT, value, lowValue)
                        .or(Values.compare(CompareOp.GT, value, highValue));
            }
            return Values.compare(CompareOp.GE, value, lowValue)
                    .and(Values.compare(CompareOp.LE, value, highValue));
        }

        @Override
        void collectIdentifiers(Set<String> into) {
            operand.collectIdentifiers(into);
            low.collectIdentifiers(into);
            high.collectIdentifiers(into);
        }

        @Override
        public String toString() {
            return "(" + operand + (negated ? " NOT BETWEEN " : " BETWEEN ") + low + " AND " + high + ")";
        }
    }

    /**
     * The specification defines IN as {@code (a = 'x') OR (a = 'y') ...} and NOT IN as its negation. A non-string
     * value makes every comparison false (unlike types), so IN is false and NOT IN is true for it.
     */
    static final class In extends Condition {
        final Identifier operand;
        final Set<String> members;
        final List<String> ordered;
        final boolean negated;

        In(Identifier operand, List<String> ordered, boolean negated, int end) {
            super(operand.start, end, depthOf(operand));
            this.operand = operand;
            this.ordered = List.copyOf(ordered);
            this.members = Set.copyOf(ordered);
            this.negated = negated;
        }

        @Override
        Tri test(SelectorContext context) {
            Object value = operand.value(context);
            // The identifier of IN must be a String; any other value, like NULL, decides nothing,
            // so neither IN nor NOT IN selects it (the TCK holds providers to this).
            if (!(value instanceof String text)) {
                return Tri.UNKNOWN;
            }
            return Tri.of(members.contains(text) != negated);
        }

        @Override
        void collectIdentifiers(Set<String> into) {
            operand.collectIdentifiers(into);
        }

        @Override
        public String toString() {
            StringBuilder text = new StringBuilder("(").append(operand).append(negated ? " NOT IN (" : " IN (");
            for (int i = 0; i < ordered.size(); i++) {
                text.append(i == 0 ? "" : ", ").append(quote(ordered.get(i)));
            }
            return text.append("))").toString();
        }
    }

    /** LIKE, like IN, needs a String: on any other value both LIKE and NOT LIKE are unknown. */
    static final class Like extends Condition {
        final Identifier operand;
        final LikePattern pattern;
        final String patternText;
        final String escape;
        final boolean negated;

        Like(Identifier operand, LikePattern pattern, String patternText, String escape, boolean negated, int end) {
            super(operand.start, end, depthOf(operand));
            this.operand = operand;
            this.pattern = pattern;
            this.patternText = patternText;
            this.escape = escape;
            this.negated = negated;
        }

        @Override
        Tri test(SelectorContext context) {
            Object value = operand.value(context);
            if (!(value instanceof String text)) {
                return Tri.UNKNOWN;
            }
            return Tri.of(pattern.matches(text) != negated);
        }

        @Override
        void collectIdentifiers(Set<String> into) {
            operand.collectIdentifiers(into);
        }

        @Override
        public String toString() {
            return "(" + operand + (negated ? " NOT LIKE " : " LIKE ") + quote(patternText)
                    + (escape == null ? "" : " ESCAPE " + quote(escape)) + ")";
        }
    }

    static final class IsNull extends Condition {
        final Identifier operand;
        final boolean negated;

        IsNull(Identifier operand, boolean negated, int end) {
            super(operand.start, end, depthOf(operand));
            this.operand = operand;
            this.negated = negated;
        }

        @Override
        Tri test(SelectorContext context) {
            return Tri.of((operand.value(context) == null) != negated);
        }

        @Override
        void collectIdentifiers(Set<String> into) {
            operand.collectIdentifiers(into);
        }

        @Override
        public String toString() {
            return "(" + operand + (negated ? " IS NOT NULL)" : " IS NULL)");
        }
    }

    static final class Not extends Condition {
        final Expr operand;

        Not(Expr operand, int start) {
            super(start, operand.end, depthOf(operand));
            this.operand = operand;
        }

        @Override
        Tri test(SelectorContext context) {
            return operand.test(context).not();
        }

        @Override
        void collectIdentifiers(Set<String> into) {
            operand.collectIdentifiers(into);
        }

        @Override
        public String toString() {
            return "(NOT " + operand + ")";
        }
    }

    /**
     * AND and OR hold all operands of a chain in one node: a long chain then costs no stack depth, and evaluation
     * stops at the first operand that decides the result.
     */
    static final class Junction extends Condition {
        final boolean isAnd;
        final Expr[] operands;

        Junction(boolean isAnd, List<Expr> operands) {
            super(operands.get(0).start, operands.get(operands.size() - 1).end,
                    depthOf(operands.toArray(new Expr[0])));
            this.isAnd = isAnd;
            this.operands = operands.toArray(new Expr[0]);
        }

        @Override
        Tri test(SelectorContext context) {
            Tri decisive = isAnd ? Tri.FALSE : Tri.TRUE;
            Tri result = isAnd ? Tri.TRUE : Tri.FALSE;
            for (Expr operand : operands) {
                Tri value = operand.test(context);
                if (value == decisive) {
                    return decisive;
                }
                if (value == Tri.UNKNOWN) {
                    result = Tri.UNKNOWN;
                }
            }
            return result;
        }

        @Override
        void collectIdentifiers(Set<String> into) {
            for (Expr operand : operands) {
                operand.collectIdentifiers(into);
            }
        }

        @Override
        public String toString() {
            StringBuilder text = new StringBuilder("(");
            for (int i = 0; i < operands.length; i++) {
                text.append(i == 0 ? "" : isAnd ? " AND " : " OR ").append(operands[i]);
            }
            return text.append(')').toString();
        }
    }

    static String quote(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
