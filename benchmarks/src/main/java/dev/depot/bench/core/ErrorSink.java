package dev.depot.bench.core;

import java.util.concurrent.atomic.AtomicReference;

/** The first failure of any thread of a run; once set, everybody stops. */
public final class ErrorSink {
    private final AtomicReference<String> first = new AtomicReference<>();
    private final AtomicReference<Throwable> cause = new AtomicReference<>();

    public void fail(String where, Throwable t) {
        String text = where + ": " + describe(t);
        if (first.compareAndSet(null, text)) {
            cause.set(t);
        }
    }

    public void fail(String message) {
        first.compareAndSet(null, message);
    }

    public boolean failed() {
        return first.get() != null;
    }

    public String message() {
        return first.get();
    }

    public Throwable cause() {
        return cause.get();
    }

    public static String describe(Throwable t) {
        StringBuilder text = new StringBuilder();
        Throwable at = t;
        int depth = 0;
        while (at != null && depth < 4) {
            if (depth > 0) {
                text.append(" <- ");
            }
            text.append(at.getClass().getSimpleName());
            if (at.getMessage() != null) {
                text.append(": ").append(at.getMessage());
            }
            at = at.getCause() == at ? null : at.getCause();
            depth++;
        }
        return text.toString();
    }
}
