package dev.depot.bench.metrics;

import java.sql.SQLException;

import dev.depot.bench.RunContext;
import dev.depot.bench.provider.Provider;

/**
 * A measured window: CPU of this JVM and of the server side, and PostgreSQL's counters, between
 * {@link #open} and {@link #endWork} (CPU) or {@link #finish} (PostgreSQL, after settling).
 */
public final class Window {
    private final RunContext ctx;
    private final Provider provider;
    private final boolean pg;
    private PgMonitor.Snapshot pgBefore;
    private PgMonitor.Snapshot pgAfter;
    private final long clientCpu0;
    private final long serverCpu0;
    private long clientCpu1;
    private long serverCpu1;
    private long extraClientCpu;
    private final long t0;
    private long t1;

    private Window(RunContext ctx, Provider provider) throws SQLException {
        this.ctx = ctx;
        this.provider = provider;
        this.pg = provider.usesPostgres() && ctx.pg != null;
        if (pg) {
            settle();
            pgBefore = ctx.pg.snapshot();
        }
        clientCpu0 = ProcCpu.thisProcessNanos();
        serverCpu0 = provider.serverCpuNanos();
        t0 = System.nanoTime();
    }

    public static Window open(RunContext ctx, Provider provider) throws SQLException {
        return new Window(ctx, provider);
    }

    private void settle() {
        long ms = ctx.config.settle();
        if (ms > 0) {
            try {
                Thread.sleep(ms);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The work is over: read CPU now. {@code otherClientCpuNanos}: consumer JVMs besides this one. */
    public void endWork(long otherClientCpuNanos) {
        t1 = System.nanoTime();
        clientCpu1 = ProcCpu.thisProcessNanos();
        serverCpu1 = provider.serverCpuNanos();
        extraClientCpu = otherClientCpuNanos;
    }

    /** Settle and read PostgreSQL's counters; then fill the per-message figures into {@code r}. */
    public void finish(Result r, long messages) throws SQLException {
        if (pg) {
            settle();
            pgAfter = ctx.pg.snapshot();
        }
        fill(r, messages);
    }

    private void fill(Result r, long messages) {
        double n = Math.max(1, messages);
        r.put("window_s", (t1 - t0) / 1e9);
        if (clientCpu0 >= 0 && clientCpu1 >= 0) {
            r.put("client_cpu_us_per_msg", (clientCpu1 - clientCpu0 + extraClientCpu) / 1000.0 / n);
        }
        if (serverCpu0 >= 0 && serverCpu1 >= 0) {
            r.put("server_cpu_us_per_msg", (serverCpu1 - serverCpu0) / 1000.0 / n);
        }
        if (pg && pgBefore != null && pgAfter != null) {
            long xacts = PgMonitor.xactsBetween(pgBefore, pgAfter);
            long wal = pgAfter.walBytes() - pgBefore.walBytes();
            r.put("db_xacts", xacts);
            r.put("db_xacts_per_msg", xacts / n);
            r.put("wal_bytes", wal);
            r.put("wal_bytes_per_msg", wal / n);
            int foreign = Math.max(pgBefore.foreignBackends(), pgAfter.foreignBackends());
            r.facts.put("pg_counters_settled", ctx.config.settle() >= 10_000);
            if (foreign > 0) {
                r.notes.add(foreign + " other client backend(s) were connected to database " + ctx.pg.database()
                        + ": transaction and WAL counts may include their work");
            }
        }
    }
}
