package dev.depot.bench.scenario;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import dev.depot.bench.core.Verifier;
import dev.depot.bench.flow.FlowSpec;
import dev.depot.bench.metrics.Result;
import dev.depot.bench.provider.Feature;
import dev.depot.bench.transport.AckMode;
import dev.depot.bench.transport.SendMode;
import dev.depot.bench.transport.TransportOptions;

/** Every scenario, in report order. */
public final class Scenarios {
    private Scenarios() {
    }

    public static List<Scenario> all() {
        List<Scenario> all = new ArrayList<>();
        all.add(flow("sync-1p1c", "1 producer / 1 consumer, synchronous persistent sends", Set.of(), run -> {
            FlowSpec s = base(run, "main");
            s.producers = 1;
            s.consumers = 1;
            s.messages = run.count(200, 5_000, 50_000);
            return s;
        }));
        all.add(flow("auto-4p4c", "4 producers / 4 consumers, auto-acknowledge", Set.of(), run -> {
            FlowSpec s = base(run, "main");
            s.messages = run.count(400, 20_000, 200_000);
            return s;
        }));
        all.add(flow("tx-4p4c", "4 / 4 transacted, commit every 100 (producers and consumers)", Set.of(Feature.TRANSACTED), run -> {
            FlowSpec s = base(run, "main");
            s.messages = run.count(800, 20_000, 200_000);
            s.sendMode = SendMode.TRANSACTED;
            s.ackMode = AckMode.TRANSACTED;
            s.txBatch = 100;
            return s;
        }));
        all.add(new FixedRateScenario());
        all.add(flow("topic-4dur", "topic, 4 producers, 4 durable subscribers (each gets every message)", Set.of(Feature.TOPIC), run -> {
            FlowSpec s = base(run, "main");
            s.dest = run.topic("main");
            s.subscribers = 4;
            s.consumers = 0;
            s.messages = run.count(200, 5_000, 50_000);
            return s;
        }));
        all.add(flow("nonpersistent-4p4c", "4 / 4 non-persistent", Set.of(Feature.NON_PERSISTENT), run -> {
            FlowSpec s = base(run, "main");
            s.messages = run.count(400, 20_000, 200_000);
            s.sendMode = SendMode.NON_PERSISTENT;
            return s;
        }));
        all.add(new Scenario() {
            private final Scenario inner = flow("async-4p4c", "4 / 4 asynchronous sends (CompletionListener, 1000 outstanding per producer)",
                    Set.of(Feature.ASYNC_SEND), run -> {
                        FlowSpec s = base(run, "main");
                        s.messages = run.count(400, 20_000, 200_000);
                        s.sendMode = SendMode.ASYNC;
                        return s;
                    });

            @Override
            public String id() {
                return inner.id();
            }

            @Override
            public String title() {
                return inner.title();
            }

            @Override
            public Set<Feature> requires() {
                return inner.requires();
            }

            @Override
            public TransportOptions options() {
                return new TransportOptions(true);
            }

            @Override
            public void run(ScenarioRun run) throws Exception {
                inner.run(run);
                if (run.transport instanceof dev.depot.bench.transport.JmsTransport jms && jms.callbacksOnSendingThread() > 0) {
                    for (Result r : run.results()) {
                        r.notes.add(jms.callbacksOnSendingThread() + " of " + jms.callbacks()
                                + " CompletionListener calls ran on the thread that called send() (the spec wants another thread)");
                    }
                }
            }
        });
        all.add(new SelectorScenario());
        all.add(flow("large-1mib", "1 MiB messages, 1 producer / 1 consumer", Set.of(), run -> {
            FlowSpec s = base(run, "main");
            s.producers = 1;
            s.consumers = 1;
            s.bodySize = 1024 * 1024;
            s.messages = run.count(10, 100, 1_000);
            return s;
        }));
        all.add(new BacklogScenario());
        all.add(flow("two-jvm", "4 producers here, consumers in 2 other JVMs (2 each)", Set.of(Feature.MULTI_JVM), run -> {
            FlowSpec s = base(run, "main");
            s.consumers = 0;
            s.remoteJvms = 2;
            s.consumersPerRemoteJvm = 2;
            s.messages = run.count(400, 20_000, 200_000);
            return s;
        }));
        all.add(new CurveScenario("curve-producers", "throughput and p99 against producers (4 consumers)", "producers",
                run -> List.of(1L, 2L, 4L, 8L, 16L), (run, x) -> {
                    FlowSpec s = base(run, "p" + x);
                    s.producers = x.intValue();
                    s.messages = Math.max(x, run.count(200, 5_000, 50_000));
                    return s;
                }));
        all.add(new CurveScenario("curve-size", "throughput and p99 against message size (4 / 4)", "body_bytes",
                run -> List.of(100L, 1024L, 10_240L, 102_400L, 1_048_576L), (run, x) -> {
                    FlowSpec s = base(run, "b" + x);
                    s.bodySize = x.intValue();
                    long budget = run.scale().pick(20L << 20, 200L << 20, 2L << 30);
                    s.messages = Math.max(16, Math.min(run.count(200, 5_000, 50_000), budget / x));
                    return s;
                }));
        all.add(new DepthCurveScenario());
        all.add(new SoakScenario());
        return all;
    }

