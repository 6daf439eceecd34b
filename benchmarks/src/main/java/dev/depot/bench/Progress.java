package dev.depot.bench;

import java.io.PrintStream;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.function.Supplier;

/** One line every two seconds about what runs now, and a line per event. */
public final class Progress implements AutoCloseable {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
    private final PrintStream out;
    private volatile Supplier<String> status;
    private volatile String prefix = "";
    private final Thread ticker;
    private volatile boolean closed;

    public Progress(PrintStream out) {
        this.out = out;
        ticker = new Thread(this::tick, "progress");
        ticker.setDaemon(true);
        ticker.start();
    }

    private void tick() {
        while (!closed) {
            try {
                Thread.sleep(2000);
            } catch (InterruptedException e) {
                return;
            }
            Supplier<String> s = status;
            if (s != null) {
                try {
                    line("  .. " + s.get());
                } catch (RuntimeException ignored) {
                    // a status that cannot be read now
                }
            }
        }
    }

    public void prefix(String prefix) {
        this.prefix = prefix;
    }

    public void status(Supplier<String> status) {
        this.status = status;
    }

    public void clear() {
        this.status = null;
    }

    public void line(String text) {
        synchronized (out) {
            out.println("[" + LocalTime.now().format(TIME) + "] " + prefix + text);
            out.flush();
        }
    }

    @Override
    public void close() {
        closed = true;
        ticker.interrupt();
    }
}
