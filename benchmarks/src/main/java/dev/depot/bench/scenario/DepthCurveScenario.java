package dev.depot.bench.scenario;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import dev.depot.bench.core.Verifier;
import dev.depot.bench.flow.FlowSpec;
import dev.depot.bench.metrics.Result;
import dev.depot.bench.provider.Feature;

/**
 * Throughput and send latency against queue depth: the queue holds D messages before a 4 / 4 run and
 * still D after it (consumers take the oldest first, producers add at the end, and consumers never
 * get ahead of the producers), so the run works on a queue standing at depth D. End-to-end latency is not reported here: with a FIFO backlog it is
 * just the time a message waits behind the D others. The backlog is drained afterwards (not
 * measured) and every message, backlog and run, is checked.
 */
final class DepthCurveScenario implements Scenario {
    @Override
    public String id() {
        return "curve-depth";
    }

    @Override
    public String title() {
        return "throughput and p99 send latency against queue depth (4 / 4 on a standing backlog)";
    }

    @Override
    public Set<Feature> requires() {
        return EnumSet.noneOf(Feature.class);
    }

    @Override
    public void run(ScenarioRun run) throws Exception {
        List<Long> depths = switch (run.scale()) {
            case SMOKE -> List.of(0L, 500L, 2_000L);
            case SMALL -> List.of(0L, 10_000L, 100_000L);
            case FULL -> List.of(0L, 10_000L, 100_000L, 1_000_000L);
        };
        FlowSpec warm = Scenarios.base(run, "warmup");
        warm.messages = 100;
        run.warmup(warm);
        for (long depth : depths) {
            FlowSpec s = Scenarios.base(run, "d" + depth);
            s.messages = run.count(200, 5_000, 20_000);
            s.pidBase = 100;
            s.consumersTrailProducers = true;
            Verifier v = new Verifier(s.dest.name());
            if (depth > 0) {
                run.ctx.progress.line("fill: " + depth + " messages");
                run.fill(s.dest, depth, 1024, 1, null, v);
            }
            run.useVerifiers(v);
            Result r = run.measureFlow("depth=" + depth, s, null, depth == 0 ? null : () -> run.drain(s.dest, v));
            r.params.put("x_axis", "depth");
            r.params.put("x", depth);
            r.params.put("depth", depth);
            if (depth > 0) {
                for (String k : List.of("e2e_p50_us", "e2e_p99_us", "e2e_p999_us", "e2e_max_us", "e2e_count")) {
                    r.metrics.remove(k);
                }
            }
            run.add(r);
        }
    }
}
