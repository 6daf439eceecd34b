package dev.depot.jms.selector;

import dev.depot.jms.selector.Nodes.Arithmetic;
import dev.depot.jms.selector.Nodes.Between;
import dev.depot.jms.selector.Nodes.Comparison;
import dev.depot.jms.selector.Nodes.Identifier;
import dev.depot.jms.selector.Nodes.In;
import dev.depot.jms.selector.Nodes.IsNull;
import dev.depot.jms.selector.Nodes.Junction;
import dev.depot.jms.selector.Nodes.Like;
import dev.depot.jms.selector.Nodes.Literal;
import dev.depot.jms.selector.Nodes.Negation;
import dev.depot.jms.selector.Nodes.Not;
import dev.depot.jms.selector.Nodes.UnaryPlus;
import jakarta.jms.InvalidSelectorException;
import java.util.ArrayList;
import java.util.List;

/**
 * Recursive-descent parser producing the evaluation tree. Grammar, lowest precedence first:
 *
 * <pre>
 * selector       = or EOF
 * or             = and { OR and }
 * and            = not { AND not }
 * not            = NOT not | predicate
 * predicate      = additive [ ( = | &lt;&gt; | &lt; | &lt;= | &gt; | &gt;= ) additive
 *                           | [NOT] BETWEEN additive AND additive
 *                           | [NOT] IN ( string { , string } )
 *                           | [NOT] LIKE string [ ESCAPE string ]
 *                           | IS [NOT] NULL ]
 * additive       = multiplicative { ( + | - ) multiplicative }
 * multiplicative = unary { ( * | / ) unary }
 * unary          = ( + | - ) unary | primary
 * primary        = ( or ) | identifier | string | number | TRUE | FALSE
 * </pre>
 *
 * <p>IN, LIKE and IS NULL require an identifier on their left, as the specification defines them. Type errors that
 * are visible without a message (literals, typed header fields, operator results) are rejected here because such
 * selectors could never match or mean something other than what was written.
 */
final class Parser {

    /** Bounds parser recursion (parentheses, NOT, unary signs) so hostile input cannot overflow the stack. */
    static final int MAX_NESTING = 100;
    /** Bounds evaluation recursion; only long arithmetic chains come near it since AND/OR chains are flat. */
    static final int MAX_DEPTH = 500;

    private final String text;
    private final List<Token> tokens;
    private int index;
    private int nesting;

    private Parser(String text, List<Token> tokens) {
        this.text = text;
        this.tokens = tokens;
    }

    /** Parses a selector; returns {@code null} when it contains nothing but whitespace. */
    static Expr parse(String text) throws InvalidSelectorException {
        List<Token> tokens = Lexer.tokenize(text);
        if (tokens.size() == 1) {
            return null;
        }
        Parser parser = new Parser(text, tokens);
        Expr root = parser.or();
        Token trailing = parser.peek();
        if (trailing.kind() == TokenKind.RPAREN) {
            throw parser.fail(trailing.start(), "Unbalanced parentheses: unexpected token ')'");
        }
        if (trailing.kind() != TokenKind.EOF) {
            throw parser.fail(trailing.start(), "Unexpected " + parser.describe(trailing));
        }
        parser.requireCondition(root, "Selector must be a conditional expression but found ");
        return root;
    }

    // ---- logical operators ----------------------------------------------------------------------------------

    private Expr or() throws InvalidSelectorException {
        Expr first = and();
        if (peek().kind() != TokenKind.OR) {
            return first;
        }
        List<Expr> operands = new ArrayList<>();
        addJunctionOperand(operands, first, false, "OR");
        while (accept(TokenKind.OR)) {
            addJunctionOperand(operands, and(), false, "OR");
        }
        return checked(new Junction(false, operands));
    }

