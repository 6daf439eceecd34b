package dev.depot.bench.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import dev.depot.bench.metrics.Result;
import dev.depot.bench.scenario.Scenario;
import dev.depot.bench.scenario.Scenarios;

/** results.md (one table per scenario) and charts/*.png, from the results of a run. */
public final class Reports {
    private static final int W = 900;
    private static final int H = 500;

    private Reports() {
    }

    public static void write(Path outDir, List<Result> results, Map<String, Object> env) throws IOException {
        System.setProperty("java.awt.headless", "true");
        Path charts = outDir.resolve("charts");
        Files.createDirectories(charts);
        Map<String, List<String>> chartFiles = new LinkedHashMap<>();
        for (Scenario s : Scenarios.all()) {
            List<Result> rows = results.stream().filter(r -> r.scenario.equals(s.id())).toList();
            if (rows.isEmpty()) {
                continue;
            }
            List<String> files = new ArrayList<>();
            try {
                if (s.id().startsWith("curve-")) {
                    files.addAll(curveCharts(charts, s, rows));
                } else if (s.id().equals("soak")) {
                    files.addAll(soakCharts(charts, rows));
                } else {
                    files.addAll(barCharts(charts, s, rows));
                }
            } catch (RuntimeException e) {
                files.add("(chart failed: " + e + ")");
            }
            chartFiles.put(s.id(), files);
        }
        Files.writeString(outDir.resolve("results.md"), markdown(results, env, chartFiles));
    }

    // ---------------------------------------------------------------- markdown

    private static final String[][] COLUMNS = {
            {"throughput_msg_s", "msg/s"},
            {"e2e_p50_us", "e2e p50 µs"},
            {"e2e_p99_us", "e2e p99 µs"},
            {"e2e_p999_us", "e2e p99.9 µs"},
            {"send_p99_us", "send p99 µs"},
            {"db_xacts_per_msg", "db xacts/msg"},
            {"wal_bytes_per_msg", "WAL B/msg"},
            {"client_cpu_us_per_msg", "client CPU µs/msg"},
            {"server_cpu_us_per_msg", "server CPU µs/msg"},
    };

    private static final String[] EXTRA = {"time_to_match_ms", "fill_rate_msg_s", "time_to_first_ms", "drain_rate_msg_s",
            "heap_peak_mib", "heap_old_after_gc_max_mib", "send_rate_msg_s", "soak_rate_within_10pct", "soak_rate_worst_deviation",
            "storage_bounded_after_pin", "storage_bytes_at_release", "storage_bytes_late_max", "messages_received"};

    static String markdown(List<Result> results, Map<String, Object> env, Map<String, List<String>> charts) {
        StringBuilder md = new StringBuilder();
        md.append("# Benchmark results\n\n");
        md.append("Run `").append(env.get("run")).append("`, started ").append(env.get("started")).append(", scale **")
                .append(env.get("scale")).append("**, ").append(env.get("cpus")).append(" CPUs, ").append(env.get("java")).append(".\n");
        Object pg = env.get("postgresql");
        if (pg instanceof Map<?, ?> m) {
            md.append("PostgreSQL ").append(m.get("server_version")).append(" (fsync=").append(m.get("fsync"))
                    .append(", synchronous_commit=").append(m.get("synchronous_commit")).append(", autovacuum=")
                    .append(m.get("autovacuum")).append(", shared_preload_libraries='").append(m.get("shared_preload_libraries"))
                    .append("').\n");
        }
        md.append("PostgreSQL counters settled for ").append(env.get("settle_ms")).append(" ms before each reading.\n\n");
        md.append("Columns: msg/s = messages received per second (from the start of the producers to the last receive, commit or send, whichever is last);"
                + " e2e = send (or intended send, fixed rate) to receive; send = send() call, commit() when transacted,"
                + " completion when asynchronous; db xacts/msg = PostgreSQL transactions (xact_commit + xact_rollback of"
                + " the database) per message; WAL B/msg = pg_current_wal_lsn() advance per message; CPU per message:"
                + " client = the harness JVM(s), server = broker process or PostgreSQL processes. Blank = not measured or"
                + " not applicable. An error is never a number. See BENCHMARKS.md.\n\n");
        Set<String> scenarioIds = new LinkedHashSet<>();
        for (Scenario s : Scenarios.all()) {
            scenarioIds.add(s.id());
        }
        Map<String, String> titles = new LinkedHashMap<>();
        for (Scenario s : Scenarios.all()) {
            titles.put(s.id(), s.title());
        }
        for (String id : scenarioIds) {
            List<Result> rows = results.stream().filter(r -> r.scenario.equals(id)).toList();
            if (rows.isEmpty()) {
                continue;
            }
            md.append("## ").append(id).append(" — ").append(titles.get(id)).append("\n\n");
            Object flow = rows.stream().filter(Result::ok).map(r -> r.params.get("flow")).filter(f -> f != null).findFirst().orElse(null);
            if (flow != null && !id.startsWith("curve-")) {
                md.append("Flow: ").append(flow).append(".\n\n");
            }
            md.append("| provider | point | status |");
            for (String[] c : COLUMNS) {
                md.append(' ').append(c[1]).append(" |");
            }
            md.append(" other |\n|---|---|---|");
            md.append("---:|".repeat(COLUMNS.length)).append("---|\n");
            for (Result r : rows) {
                md.append("| ").append(r.provider).append(" | ").append(r.point).append(" | ");
                if (r.ok()) {
                    md.append("ok |");
                    for (String[] c : COLUMNS) {
                        md.append(' ').append(format(r.metrics.get(c[0]))).append(" |");
                    }
                } else {
                    md.append(r.status.name().toLowerCase()).append(": ").append(escape(r.error)).append(" |");
                    md.append(" |".repeat(COLUMNS.length));
                }
                List<String> other = new ArrayList<>();
                if (r.ok()) {
                    for (String k : EXTRA) {
                        if (r.metrics.containsKey(k) && r.metrics.get(k) != null) {
                            other.add(k + "=" + format(r.metrics.get(k)));
                        }
                    }
                }
                for (String k : List.of("journal-type", "journal-buffer-timeout-ns", "measuredSyncNanos")) {
                    if (r.facts.containsKey(k)) {
                        other.add(k + "=" + r.facts.get(k));
                    }
                }
                for (String n : r.notes) {
                    other.add(escape(n));
                }
                md.append(' ').append(String.join("; ", other)).append(" |\n");
            }
            md.append('\n');
            for (String f : charts.getOrDefault(id, List.of())) {
                if (f.startsWith("(")) {
                    md.append(f).append("\n\n");
                } else {
                    md.append("![").append(f).append("](charts/").append(f).append(")\n\n");
                }
            }
        }
        return md.toString();
    }

