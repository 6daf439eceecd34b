package dev.depot.jms.selector;

/** Binary arithmetic operators, one overload per promoted Java type so results overflow exactly as Java's do. */
enum ArithmeticOp {
    PLUS('+'), MINUS('-'), TIMES('*'), DIVIDE('/');

    private final char symbol;

    ArithmeticOp(char symbol) {
        this.symbol = symbol;
    }

    char symbol() {
        return symbol;
    }

    /** The caller rules out division by zero, which has no Java result for integers. */
    int apply(int a, int b) {
        return switch (this) {
            case PLUS -> a + b;
            case MINUS -> a - b;
            case TIMES -> a * b;
            case DIVIDE -> a / b;
        };
    }

    /** The caller rules out division by zero, which has no Java result for integers. */
    long apply(long a, long b) {
        return switch (this) {
            case PLUS -> a + b;
            case MINUS -> a - b;
            case TIMES -> a * b;
            case DIVIDE -> a / b;
        };
    }

    float apply(float a, float b) {
        return switch (this) {
            case PLUS -> a + b;
            case MINUS -> a - b;
            case TIMES -> a * b;
            case DIVIDE -> a / b;
        };
    }

    double apply(double a, double b) {
        return switch (this) {
            case PLUS -> a + b;
            case MINUS -> a - b;
            case TIMES -> a * b;
            case DIVIDE -> a / b;
        };
    }
}
