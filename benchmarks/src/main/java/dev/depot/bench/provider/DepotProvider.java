package dev.depot.bench.provider;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.depot.bench.RunContext;
import dev.depot.bench.transport.JmsTransport;
import dev.depot.bench.transport.Transport;
import dev.depot.bench.transport.TransportOptions;
import dev.depot.jms.DepotConnectionFactory;

/** Depot on the benchmark's PostgreSQL, in a schema of its own per scenario. */
public final class DepotProvider implements Provider {
    public static final int PREFETCH = 100;
    public static final int MAX_POOL = 24;
    private RunContext ctx;
    private String schema;
    private String url;

    @Override
    public String id() {
        return "depot";
    }

    @Override
    public Map<Feature, String> unsupported() {
        return Map.of();
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
        this.schema = "bench_" + ctx.runTag + "_depot";
        this.url = ctx.config.jdbcUrl("depot");
        ctx.requirePg().dropSchema(schema);
    }

    static DepotConnectionFactory factory(String url, String schema) {
        DepotConnectionFactory factory = new DepotConnectionFactory(url);
        factory.setSchema(schema);
        factory.setPrefetch(PREFETCH);
        factory.setMaxPoolSize(MAX_POOL);
        return factory;
    }

    @Override
    public Transport transport(TransportOptions options) {
        DepotConnectionFactory factory = factory(url, schema);
        return new JmsTransport(factory, false, factory::close);
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
        facts.put("prefetch", PREFETCH);
        facts.put("maxPoolSize", MAX_POOL);
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