    private static String escape(String s) {
        return s == null ? "" : s.replace("|", "\\|").replace("\n", " ");
    }

    static String format(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof Double d) {
            double a = Math.abs(d);
            if (a >= 1000) {
                return String.format("%,.0f", d);
            }
            if (a >= 10) {
                return String.format("%.1f", d);
            }
            if (a >= 0.1) {
                return String.format("%.2f", d);
            }
            return String.format("%.3g", d);
        }
        if (v instanceof Long || v instanceof Integer) {
            return String.format("%,d", ((Number) v).longValue());
        }
        if (v instanceof List<?> l) {
            List<String> parts = new ArrayList<>();
            for (Object o : l) {
                parts.add(format(o));
            }
            return "[" + String.join(", ", parts) + "]";
        }
        return v.toString();
    }

    // ---------------------------------------------------------------- charts

    /** One colour per provider, the same in every chart. */
    private static Color colour(String provider) {
        return switch (provider) {
            case "depot" -> new Color(0x1f, 0x4e, 0xa8);
            case "artemis-default" -> new Color(0xf2, 0x8e, 0x2b);
            case "artemis-tuned" -> new Color(0xd6, 0x27, 0x28);
            case "artemis-jdbc" -> new Color(0x8c, 0x56, 0x4b);
            case "rabbitmq" -> new Color(0x2c, 0xa0, 0x2c);
            case "raw-pg" -> new Color(0x55, 0x55, 0x55);
            default -> new Color(0x94, 0x67, 0xbd);
        };
    }

    private static void style(JFreeChart chart) {
        if (chart.getPlot() instanceof CategoryPlot plot) {
            plot.setBackgroundPaint(Color.WHITE);
            plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
            for (int i = 0; i < plot.getDataset().getRowCount(); i++) {
                plot.getRenderer().setSeriesPaint(i, colour(plot.getDataset().getRowKey(i).toString()));
            }
        } else if (chart.getPlot() instanceof XYPlot plot) {
            plot.setBackgroundPaint(Color.WHITE);
            plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
            plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
            for (int i = 0; i < plot.getDataset().getSeriesCount(); i++) {
                plot.getRenderer().setSeriesPaint(i, colour(plot.getDataset().getSeriesKey(i).toString()));
                plot.getRenderer().setSeriesStroke(i, new BasicStroke(2f));
            }
        }
    }

    private static org.jfree.chart.axis.LogAxis logAxis(String label) {
        org.jfree.chart.axis.LogAxis axis = new org.jfree.chart.axis.LogAxis(label);
        axis.setBase(10);
        axis.setSmallestValue(1);
        axis.setStandardTickUnits(org.jfree.chart.axis.NumberAxis.createIntegerTickUnits());
        axis.setNumberFormatOverride(new java.text.DecimalFormat("#,##0"));
        return axis;
    }

    private static String save(Path dir, String name, JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        style(chart);
        try {
            ChartUtils.saveChartAsPNG(new File(dir.toFile(), name), chart, W, H);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return name;
    }

    private static List<String> barCharts(Path dir, Scenario s, List<Result> rows) {
        List<String> files = new ArrayList<>();
        String[][] charts = {{"throughput_msg_s", "messages/s", "throughput"}, {"e2e_p99_us", "µs", "e2e p99 latency"},
                {"client_cpu_us_per_msg", "µs per message", "client CPU"}, {"db_xacts_per_msg", "transactions per message", "PostgreSQL transactions"}};
        if (s.id().equals("selector-100k")) {
            charts = new String[][] {{"time_to_match_ms", "ms", "time to the matching message"}, {"db_xacts_per_msg", "transactions", "PostgreSQL transactions"}};
        } else if (s.id().equals("backlog-1m")) {
            charts = new String[][] {{"drain_rate_msg_s", "messages/s", "drain rate"}, {"time_to_first_ms", "ms", "time to first message"},
                    {"heap_peak_mib", "MiB", "peak heap while draining"}};
        }
        for (String[] c : charts) {
            DefaultCategoryDataset data = new DefaultCategoryDataset();
            for (Result r : rows) {
                Double v = r.ok() ? r.number(c[0]) : null;
                if (v != null) {
                    data.addValue(v, r.provider, c[2]);
                }
            }
            if (data.getRowCount() == 0) {
                continue;
            }
            JFreeChart chart = ChartFactory.createBarChart(s.id() + ": " + c[2], "", c[1], data);
            CategoryPlot plot = chart.getCategoryPlot();
            org.jfree.chart.renderer.category.BarRenderer bars = (org.jfree.chart.renderer.category.BarRenderer) plot.getRenderer();
            bars.setDefaultItemLabelGenerator(new org.jfree.chart.labels.StandardCategoryItemLabelGenerator("{2}",
                    new java.text.DecimalFormat("#,##0.##")));
            bars.setDefaultItemLabelsVisible(true);
            if (c[1].equals("µs") || c[1].equals("ms")) {
                plot.setRangeAxis(logAxis(c[1] + " (log scale)"));
                bars.setBase(1);
                bars.setIncludeBaseInRange(false);
            }
            files.add(save(dir, s.id() + "-" + c[0] + ".png", chart));
        }
        return files;
    }

    private static List<String> curveCharts(Path dir, Scenario s, List<Result> rows) {
        List<String> files = new ArrayList<>();
        String p99 = s.id().equals("curve-depth") ? "send_p99_us" : "e2e_p99_us";
        for (String[] c : new String[][] {{"throughput_msg_s", "messages/s", "throughput"}, {p99, "µs", p99.replace("_us", "").replace('_', ' ')}}) {
            DefaultCategoryDataset data = new DefaultCategoryDataset();
            String axis = "x";
            for (Result r : rows) {
                Double v = r.ok() ? r.number(c[0]) : null;
                Object x = r.params.get("x");
                if (r.params.get("x_axis") != null) {
                    axis = r.params.get("x_axis").toString();
                }
                if (v != null && x != null) {
                    data.addValue(v, r.provider, x.toString());
                }
            }
            if (data.getColumnCount() == 0) {
                continue;
            }
            JFreeChart chart = ChartFactory.createLineChart(s.id() + ": " + c[2], axis, c[1], data);
            CategoryPlot plot = chart.getCategoryPlot();
            plot.getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.STANDARD);
            if (c[1].equals("µs")) {
                plot.setRangeAxis(logAxis("µs (log scale)"));
            }
            LineAndShapeRenderer renderer = (LineAndShapeRenderer) plot.getRenderer();
            renderer.setDefaultShapesVisible(true);
            renderer.setDefaultStroke(new BasicStroke(2f));
            files.add(save(dir, s.id() + "-" + c[0] + ".png", chart));
        }
        return files;
    }

    private static List<String> soakCharts(Path dir, List<Result> rows) {
        List<String> files = new ArrayList<>();
        for (String[] c : new String[][] {{"rate_msg_s", "messages/s", "received rate"}, {"p99_us", "µs", "p99 latency per interval"},
                {"storage_bytes", "bytes", "storage (tables or journal)"}}) {
            XYSeriesCollection data = new XYSeriesCollection();
            for (Result r : rows) {
                if (!r.ok() || !(r.metrics.get("series") instanceof List<?> series)) {
                    continue;
                }
                XYSeries xy = new XYSeries(r.provider);
                for (Object o : series) {
                    if (o instanceof Map<?, ?> m && m.get(c[0]) instanceof Number v && m.get("t_s") instanceof Number t) {
                        xy.add(t.doubleValue(), v.doubleValue());
                    }
                }
                if (xy.getItemCount() > 0) {
                    data.addSeries(xy);
                }
            }
            if (data.getSeriesCount() == 0) {
                continue;
            }
            JFreeChart chart = ChartFactory.createXYLineChart("soak: " + c[2] + " (xmin pinned in the middle)", "seconds", c[1], data);
            if (c[1].equals("µs")) {
                chart.getXYPlot().setRangeAxis(logAxis("µs (log scale)"));
            }
            files.add(save(dir, "soak-" + c[0] + ".png", chart));
        }
        return files;
    }
}
