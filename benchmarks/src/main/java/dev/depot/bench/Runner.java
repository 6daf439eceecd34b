package dev.depot.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import dev.depot.bench.core.ErrorSink;
import dev.depot.bench.metrics.Json;
import dev.depot.bench.metrics.PgMonitor;
import dev.depot.bench.metrics.Result;
import dev.depot.bench.provider.Feature;
import dev.depot.bench.provider.Provider;
import dev.depot.bench.provider.Providers;
import dev.depot.bench.report.Reports;
import dev.depot.bench.scenario.Scenario;
import dev.depot.bench.scenario.ScenarioRun;
import dev.depot.bench.scenario.Scenarios;
import dev.depot.bench.transport.Transport;

/**
 * Runs scenarios against providers (scenario by scenario, each provider in turn, each started fresh),
 * writes every result as a JSON line the moment it is known, and the Markdown report and charts at
 * the end.
 */
public final class Runner {
    private Runner() {
    }

    public static List<Result> run(BenchConfig config, PrintStream out) throws Exception {
        Files.createDirectories(config.outDir);
        Files.createDirectories(config.workDir);
        String tag = LocalDateTime.now().format(DateTimeFormatter.ofPattern("MMddHHmmss"))
                + (char) ('a' + ThreadLocalRandom.current().nextInt(26));
        List<String> providerIds = config.providers == null ? Providers.ALL : config.providers;
        Map<String, Scenario> known = Scenarios.byId();
        List<Scenario> scenarios = new ArrayList<>();
        for (String id : config.scenarios == null ? List.copyOf(known.keySet()) : config.scenarios) {
            Scenario s = known.get(id);
            if (s == null) {
                throw new IllegalArgumentException("unknown scenario '" + id + "'; known: " + known.keySet());
            }
            scenarios.add(s);
        }
        for (String id : providerIds) {
            Providers.create(id); // fails early on a wrong name
        }

        List<Result> results = new ArrayList<>();
        try (Progress progress = new Progress(out);
                Writer jsonl = Files.newBufferedWriter(config.outDir.resolve("results.jsonl"), StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING)) {
            PgMonitor pg = null;
            try {
                pg = new PgMonitor(config.jdbcUrl("monitor"));
            } catch (Exception e) {
                progress.line("PostgreSQL at " + config.jdbcUrl + " is not reachable (" + e.getMessage()
                        + "): providers that need it will report errors");
            }
            Map<String, Object> env = environment(config, tag, pg, providerIds, scenarios);
            Files.writeString(config.outDir.resolve("environment.json"), Json.write(env) + "\n");
            RunContext ctx = new RunContext(config, tag, config.workDir.resolve(tag), pg, progress);
            Files.createDirectories(ctx.workDir);
            progress.line("run " + tag + ": scale " + config.scale.name().toLowerCase() + ", providers " + providerIds
                    + ", scenarios " + scenarios.stream().map(Scenario::id).toList() + ", results in " + config.outDir.toAbsolutePath());
            try {
                for (Scenario scenario : scenarios) {
                    for (String providerId : providerIds) {
                        progress.prefix(providerId + " " + scenario.id() + ": ");
                        List<Result> rs = runOne(ctx, Providers.create(providerId), scenario, r -> {
                            try {
                                jsonl.write(r.toJson());
                                jsonl.write("\n");
                                jsonl.flush();
                            } catch (IOException e) {
                                throw new IllegalStateException(e);
                            }
                            progress.line(summary(r));
                        });
                        results.addAll(rs);
                        progress.prefix("");
                    }
                }
            } finally {
                if (pg != null) {
                    pg.close();
                }
            }
            if (config.reports) {
                Reports.write(config.outDir, results, env);
                progress.line("wrote " + config.outDir.resolve("results.md").toAbsolutePath() + " and charts");
            }
        }
        return results;
    }

