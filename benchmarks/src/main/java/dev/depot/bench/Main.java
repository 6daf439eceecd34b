package dev.depot.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import dev.depot.bench.metrics.Result;
import dev.depot.bench.provider.Providers;
import dev.depot.bench.scenario.Scenario;
import dev.depot.bench.scenario.Scenarios;

/**
 * The command line.
 *
 * <pre>
 * java -jar target/depot-benchmarks.jar [options]
 * mvn -q exec:java -Dexec.args="[options]"
 * </pre>
 * Exit status 0 when every result is ok or unsupported, 1 when any is an error, 2 on bad arguments.
 */
public final class Main {
    private Main() {
    }

    static final String USAGE = """
            Depot benchmarks: one harness, many providers.

            options:
              --providers a,b,...   %s (default: all)
              --scenarios a,b,...   see --list (default: all)
              --scale S             smoke | small | full (default: small)
              --messages N          override the main message count of every flow (and curve point)
              --out DIR             results folder (default: results)
              --work-dir DIR        broker data, consumer-JVM files (default: target/bench-work)
              --jdbc-url URL        PostgreSQL for Depot, raw-pg, artemis-jdbc and the counters
                                    (default: $DEPOT_BENCH_JDBC_URL, $DEPOT_TEST_JDBC_URL, or
                                    %s)
              --rabbit HOST:PORT    RabbitMQ (default: 127.0.0.1:5672, guest/guest)
              --rabbit-user U, --rabbit-password P
              --settle-ms N         wait before reading PostgreSQL's counters (default 10500; 0 at smoke)
              --rate N              offered rate of rate-1000, msg/s (default 1000)
              --soak-minutes M      soak length (default: smoke 0.25, small 3, full 60)
              --soak-rate N         soak offered rate, msg/s (default 500; 200 at smoke)
              --no-reports          JSON lines only
              --report-only DIR     rewrite DIR/results.md and DIR/charts from DIR/results.jsonl
              --list                list scenarios and providers
              --help
            """;

    public static void main(String[] args) throws Exception {
        quietLogging();
        BenchConfig config;
        try {
            config = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.err.println();
            System.err.print(usage());
            System.exit(2);
            return;
        }
        if (config == null) {
            System.exit(0);
            return;
        }
        List<Result> results = Runner.run(config, System.out);
        long errors = results.stream().filter(r -> r.status == Result.Status.ERROR).count();
        long unsupported = results.stream().filter(r -> r.status == Result.Status.UNSUPPORTED).count();
        System.out.printf("%d results: %d ok, %d error, %d unsupported%n", results.size(),
                results.size() - errors - unsupported, errors, unsupported);
        System.exit(errors > 0 ? 1 : 0);
    }

    /** Hibernate (inside Depot) logs through jboss-logging: send it to SLF4J, whose simple binding logs warnings only. */
    public static void quietLogging() {
        if (System.getProperty("org.jboss.logging.provider") == null) {
            System.setProperty("org.jboss.logging.provider", "slf4j");
        }
    }

    static String usage() {
        return String.format(USAGE, String.join(",", Providers.ALL), BenchConfig.DEFAULT_JDBC_URL);
    }

    /** Null when the command was --help or --list (already answered). */
    static BenchConfig parse(String[] args) {
        BenchConfig c = new BenchConfig();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            String v = null;
            int eq = a.indexOf('=');
            if (a.startsWith("--") && eq > 0) {
                v = a.substring(eq + 1);
                a = a.substring(0, eq);
            }
            switch (a) {
                case "--help", "-h" -> {
                    System.out.print(usage());
                    return null;
                }
                case "--list" -> {
                    System.out.println("scenarios:");
                    for (Scenario s : Scenarios.all()) {
                        System.out.printf("  %-20s %s%n", s.id(), s.title());
                    }
                    System.out.println("providers: " + String.join(", ", Providers.ALL));
                    return null;
                }
                case "--no-reports" -> c.reports = false;
                case "--report-only" -> {
                    if (i + 1 >= args.length) {
                        throw new IllegalArgumentException("--report-only needs a folder");
                    }
                    reportOnly(Path.of(args[++i]));
                    return null;
                }
                default -> {
                    if (v == null) {
                        if (i + 1 >= args.length) {
                            throw new IllegalArgumentException(a + " needs a value");
                        }
                        v = args[++i];
                    }
                    apply(c, a, v);
                }
            }
        }
        return c;
    }

    @SuppressWarnings("unchecked")
    private static void reportOnly(Path dir) {
        try {
            List<Result> results = new java.util.ArrayList<>();
            for (String line : java.nio.file.Files.readAllLines(dir.resolve("results.jsonl"))) {
                if (!line.isBlank()) {
                    results.add(dev.depot.bench.metrics.JsonReader.result(line));
                }
            }
            Path envFile = dir.resolve("environment.json");
            java.util.Map<String, Object> env = java.nio.file.Files.exists(envFile)
                    ? (java.util.Map<String, Object>) dev.depot.bench.metrics.JsonReader.parse(java.nio.file.Files.readString(envFile))
                    : new java.util.LinkedHashMap<>();
            dev.depot.bench.report.Reports.write(dir, results, env);
            System.out.println("wrote " + dir.resolve("results.md") + " and charts from " + results.size() + " results");
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("cannot read " + dir + ": " + e.getMessage());
        }
    }

    private static List<String> list(String v) {
        return Arrays.stream(v.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static void apply(BenchConfig c, String option, String v) {
        try {
            switch (option) {
                case "--providers" -> c.providers = v.equals("all") ? null : list(v);
                case "--scenarios" -> c.scenarios = v.equals("all") ? null : list(v);
                case "--scale" -> c.scale = Scale.parse(v);
                case "--messages" -> c.messages = Long.parseLong(v);
                case "--out" -> c.outDir = Path.of(v);
                case "--work-dir" -> c.workDir = Path.of(v);
                case "--jdbc-url" -> c.jdbcUrl = v;
                case "--rabbit" -> {
                    int colon = v.lastIndexOf(':');
                    c.rabbitHost = colon > 0 ? v.substring(0, colon) : v;
                    if (colon > 0) {
                        c.rabbitPort = Integer.parseInt(v.substring(colon + 1));
                    }
                }
                case "--rabbit-user" -> c.rabbitUser = v;
                case "--rabbit-password" -> c.rabbitPassword = v;
                case "--settle-ms" -> c.settleMillis = Long.parseLong(v);
                case "--rate" -> c.fixedRate = Double.parseDouble(v);
                case "--soak-minutes" -> c.soakMinutes = Double.parseDouble(v);
                case "--soak-rate" -> c.soakRate = Double.parseDouble(v);
                default -> throw new IllegalArgumentException("unknown option " + option);
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + ": not a number: " + v);
        }
    }
}
