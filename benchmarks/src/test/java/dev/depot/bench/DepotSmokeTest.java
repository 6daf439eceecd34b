package dev.depot.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import dev.depot.bench.metrics.PgMonitor;
import dev.depot.bench.metrics.Result;
import dev.depot.bench.provider.Providers;
import dev.depot.bench.report.Reports;
import dev.depot.bench.scenario.Scenario;
import dev.depot.bench.scenario.Scenarios;

/**
 * Every scenario, at smoke scale, against Depot on the test PostgreSQL ($DEPOT_TEST_JDBC_URL, else
 * jdbc:postgresql://127.0.0.1:5432/test?user=postgres). Correctness only: each run must end "ok",
 * which means every message arrived exactly once with its body intact and nothing was left over.
 * No figure is asserted. A scenario Depot does not support is reported as skipped, with the reason,
 * and printed. The results are written to target/smoke-results for a look.
 */
class DepotSmokeTest {
    private static RunContext ctx;
    private static Progress progress;
    private static final List<Result> all = new ArrayList<>();
    private static final Path OUT = Path.of("target", "smoke-results");

    @BeforeAll
    static void start() throws Exception {
        Main.quietLogging();
        BenchConfig config = new BenchConfig();
        config.scale = Scale.SMOKE;
        config.settleMillis = 0;
        config.outDir = OUT;
        config.workDir = Path.of("target", "bench-work");
        progress = new Progress(System.out);
        PgMonitor pg = new PgMonitor(config.jdbcUrl("monitor"));
        String tag = "smoke" + Long.toString(System.currentTimeMillis() % 1_000_000L, 36);
        ctx = new RunContext(config, tag, config.workDir.resolve(tag), pg, progress);
        Files.createDirectories(ctx.workDir);
    }

    @TestFactory
    Stream<DynamicTest> everyScenarioAgainstDepot() {
        return Scenarios.all().stream().map(scenario -> DynamicTest.dynamicTest(scenario.id() + ": " + scenario.title(), () -> run(scenario)));
    }

    private static void run(Scenario scenario) {
        progress.prefix("depot " + scenario.id() + ": ");
        List<Result> results = Runner.runOne(ctx, Providers.create("depot"), scenario, r -> progress.line(Runner.summary(r)));
        progress.prefix("");
        all.addAll(results);
        assertThat(results).as("results of " + scenario.id()).isNotEmpty();
        if (results.size() == 1 && results.get(0).status == Result.Status.UNSUPPORTED) {
            String note = "NOT RUN against Depot: " + scenario.id() + " -- " + results.get(0).error;
            System.out.println(note);
            Assumptions.abort(note);
        }
        for (Result r : results) {
            assertThat(r.status).as("%s %s: %s", scenario.id(), r.point, r.error).isEqualTo(Result.Status.OK);
            assertThat(r.metrics).as("%s %s has figures", scenario.id(), r.point).isNotEmpty();
        }
    }

    @AfterAll
    static void finish() throws Exception {
        try {
            Map<String, Object> env = new LinkedHashMap<>();
            env.put("run", ctx.runTag);
            env.put("started", java.time.Instant.now().toString());
            env.put("scale", "smoke");
            env.put("settle_ms", 0);
            env.put("cpus", Runtime.getRuntime().availableProcessors());
            env.put("java", System.getProperty("java.runtime.version"));
            Files.createDirectories(OUT);
            StringBuilder jsonl = new StringBuilder();
            for (Result r : all) {
                jsonl.append(r.toJson()).append('\n');
            }
            Files.writeString(OUT.resolve("results.jsonl"), jsonl);
            Reports.write(OUT, all, env);
        } finally {
            if (ctx != null && ctx.pg != null) {
                ctx.pg.close();
            }
            if (progress != null) {
                progress.close();
            }
        }
    }
}
