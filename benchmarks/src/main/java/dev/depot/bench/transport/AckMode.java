package dev.depot.bench.transport;

public enum AckMode {
    AUTO,
    TRANSACTED
}
