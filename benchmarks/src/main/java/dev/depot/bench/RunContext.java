package dev.depot.bench;

import java.nio.file.Path;

import dev.depot.bench.metrics.PgMonitor;

/** What every provider and scenario of one run shares. */
public final class RunContext {
    public final BenchConfig config;
    /** Short, unique per run: goes into schema and queue names. */
    public final String runTag;
    public final Path workDir;
    /** Null when PostgreSQL could not be reached (the providers that need it then fail). */
    public final PgMonitor pg;
    public final Progress progress;

    public RunContext(BenchConfig config, String runTag, Path workDir, PgMonitor pg, Progress progress) {
        this.config = config;
        this.runTag = runTag;
        this.workDir = workDir;
        this.pg = pg;
        this.progress = progress;
    }

    public PgMonitor requirePg() {
        if (pg == null) {
            throw new IllegalStateException("PostgreSQL at " + config.jdbcUrl + " is not reachable");
        }
        return pg;
    }

    public Scale scale() {
        return config.scale;
    }
}
