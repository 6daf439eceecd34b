package dev.depot.bench.transport;

/** Outcome of an asynchronous send. */
public interface Completion {
    void completed();

    void failed(Exception e);
}
