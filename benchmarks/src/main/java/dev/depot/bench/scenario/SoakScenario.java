package dev.depot.bench.scenario;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.depot.bench.flow.FlowSpec;
import dev.depot.bench.metrics.PgMonitor;
import dev.depot.bench.metrics.Result;
import dev.depot.bench.provider.ArtemisProvider;
import dev.depot.bench.provider.Feature;

/**
 * A steady offered rate for a long time (full: 60 min at 500 msg/s), with a transaction pinning
 * PostgreSQL's xmin horizon for a stretch in the middle (full: 10 min). Sampled every interval:
 * received rate, p99 latency (from the intended send time), and the size of the provider's tables
 * (PostgreSQL-based providers) or of its data directory (Artemis file journal). Two verdicts, reported
 * beside the figures: the received rate of every tenth of the run stays within 10 % of the first
 * tenth's; after the pin is released the storage stops growing (its size over the last quarter of the
 * post-pin period stays within 10 % (or 1 MiB) of its size at the release).
 */
final class SoakScenario implements Scenario {
    @Override
    public String id() {
        return "soak";
    }

    @Override
    public String title() {
        return "soak at a steady rate, xmin horizon pinned in the middle";
    }

    @Override
    public Set<Feature> requires() {
        return EnumSet.noneOf(Feature.class);
    }

    private record Sample(double t, double rate, long p99, Long storageBytes, Long deadTuples, boolean pinned) {
    }

    @Override
    public void run(ScenarioRun run) throws Exception {
        double minutes = run.ctx.config.soakMinutes > 0 ? run.ctx.config.soakMinutes
                : run.scale().pick(10, 180, 3600) / 60.0;
        double rate = run.scale().ordinal() == 0 && run.ctx.config.soakRate == 500 ? 200 : run.ctx.config.soakRate;
        long durationMs = (long) (minutes * 60_000);
        long pinMs = run.scale().ordinal() == 0 ? durationMs / 5 : Math.min(durationMs / 3, run.scale().pick(0, 60_000, 600_000));
        long pinStart = (durationMs - pinMs) / 2;
        long pinEnd = pinStart + pinMs;
        long sampleMs = Math.max(1000, durationMs / 60);

        FlowSpec s = Scenarios.base(run, "main");
        s.rate = rate;
        s.messages = (long) (rate * durationMs / 1000.0);
        s.sampleEveryMillis = sampleMs;
        s.timeout = Duration.ofMillis(durationMs).plus(run.timeout());
        run.warmup(s);

        List<Sample> samples = new ArrayList<>();
        AutoCloseable[] pin = new AutoCloseable[1];
        long[] last = {0, 0};
        String[] pinError = {null};
        Result r = run.measureFlow("main", s, (elapsed, received, h) -> {
            try {
                if (pin[0] == null && elapsed >= pinStart && elapsed < pinEnd && run.ctx.pg != null) {
                    pin[0] = run.ctx.pg.pinXmin();
                    run.ctx.progress.line("xmin horizon pinned");
                } else if (pin[0] != null && elapsed >= pinEnd) {
                    pin[0].close();
                    pin[0] = null;
                    run.ctx.progress.line("xmin horizon released");
                }
            } catch (Exception e) {
                pinError[0] = e.toString();
            }
            double dt = (elapsed - last[0]) / 1000.0;
            double rateNow = dt > 0 ? (received - last[1]) / dt : 0;
            last[0] = elapsed;
            last[1] = received;
            Long bytes = null;
            Long dead = null;
            try {
                if (run.provider.pgSchema() != null && run.ctx.pg != null) {
                    PgMonitor.TableStats t = run.ctx.pg.tables(run.provider.pgSchema());
                    bytes = t.bytes();
                    dead = t.deadTuples();
                } else if (run.provider instanceof ArtemisProvider a && a.fileStore()) {
                    bytes = a.dataBytes();
                }
            } catch (Exception e) {
                pinError[0] = "reading table sizes: " + e;
            }
            samples.add(new Sample(elapsed / 1000.0, rateNow, h.getTotalCount() == 0 ? 0 : h.getValueAtPercentile(99), bytes, dead,
                    elapsed >= pinStart && elapsed < pinEnd));
        }, null);
        if (pin[0] != null) {
            pin[0].close();
        }
        r.params.put("minutes", minutes);
        r.params.put("pin_from_s", pinStart / 1000.0);
        r.params.put("pin_to_s", pinEnd / 1000.0);
        if (pinError[0] != null && r.ok()) {
            r.fail("soak bookkeeping failed: " + pinError[0]);
        }
        if (r.ok()) {
            verdicts(r, samples, durationMs, pinEnd / 1000.0);
            List<Map<String, Object>> series = new ArrayList<>();
            for (Sample x : samples) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("t_s", x.t());
                m.put("rate_msg_s", x.rate());
                m.put("p99_us", x.p99());
                m.put("storage_bytes", x.storageBytes());
                m.put("dead_tuples", x.deadTuples());
                m.put("pinned", x.pinned());
                series.add(m);
            }
            r.put("series", series);
        }
        run.add(r);
    }

    private static void verdicts(Result r, List<Sample> samples, long durationMs, double pinEndS) {
        double duration = durationMs / 1000.0;
        double tenth = duration / 10;
        double[] sum = new double[10];
        int[] n = new int[10];
        for (Sample s : samples) {
            int w = (int) Math.min(9, Math.max(0, (s.t() - 1e-9) / tenth));
            sum[w] += s.rate();
            n[w]++;
        }
        Double start = n[0] > 0 ? sum[0] / n[0] : null;
        double worst = 0;
        List<Double> windows = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            if (n[i] == 0) {
                continue;
            }
            double mean = sum[i] / n[i];
            windows.add(mean);
            if (start != null && start > 0) {
                worst = Math.max(worst, Math.abs(mean - start) / start);
            }
        }
        r.put("soak_window_rates_msg_s", windows);
        r.put("soak_rate_worst_deviation", worst);
        r.put("soak_rate_within_10pct", start != null && worst <= 0.10);

        Long atRelease = null;
        Long maxLate = null;
        Long maxAll = null;
        double lateFrom = pinEndS + (duration - pinEndS) * 0.75;
        for (Sample s : samples) {
            if (s.storageBytes() == null) {
                continue;
            }
            maxAll = maxAll == null ? s.storageBytes() : Math.max(maxAll, s.storageBytes());
            if (atRelease == null && s.t() >= pinEndS) {
                atRelease = s.storageBytes();
            }
            if (s.t() >= lateFrom) {
                maxLate = maxLate == null ? s.storageBytes() : Math.max(maxLate, s.storageBytes());
            }
        }
        if (atRelease != null && maxLate != null) {
            r.put("storage_bytes_at_release", atRelease);
            r.put("storage_bytes_late_max", maxLate);
            r.put("storage_bytes_max", maxAll);
            r.put("storage_bounded_after_pin", maxLate <= Math.max(atRelease * 1.10, atRelease + 1_048_576));
        }
    }
}