    public static Map<String, Scenario> byId() {
        Map<String, Scenario> m = new LinkedHashMap<>();
        for (Scenario s : all()) {
            m.put(s.id(), s);
        }
        return m;
    }

    /** Persistent 1 KiB, 4 producers / 4 consumers, auto-acknowledge. */
    static FlowSpec base(ScenarioRun run, String point) {
        FlowSpec s = new FlowSpec();
        s.dest = run.queue(point);
        s.producers = 4;
        s.consumers = 4;
        s.bodySize = 1024;
        s.timeout = run.timeout();
        return s;
    }

    static Scenario flow(String id, String title, Set<Feature> requires, Function<ScenarioRun, FlowSpec> spec) {
        return new Scenario() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public String title() {
                return title;
            }

            @Override
            public Set<Feature> requires() {
                return requires.isEmpty() ? EnumSet.noneOf(Feature.class) : EnumSet.copyOf(requires);
            }

            @Override
            public void run(ScenarioRun run) throws Exception {
                FlowSpec s = spec.apply(run);
                run.warmup(s);
                run.add(run.measureFlow("main", s, null, null));
            }
        };
    }

    /** A flow at a fixed offered rate: latency from the intended send time (no coordinated omission). */
    static final class FixedRateScenario implements Scenario {
        @Override
        public String id() {
            return "rate-1000";
        }

        @Override
        public String title() {
            return "fixed offered rate (default 1 000 msg/s, 4 / 4), latency from the intended send time";
        }

        @Override
        public Set<Feature> requires() {
            return EnumSet.noneOf(Feature.class);
        }

        @Override
        public void run(ScenarioRun run) throws Exception {
            FlowSpec s = base(run, "main");
            s.rate = run.ctx.config.fixedRate;
            long seconds = run.scale().pick(2, 20, 120);
            s.messages = run.ctx.config.messages > 0 ? run.ctx.config.messages : (long) (s.rate * seconds);
            s.timeout = Duration.ofSeconds((long) (s.messages / s.rate) + run.timeout().toSeconds());
            run.warmup(s);
            Result r = run.measureFlow("main", s, null, null);
            if (r.ok()) {
                Double send = r.number("send_rate_msg_s");
                if (send != null && send < 0.95 * s.rate) {
                    r.notes.add(String.format("producers fell behind the schedule (%.0f of %.0f msg/s): the lag is in the latency", send, s.rate));
                }
            }
            run.add(r);
        }
    }

    /** One point per x value; one warm-up before the first. */
    static final class CurveScenario implements Scenario {
        interface Points {
            List<Long> xs(ScenarioRun run);
        }

        interface PointSpec {
            FlowSpec spec(ScenarioRun run, Long x);
        }

        private final String id;
        private final String title;
        private final String axis;
        private final Points points;
        private final PointSpec pointSpec;

        CurveScenario(String id, String title, String axis, Points points, PointSpec pointSpec) {
            this.id = id;
            this.title = title;
            this.axis = axis;
            this.points = points;
            this.pointSpec = pointSpec;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public String title() {
            return title;
        }

        @Override
        public Set<Feature> requires() {
            return EnumSet.noneOf(Feature.class);
        }

        @Override
        public void run(ScenarioRun run) throws Exception {
            List<Long> xs = points.xs(run);
            run.warmup(pointSpec.spec(run, xs.get(0)));
            for (Long x : xs) {
                FlowSpec s = pointSpec.spec(run, x);
                Result r = run.measureFlow(axis + "=" + x, s, null, null);
                r.params.put("x_axis", axis);
                r.params.put("x", x);
                run.add(r);
            }
        }
    }

    static Verifier single(String name) {
        return new Verifier(name);
    }
}
