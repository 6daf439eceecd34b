package dev.depot.bench;

import java.nio.file.Path;
import java.util.List;

/** Everything a run is told from outside. See {@link Main} for the command line. */
public final class BenchConfig {
    public static final String DEFAULT_JDBC_URL = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";

    public List<String> providers;
    public List<String> scenarios;
    public Scale scale = Scale.SMALL;
    /** Overrides the main message count of every flow scenario (and curve point); 0 = the scale's. */
    public long messages;
    public Path outDir = Path.of("results");
    public Path workDir = Path.of("target", "bench-work");
    public String jdbcUrl = defaultJdbcUrl();
    public String rabbitHost = "127.0.0.1";
    public int rabbitPort = 5672;
    public String rabbitUser = "guest";
    public String rabbitPassword = "guest";
    /** Wait before reading PostgreSQL's counters; -1 = 10 500 ms, except 0 at smoke scale. */
    public long settleMillis = -1;
    /** Soak length in minutes; 0 = the scale's (smoke: 0.25, small: 3, full: 60). */
    public double soakMinutes;
    /** Soak offered rate, msg/s. */
    public double soakRate = 500;
    /** Offered rate of the fixed-rate scenario, msg/s. */
    public double fixedRate = 1000;
    /** Charts and Markdown at the end. */
    public boolean reports = true;

    public static String defaultJdbcUrl() {
        String url = System.getenv("DEPOT_BENCH_JDBC_URL");
        if (url == null || url.isBlank()) {
            url = System.getenv("DEPOT_TEST_JDBC_URL");
        }
        return url == null || url.isBlank() ? DEFAULT_JDBC_URL : url;
    }

    public long settle() {
        if (settleMillis >= 0) {
            return settleMillis;
        }
        return scale == Scale.SMOKE ? 0 : 10_500;
    }

    /** The JDBC URL with an application name, so the harness's own backends can be told apart. */
    public String jdbcUrl(String application) {
        return jdbcUrl + (jdbcUrl.contains("?") ? "&" : "?") + "ApplicationName=depot-bench-" + application;
    }
}