    private Expr and() throws InvalidSelectorException {
        Expr first = not();
        if (peek().kind() != TokenKind.AND) {
            return first;
        }
        List<Expr> operands = new ArrayList<>();
        addJunctionOperand(operands, first, true, "AND");
        while (accept(TokenKind.AND)) {
            addJunctionOperand(operands, not(), true, "AND");
        }
        return checked(new Junction(true, operands));
    }

    /** A parenthesized chain of the same operator is merged, which keeps the tree flat and changes no result. */
    private void addJunctionOperand(List<Expr> operands, Expr operand, boolean isAnd, String operator)
            throws InvalidSelectorException {
        requireCondition(operand, operator + " requires boolean operands but found ");
        if (operand instanceof Junction && ((Junction) operand).isAnd == isAnd) {
            operands.addAll(List.of(((Junction) operand).operands));
        } else {
            operands.add(operand);
        }
    }

    private Expr not() throws InvalidSelectorException {
        Token not = peek();
        if (not.kind() != TokenKind.NOT) {
            return predicate();
        }
        advance();
        enterNesting(not);
        Expr operand = not();
        nesting--;
        requireCondition(operand, "NOT requires a boolean operand but found ");
        return checked(new Not(operand, not.start()));
    }

    // ---- comparison operators -------------------------------------------------------------------------------

    private Expr predicate() throws InvalidSelectorException {
        Expr left = additive();
        Token operator = peek();
        switch (operator.kind()) {
            case EQ:
                return comparison(CompareOp.EQ, left);
            case NE:
                return comparison(CompareOp.NE, left);
            case LT:
                return comparison(CompareOp.LT, left);
            case LE:
                return comparison(CompareOp.LE, left);
            case GT:
                return comparison(CompareOp.GT, left);
            case GE:
                return comparison(CompareOp.GE, left);
            case BETWEEN:
            case IN:
            case LIKE:
                return negatable(left, false);
            case NOT: {
                Token next = tokens.get(index + 1);
                if (next.kind() != TokenKind.BETWEEN && next.kind() != TokenKind.IN
                        && next.kind() != TokenKind.LIKE) {
                    throw fail(next.start(), "Expected BETWEEN, IN or LIKE after NOT but found " + describe(next));
                }
                advance();
                return negatable(left, true);
            }
            case IS:
                return isNull(left);
            default:
                return left;
        }
    }

    private Expr comparison(CompareOp op, Expr left) throws InvalidSelectorException {
        Token operator = advance();
        Expr right = additive();
        if (left.type != ValueType.ANY && right.type != ValueType.ANY && left.type != right.type) {
            throw fail(operator.start(), "Cannot compare " + describe(left) + " with " + describe(right));
        }
        if (op.isOrdering()) {
            for (Expr operand : List.of(left, right)) {
                if (operand.type == ValueType.STRING || operand.type == ValueType.BOOLEAN) {
                    throw fail(operator.start(), "Operator '" + op.symbol() + "' cannot be applied to "
                            + describe(operand) + " (strings and booleans support only = and <>)");
                }
            }
        }
        return checked(new Comparison(op, left, right));
    }

    private Expr negatable(Expr left, boolean negated) throws InvalidSelectorException {
        Token operator = advance();
        switch (operator.kind()) {
            case BETWEEN:
                return between(left, negated);
            case IN:
                return in(left, negated);
            default:
                return like(left, negated);
        }
    }

    private Expr between(Expr operand, boolean negated) throws InvalidSelectorException {
        requireNumeric(operand, "BETWEEN requires numeric operands");
        Expr low = additive();
        requireNumeric(low, "BETWEEN requires numeric operands");
        Token and = peek();
        if (and.kind() != TokenKind.AND) {
            throw fail(and.start(), "Expected AND in BETWEEN but found " + describe(and));
        }
        advance();
        Expr high = additive();
        requireNumeric(high, "BETWEEN requires numeric operands");
        return checked(new Between(operand, low, high, negated));
    }

