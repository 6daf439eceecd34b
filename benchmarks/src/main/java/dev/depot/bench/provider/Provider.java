package dev.depot.bench.provider;

import java.util.Map;

import dev.depot.bench.RunContext;
import dev.depot.bench.transport.Transport;
import dev.depot.bench.transport.TransportOptions;

/**
 * One system under test. Started fresh for every scenario (a new schema, a new broker with an empty
 * journal) and stopped after it.
 */
public interface Provider {
    String id();

    /** Features it lacks, each with the reason shown in the report. */
    Map<Feature, String> unsupported();

    /** Whether its messages live in the benchmark's PostgreSQL (then its counters are reported). */
    boolean usesPostgres();

    /** The schema holding its tables in PostgreSQL, or null. */
    default String pgSchema() {
        return null;
    }

    void start(RunContext ctx) throws Exception;

    Transport transport(TransportOptions options) throws Exception;

    /** How a consumer in another JVM builds its own transport: see {@link Providers#remote(Map)}. */
    Map<String, String> remoteSpec();

    /** CPU time of the server side (broker, PostgreSQL) so far, or -1 when it cannot be read. */
    long serverCpuNanos();

    /** Facts worth printing beside the numbers (journal type, buffer timeout, ...). */
    Map<String, Object> facts();

    void stop();
}