    /** One scenario against one provider, started for it and stopped after it. */
    public static List<Result> runOne(RunContext ctx, Provider provider, Scenario scenario, java.util.function.Consumer<Result> sink) {
        List<String> missing = new ArrayList<>();
        for (Feature f : scenario.requires()) {
            String reason = provider.unsupported().get(f);
            if (reason != null) {
                missing.add(reason);
            }
        }
        if (!missing.isEmpty()) {
            Result r = new Result(provider.id(), scenario.id(), "main").unsupported(String.join("; ", missing));
            sink.accept(r);
            return List.of(r);
        }
        ScenarioRun run = null;
        Transport transport = null;
        try {
            ctx.progress.line("start " + scenario.title());
            provider.start(ctx);
            transport = provider.transport(scenario.options());
            run = new ScenarioRun(ctx, provider, transport, scenario, sink);
            scenario.run(run);
            return run.results();
        } catch (Exception | Error e) {
            Result r = new Result(provider.id(), scenario.id(), run == null || run.results().isEmpty() ? "main" : "after")
                    .fail(ErrorSink.describe(e));
            r.facts.putAll(provider.facts());
            sink.accept(r);
            List<Result> all = new ArrayList<>(run == null ? List.of() : run.results());
            all.add(r);
            return all;
        } finally {
            if (transport != null) {
                try {
                    transport.close();
                } catch (Exception e) {
                    ctx.progress.line("closing the transport: " + ErrorSink.describe(e));
                }
            }
            provider.stop();
        }
    }

    static String summary(Result r) {
        String head = r.point.equals("main") ? "" : r.point + ": ";
        return switch (r.status) {
            case UNSUPPORTED -> head + "UNSUPPORTED: " + r.error;
            case ERROR -> head + "ERROR: " + r.error;
            case OK -> {
                StringBuilder b = new StringBuilder(head).append("ok");
                for (String k : List.of("throughput_msg_s", "e2e_p99_us", "send_p99_us", "time_to_match_ms", "drain_rate_msg_s",
                        "db_xacts_per_msg", "wal_bytes_per_msg", "client_cpu_us_per_msg", "server_cpu_us_per_msg")) {
                    Double v = r.number(k);
                    if (v != null) {
                        b.append(", ").append(k).append('=').append(v >= 100 ? String.format("%.0f", v) : String.format("%.3g", v));
                    }
                }
                yield b.toString();
            }
        };
    }

    /** Which build of a provider ran: its jar, size, modification time and SHA-256. */
    static Map<String, Object> jarIdentity(Class<?> type) {
        Map<String, Object> id = new LinkedHashMap<>();
        try {
            Path jar = Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
            id.put("path", jar.toString());
            if (Files.isRegularFile(jar)) {
                id.put("bytes", Files.size(jar));
                id.put("modified", Files.getLastModifiedTime(jar).toString());
                java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
                id.put("sha256", java.util.HexFormat.of().formatHex(sha.digest(Files.readAllBytes(jar))));
            }
        } catch (Exception e) {
            id.put("error", e.toString());
        }
        return id;
    }

    private static Map<String, Object> environment(BenchConfig config, String tag, PgMonitor pg, List<String> providers,
            List<Scenario> scenarios) {
        Map<String, Object> env = new LinkedHashMap<>();
        env.put("run", tag);
        env.put("started", Instant.now().toString());
        env.put("scale", config.scale.name().toLowerCase());
        env.put("providers", providers);
        env.put("scenarios", scenarios.stream().map(Scenario::id).toList());
        env.put("messages_override", config.messages);
        env.put("settle_ms", config.settle());
        env.put("cpus", Runtime.getRuntime().availableProcessors());
        env.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        env.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        env.put("max_heap_mib", Runtime.getRuntime().maxMemory() >> 20);
        env.put("jdbc_url", config.jdbcUrl.replaceAll("password=[^&]*", "password=***"));
        if (pg != null) {
            try {
                env.put("postgresql", pg.settings());
            } catch (Exception e) {
                env.put("postgresql", "unreadable: " + e.getMessage());
            }
        }
        env.put("rabbitmq", config.rabbitHost + ":" + config.rabbitPort);
        env.put("depot_jar", jarIdentity(dev.depot.jms.DepotConnectionFactory.class));
        env.put("work_dir", config.workDir.toAbsolutePath().toString());
        return env;
    }
}
