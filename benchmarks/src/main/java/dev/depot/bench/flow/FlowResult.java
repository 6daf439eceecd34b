package dev.depot.bench.flow;

import org.HdrHistogram.Histogram;

/** What a flow measured. Times are System.nanoTime() readings. */
public final class FlowResult {
    public long sent;
    public long received;
    /** Just before the first producer started (or the first consumer, for a drain). */
    public long startNanos;
    public long firstReceiveNanos;
    /** The last receive, or for transacted consumers the last commit. */
    public long endReceiveNanos;
    public long endSendNanos;
    public Histogram e2e;
    public Histogram send;
    /** CPU time of consumer JVMs other than this one. */
    public long remoteCpuNanos;

    /** From the start to the last receive (or commit), or to the last send if that came later. */
    public double receiveSeconds() {
        return (Math.max(endReceiveNanos, endSendNanos) - startNanos) / 1e9;
    }

    public double throughput() {
        double s = receiveSeconds();
        return s > 0 ? received / s : 0;
    }

    public double sendRate() {
        double s = (endSendNanos - startNanos) / 1e9;
        return s > 0 ? sent / s : 0;
    }
}
