package dev.depot.bench.provider;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.depot.bench.RunContext;
import dev.depot.bench.transport.JmsTransport;
import dev.depot.bench.transport.Transport;
import dev.depot.bench.transport.TransportOptions;
import dev.depot.jms.DepotConnectionFactory;

/**
 * Depot on the benchmark's PostgreSQL, in a schema of its own per scenario. One connection factory
 * serves all flows of a scenario, warm-up and measured run alike, as a broker started once serves
 * its clients: a factory made per flow would start the store again and have the JIT compile its
 * start-up during the measured run.
 */
public final class DepotProvider implements Provider {
    public static final int PREFETCH = 100;
    public static final int MAX_POOL = 24;
    private RunContext ctx;
    private String schema;
    private String url;
    private DepotConnectionFactory factory;

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
    public synchronized Transport transport(TransportOptions options) {
        if (factory == null) {
            factory = factory(url, schema);
        }
        return new JmsTransport(factory, false, null);
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
    public synchronized void stop() {
        if (factory != null) {
            factory.close();
            factory = null;
        }
        try {
            if (ctx != null && ctx.pg != null && schema != null) {
                ctx.pg.dropSchema(schema);
            }
        } catch (Exception e) {
            ctx.progress.line("could not drop schema " + schema + ": " + e);
        }
    }
}
