package dev.depot.bench.transport;

/** A queue, or a topic. */
public record Dest(String name, boolean topic) {
    public static Dest queue(String name) {
        return new Dest(name, false);
    }

    public static Dest topic(String name) {
        return new Dest(name, true);
    }

    @Override
    public String toString() {
        return (topic ? "topic " : "queue ") + name;
    }
}