    private Expr in(Expr left, boolean negated) throws InvalidSelectorException {
        Identifier operand = requireStringIdentifier(left, "IN");
        Token open = peek();
        if (open.kind() != TokenKind.LPAREN) {
            throw fail(open.start(), "Expected '(' after IN but found " + describe(open));
        }
        advance();
        if (peek().kind() == TokenKind.RPAREN) {
            throw fail(peek().start(), "IN list must not be empty");
        }
        List<String> values = new ArrayList<>();
        while (true) {
            Token value = peek();
            if (value.kind() != TokenKind.STRING) {
                String problem = value.kind() == TokenKind.RPAREN
                        ? "Missing string literal after ',' in IN list"
                        : "IN list may contain only string literals but found " + describe(value);
                throw fail(value.start(), problem);
            }
            advance();
            values.add((String) value.value());
            Token separator = peek();
            if (separator.kind() == TokenKind.RPAREN) {
                advance();
                return new In(operand, values, negated, separator.end());
            }
            if (separator.kind() != TokenKind.COMMA) {
                throw fail(separator.start(), "Expected ',' or ')' in IN list but found " + describe(separator));
            }
            advance();
        }
    }

    private Expr like(Expr left, boolean negated) throws InvalidSelectorException {
        Identifier operand = requireStringIdentifier(left, "LIKE");
        Token pattern = peek();
        if (pattern.kind() != TokenKind.STRING) {
            throw fail(pattern.start(), "LIKE pattern must be a string literal but found " + describe(pattern));
        }
        advance();
        int end = pattern.end();
        String escape = null;
        int escapeCodePoint = -1;
        if (accept(TokenKind.ESCAPE)) {
            Token literal = peek();
            if (literal.kind() != TokenKind.STRING) {
                throw fail(literal.start(), "ESCAPE must be followed by a string literal but found "
                        + describe(literal));
            }
            advance();
            escape = (String) literal.value();
            if (escape.codePointCount(0, escape.length()) != 1) {
                throw fail(literal.start(), "ESCAPE requires a single character but found " + describe(literal));
            }
            escapeCodePoint = escape.codePointAt(0);
            end = literal.end();
        }
        String patternText = (String) pattern.value();
        LikePattern compiled;
        try {
            compiled = LikePattern.compile(patternText, escapeCodePoint);
        } catch (IllegalArgumentException e) {
            throw fail(pattern.start(), e.getMessage());
        }
        return new Like(operand, compiled, patternText, escape, negated, end);
    }

    private Expr isNull(Expr left) throws InvalidSelectorException {
        Token is = advance();
        Identifier operand = requireIdentifier(left, "IS NULL", is);
        boolean negated = accept(TokenKind.NOT);
        Token nullToken = peek();
        if (nullToken.kind() != TokenKind.NULL) {
            throw fail(nullToken.start(), "Expected NULL after " + (negated ? "IS NOT" : "IS") + " but found "
                    + describe(nullToken));
        }
        advance();
        return new IsNull(operand, negated, nullToken.end());
    }

    // ---- arithmetic -----------------------------------------------------------------------------------------

    private Expr additive() throws InvalidSelectorException {
        Expr left = multiplicative();
        while (peek().kind() == TokenKind.PLUS || peek().kind() == TokenKind.MINUS) {
            Token operator = advance();
            Expr right = multiplicative();
            left = arithmetic(operator, operator.kind() == TokenKind.PLUS ? ArithmeticOp.PLUS : ArithmeticOp.MINUS,
                    left, right);
        }
        return left;
    }

    private Expr multiplicative() throws InvalidSelectorException {
        Expr left = unary();
        while (peek().kind() == TokenKind.TIMES || peek().kind() == TokenKind.DIVIDE) {
            Token operator = advance();
            Expr right = unary();
            left = arithmetic(operator, operator.kind() == TokenKind.TIMES ? ArithmeticOp.TIMES
                    : ArithmeticOp.DIVIDE, left, right);
        }
        return left;
    }

