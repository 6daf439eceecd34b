package dev.depot.bench.provider;

/** What a scenario may need beyond persistent point-to-point messaging. */
public enum Feature {
    TOPIC, SELECTOR, NON_PERSISTENT, ASYNC_SEND, TRANSACTED, MULTI_JVM
}
