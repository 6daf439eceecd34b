package dev.depot.bench.scenario;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import dev.depot.bench.core.ErrorSink;
import dev.depot.bench.core.Payload;
import dev.depot.bench.core.Verifier;
import dev.depot.bench.metrics.Result;
import dev.depot.bench.metrics.Window;
import dev.depot.bench.provider.Feature;
import dev.depot.bench.transport.AckMode;
import dev.depot.bench.transport.Client;
import dev.depot.bench.transport.Dest;
import dev.depot.bench.transport.Receiver;

/**
 * A consumer with a selector whose one matching message sits behind a backlog of others (100 000 at
 * full scale): measured from creating the consumer to having the message. Then the backlog is drained
 * (not measured) and everything is checked.
 */
final class SelectorScenario implements Scenario {
    static final String SELECTOR = "kind = 'target'";
    static final int TARGET_PID = 900;

    @Override
    public String id() {
        return "selector-100k";
    }

    @Override
    public String title() {
        return "selective consumer, its one match behind a backlog (100 000 at full scale)";
    }

    @Override
    public Set<Feature> requires() {
        return EnumSet.of(Feature.SELECTOR);
    }

    @Override
    public void run(ScenarioRun run) throws Exception {
        long backlog = run.count(2_000, 20_000, 100_000);
        once(run, run.queue("warmup"), Math.min(backlog, 200), null);
        Result r = run.newResult("main");
        r.params.put("backlog", backlog);
        r.params.put("selector", SELECTOR);
        once(run, run.queue("main"), backlog, r);
        run.add(r);
    }

    private void once(ScenarioRun run, Dest dest, long backlog, Result r) throws Exception {
        Verifier v = new Verifier(dest.name());
        run.fill(dest, backlog, 1024, 1, "other", v);
        run.fill(dest, 1, 1024, TARGET_PID, "target", v);
        String failure = null;
        try {
            if (r != null) {
                run.ctx.progress.line("measure: selector " + SELECTOR + " behind " + backlog);
            }
            Window w = r == null ? null : Window.open(run.ctx, run.provider);
            long t0 = System.nanoTime();
            byte[] body;
            try (Client c = run.transport.connect(null); Receiver rec = c.receiver(dest, AckMode.AUTO, SELECTOR, null)) {
                body = rec.receive(run.timeout().toMillis());
            }
            long t1 = System.nanoTime();
            if (w != null) {
                w.endWork(0);
                w.finish(r, 1);
                r.put("time_to_match_ms", (t1 - t0) / 1e6);
            }
            if (body == null) {
                failure = "the selective consumer got nothing within " + run.timeout().toSeconds() + " s";
            } else {
                Payload.Decoded d = v.accept(body);
                if (d == null || d.producer() != TARGET_PID) {
                    failure = "the selective consumer got a message its selector does not match"
                            + (d == null ? " (" + v.problems() + ")" : " (producer " + d.producer() + ")");
                }
            }
            run.drain(dest, v);
        } catch (Exception e) {
            failure = ErrorSink.describe(e);
        }
        List<String> problems = new ArrayList<>();
        if (failure != null) {
            problems.add(failure);
        }
        problems.addAll(v.problems());
        long left = run.leftovers(dest, 0);
        if (left > 0) {
            problems.add(left + " messages left over");
        }
        if (!problems.isEmpty()) {
            if (r == null) {
                throw new IllegalStateException("warm-up failed: " + problems);
            }
            r.fail(String.join("; ", problems));
        }
    }
}