    private Expr arithmetic(Token operator, ArithmeticOp op, Expr left, Expr right)
            throws InvalidSelectorException {
        String requirement = "Operator '" + op.symbol() + "' requires numeric operands";
        requireNumeric(left, requirement);
        requireNumeric(right, requirement);
        return checked(new Arithmetic(op, left, right));
    }

    private Expr unary() throws InvalidSelectorException {
        Token sign = peek();
        if (sign.kind() != TokenKind.PLUS && sign.kind() != TokenKind.MINUS) {
            return primary();
        }
        advance();
        boolean minus = sign.kind() == TokenKind.MINUS;
        if (minus && peek().kind() == TokenKind.LONG_MIN_MAGNITUDE) {
            return new Literal(Long.MIN_VALUE, ValueType.NUMERIC, sign.start(), advance().end());
        }
        enterNesting(sign);
        Expr operand = unary();
        nesting--;
        requireNumeric(operand, "Unary operator '" + (minus ? '-' : '+') + "' requires a numeric operand");
        if (operand instanceof Literal) {
            // folding makes "-5" a plain literal, so it prints and evaluates exactly like the number it denotes
            Object constant = ((Literal) operand).constant;
            return new Literal(minus ? Values.negate(constant) : constant, ValueType.NUMERIC, sign.start(),
                    operand.end);
        }
        return checked(minus ? new Negation(operand, sign.start()) : new UnaryPlus(operand, sign.start()));
    }

    private Expr primary() throws InvalidSelectorException {
        Token token = peek();
        switch (token.kind()) {
            case LPAREN: {
                advance();
                enterNesting(token);
                Expr inner = or();
                nesting--;
                Token close = peek();
                if (close.kind() != TokenKind.RPAREN) {
                    throw fail(close.start(), "Expected ')' to close '(' at position " + (token.start() + 1)
                            + " but found " + describe(close));
                }
                advance();
                return inner;
            }
            case STRING:
                advance();
                return new Literal(token.value(), ValueType.STRING, token.start(), token.end());
            case EXACT_NUMBER:
            case APPROXIMATE_NUMBER:
                advance();
                return new Literal(token.value(), ValueType.NUMERIC, token.start(), token.end());
            case TRUE:
            case FALSE:
                advance();
                return new Literal(token.kind() == TokenKind.TRUE, ValueType.BOOLEAN, token.start(), token.end());
            case IDENTIFIER:
                advance();
                return identifier(token);
            case LONG_MIN_MAGNITUDE:
                throw fail(token.start(), "Integer literal '" + excerpt(token)
                        + "' is out of the range of long (it is only valid after unary minus)");
            case NULL:
                throw fail(token.start(), "NULL can only be used in IS NULL or IS NOT NULL");
            case NOT:
                throw fail(token.start(), "Unexpected keyword '" + excerpt(token) + "'");
            case EOF:
                throw fail(token.start(), "Expected an expression but found end of selector");
            default:
                if (token.kind().isKeyword()) {
                    throw fail(token.start(), "Reserved word '" + excerpt(token)
                            + "' cannot be used as an identifier");
                }
                throw fail(token.start(), "Unexpected " + describe(token));
        }
    }

    /**
     * Header fields other than the six the specification allows are rejected rather than read as (always absent)
     * properties: the specification restricts header references to those six, and names starting with "JMS" are
     * reserved, so such a selector is a mistake that would otherwise silently never match.
     */
    private Expr identifier(Token token) throws InvalidSelectorException {
        String name = (String) token.value();
        if (HeaderFields.SELECTABLE.contains(name)) {
            return new Identifier(name, HeaderFields.typeOf(name), token.start(), token.end());
        }
        if (HeaderFields.NOT_SELECTABLE.contains(name)) {
            throw fail(token.start(), "Header field " + name + " cannot be used in a message selector (allowed: "
                    + HeaderFields.SELECTABLE_LIST + ")");
        }
        if (name.startsWith("JMS") && !name.startsWith("JMSX") && !name.startsWith("JMS_")) {
            throw fail(token.start(), "Identifier " + name + " uses the reserved prefix JMS (allowed are JMSX and"
                    + " JMS_ properties and the header fields " + HeaderFields.SELECTABLE_LIST + ")");
        }
        return new Identifier(name, ValueType.ANY, token.start(), token.end());
    }

