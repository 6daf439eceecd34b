package dev.depot.bench.provider;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.depot.bench.RunContext;
import dev.depot.bench.transport.RawPgTransport;
import dev.depot.bench.transport.Transport;
import dev.depot.bench.transport.TransportOptions;

/** Plain JDBC on a queue table: see {@link RawPgTransport}. No JMS. */
public final class RawPgProvider implements Provider {
    private RunContext ctx;
    private String schema;
    private String url;

    @Override
    public String id() {
        return "raw-pg";
    }

    @Override
    public Map<Feature, String> unsupported() {
        Map<Feature, String> no = new LinkedHashMap<>();
        no.put(Feature.TOPIC, "raw PostgreSQL baseline: queues only");
        no.put(Feature.SELECTOR, "raw PostgreSQL baseline: no selectors (a WHERE clause is not a JMS selector)");
        return no;
    }

    @Override
    public boolean usesPostgres() {
        return true;
    }

    @Override
    public String pgSchema() {
        return schema;
    }

    @Override
    public void start(RunContext ctx) throws Exception {
        this.ctx = ctx;
        this.schema = "bench_" + ctx.runTag + "_raw";
        this.url = ctx.config.jdbcUrl("raw");
        ctx.requirePg().dropSchema(schema);
    }

    @Override
    public Transport transport(TransportOptions options) throws Exception {
        return new RawPgTransport(url, schema);
    }

    @Override
    public Map<String, String> remoteSpec() {
        return Map.of("provider", id(), "url", url, "schema", schema);
    }

    @Override
    public long serverCpuNanos() {
        return ctx.pg == null ? -1 : ctx.pg.serverCpuNanos();
    }

    @Override
    public Map<String, Object> facts() {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("schema", schema);
        facts.put("prefetch", RawPgTransport.PREFETCH);
        return facts;
    }

    @Override
    public void stop() {
        try {
            if (ctx != null && ctx.pg != null && schema != null) {
                ctx.pg.dropSchema(schema);
            }
        } catch (Exception e) {
            ctx.progress.line("could not drop schema " + schema + ": " + e);
        }
    }
}
