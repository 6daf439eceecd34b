package dev.depot.bench.core;

import java.util.concurrent.TimeUnit;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Latencies in microseconds, recorded wait-free from any thread; read per interval (soak) and in total.
 */
public final class LatencyTrack {
    public static final long HIGHEST_MICROS = TimeUnit.HOURS.toMicros(4);
    private final Recorder recorder = new Recorder(HIGHEST_MICROS, 3);
    private final Histogram total = newHistogram();
    private Histogram recycled;

    public static Histogram newHistogram() {
        return new Histogram(HIGHEST_MICROS, 3);
    }

    public void recordNanos(long nanos) {
        long micros = Math.max(0, nanos / 1000);
        recorder.recordValue(Math.min(micros, HIGHEST_MICROS));
    }

    /** What was recorded since the previous call (also added to the total). */
    public synchronized Histogram interval() {
        Histogram h = recorder.getIntervalHistogram(recycled);
        total.add(h);
        Histogram copy = h.copy();
        recycled = h;
        return copy;
    }

    public synchronized void add(Histogram other) {
        total.add(other);
    }

    public synchronized Histogram total() {
        interval();
        return total.copy();
    }
}