    // ---- checks ---------------------------------------------------------------------------------------------

    private void requireCondition(Expr expr, String problem) throws InvalidSelectorException {
        if (!expr.type.mayBe(ValueType.BOOLEAN)) {
            throw fail(expr.start, problem + describe(expr));
        }
    }

    /** Rejects an expression that can never be numeric; {@code requirement} reads e.g. "BETWEEN requires ...". */
    private void requireNumeric(Expr expr, String requirement) throws InvalidSelectorException {
        if (!expr.type.mayBe(ValueType.NUMERIC)) {
            throw fail(expr.start, requirement + " but found " + describe(expr));
        }
    }

    private Identifier requireIdentifier(Expr expr, String operator, Token at) throws InvalidSelectorException {
        if (!(expr instanceof Identifier)) {
            throw fail(at.start(), operator + " requires an identifier on its left but found " + describe(expr));
        }
        return (Identifier) expr;
    }

    private Identifier requireStringIdentifier(Expr expr, String operator) throws InvalidSelectorException {
        Identifier identifier = requireIdentifier(expr, operator, tokens.get(index - 1));
        if (!identifier.type.mayBe(ValueType.STRING)) {
            throw fail(identifier.start, operator + " requires a string identifier but found "
                    + describe(identifier));
        }
        return identifier;
    }

    private Expr checked(Expr expr) throws InvalidSelectorException {
        if (expr.depth > MAX_DEPTH) {
            throw fail(expr.start, "Selector is too complex: expression depth exceeds " + MAX_DEPTH);
        }
        return expr;
    }

    private void enterNesting(Token token) throws InvalidSelectorException {
        if (++nesting > MAX_NESTING) {
            throw fail(token.start(), "Selector nesting exceeds " + MAX_NESTING + " levels");
        }
    }

    // ---- tokens and messages --------------------------------------------------------------------------------

    private Token peek() {
        return tokens.get(index);
    }

    private Token advance() {
        return tokens.get(index++);
    }

    private boolean accept(TokenKind kind) {
        if (peek().kind() == kind) {
            index++;
            return true;
        }
        return false;
    }

    private InvalidSelectorException fail(int position, String problem) {
        return SelectorErrors.at(text, position, problem);
    }

    private String excerpt(Token token) {
        return SelectorErrors.excerpt(text, token.start(), token.end());
    }

    private String describe(Token token) {
        switch (token.kind()) {
            case EOF:
                return "end of selector";
            case STRING:
                return "string literal " + excerpt(token);
            case EXACT_NUMBER:
            case APPROXIMATE_NUMBER:
            case LONG_MIN_MAGNITUDE:
                return "numeric literal " + excerpt(token);
            case TRUE:
            case FALSE:
                return "boolean literal " + excerpt(token);
            case IDENTIFIER:
                return "identifier '" + excerpt(token) + "'";
            default:
                return (token.kind().isKeyword() ? "keyword '" : "token '") + excerpt(token) + "'";
        }
    }

    private String describe(Expr expr) {
        String source = SelectorErrors.excerpt(text, expr.start, expr.end);
        if (expr instanceof Literal) {
            return expr.type.description() + " literal " + source;
        }
        if (expr instanceof Identifier) {
            return expr.type == ValueType.ANY ? "identifier '" + source + "'"
                    : expr.type.description() + " header field " + source;
        }
        return expr.type.description() + " expression \"" + source + "\"";
    }
}
