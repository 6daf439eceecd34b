package dev.depot.bench.scenario;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import dev.depot.bench.RunContext;
import dev.depot.bench.Scale;
import dev.depot.bench.core.ErrorSink;
import dev.depot.bench.core.Verifier;
import dev.depot.bench.flow.Flow;
import dev.depot.bench.flow.FlowResult;
import dev.depot.bench.flow.FlowSpec;
import dev.depot.bench.metrics.Result;
import dev.depot.bench.metrics.Window;
import dev.depot.bench.provider.Provider;
import dev.depot.bench.transport.AckMode;
import dev.depot.bench.transport.Client;
import dev.depot.bench.transport.Dest;
import dev.depot.bench.transport.Receiver;
import dev.depot.bench.transport.SendMode;
import dev.depot.bench.transport.Transport;

/** One scenario against one provider: the helpers every scenario uses, and its results. */
public final class ScenarioRun {
    public interface Step {
        void run() throws Exception;
    }

    public final RunContext ctx;
    public final Provider provider;
    public final Transport transport;
    public final Scenario scenario;
    private final Consumer<Result> sink;
    private final List<Result> results = new ArrayList<>();

    public ScenarioRun(RunContext ctx, Provider provider, Transport transport, Scenario scenario, Consumer<Result> sink) {
        this.ctx = ctx;
        this.provider = provider;
        this.transport = transport;
        this.scenario = scenario;
        this.sink = sink;
    }

    public List<Result> results() {
        return results;
    }

    public Scale scale() {
        return ctx.config.scale;
    }

    /** The scale's message count, unless --messages overrides it. */
    public long count(long smoke, long small, long full) {
        return ctx.config.messages > 0 ? ctx.config.messages : scale().pick(smoke, small, full);
    }

    public Duration timeout() {
        return Duration.ofSeconds(scale().pick(120, 900, 7200));
    }

    public Dest queue(String point) {
        return Dest.queue(name(point));
    }

    public Dest topic(String point) {
        return Dest.topic(name(point));
    }

    private String name(String point) {
        return ("b" + ctx.runTag + "." + scenario.id() + "." + point).toLowerCase().replaceAll("[^a-z0-9._-]", "-");
    }

    public Result newResult(String point) {
        Result r = new Result(provider.id(), scenario.id(), point);
        return r;
    }

    public void add(Result r) {
        r.facts.putAll(provider.facts());
        results.add(r);
        sink.accept(r);
    }

    public Verifier[] verifiers(FlowSpec spec) {
        Verifier[] v = new Verifier[spec.streams()];
        for (int i = 0; i < v.length; i++) {
            v[i] = new Verifier(spec.dest.topic() ? spec.dest.name() + "/" + Flow.subscriptionName(i) : spec.dest.name());
        }
        return v;
    }

    public Flow flow(String label, FlowSpec spec, Verifier[] verifiers) {
        return new Flow(provider.id() + " " + scenario.id() + " " + label, spec, transport, verifiers, ctx.progress,
                provider.remoteSpec(), ctx.workDir.resolve("jvms"));
    }

    /** Runs a flow that is not measured (warm-up, fill, drain); any problem is thrown. */
    public FlowResult unmeasured(String label, FlowSpec spec, Verifier[] verifiers) throws Exception {
        try (Flow flow = flow(label, spec, verifiers)) {
            flow.setup();
            return flow.run();
        }
    }

    /** Fills {@code dest} with {@code count} messages from 4 transacted producers (not measured). */
    public FlowResult fill(Dest dest, long count, int bodySize, int pidBase, String kind, Verifier verifier) throws Exception {
        FlowSpec fill = new FlowSpec();
        fill.dest = dest;
        fill.producers = (int) Math.max(1, Math.min(4, count));
        fill.consumers = 0;
        fill.messages = count;
        fill.receiveTarget = 0;
        fill.bodySize = bodySize;
        fill.sendMode = SendMode.TRANSACTED;
        fill.txBatch = 200;
        fill.pidBase = pidBase;
        fill.kind = kind;
        fill.timeout = timeout();
        return unmeasured("fill", fill, new Verifier[] {verifier});
    }

    /** Receives until {@code verifier} has everything it expects (not measured). */
    public FlowResult drain(Dest dest, Verifier verifier) throws Exception {
        long count = verifier.expectedTotal() - verifier.distinct();
        FlowSpec drain = new FlowSpec();
        drain.dest = dest;
        drain.producers = 0;
        drain.consumers = 4;
        drain.messages = 0;
        drain.receiveTarget = count;
        drain.timeout = timeout();
        return unmeasured("drain", drain, new Verifier[] {verifier});
    }

    /**
     * Unmeasured runs of the same shape on a queue of their own, checked like real ones, repeated
     * until this JVM's JIT compilers are quiet (under 5 % of the last run's time spent compiling)
     * and at least 8 s (small) or 20 s (full) have passed, for at most 40 s or 120 s: on two cores
     * the compilers are still busy many seconds after a couple of thousand messages, and would be
     * measured with the first seconds. A broker in a JVM of its own gets the same time.
     */
    public void warmup(FlowSpec measured) throws Exception {
        long start = System.nanoTime();
        long least = Duration.ofSeconds(scale().pick(0, 8, 20)).toNanos();
        long most = Duration.ofSeconds(scale().pick(0, 40, 120)).toNanos();
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        boolean jitTimed = jit != null && jit.isCompilationTimeMonitoringSupported();
        while (true) {
            long passStart = System.nanoTime();
            long compiledBefore = jitTimed ? jit.getTotalCompilationTime() : 0;
            warmupOnce(measured);
            long now = System.nanoTime();
            double compiling = jitTimed
                    ? (jit.getTotalCompilationTime() - compiledBefore) * 1e6 / Math.max(1, now - passStart) : 0;
            if (now - start >= most || now - start >= least && compiling < 0.05) {
                return;
            }
            ctx.progress.line(String.format("warm-up again: %.0f %% of the last run spent compiling", compiling * 100));
        }
    }

    private void warmupOnce(FlowSpec measured) throws Exception {
        FlowSpec w = measured.copy();
        w.dest = measured.dest.topic() ? topic("warmup") : queue("warmup");
        long n = scale().pick(50, 2000, 10_000);
        if (measured.bodySize >= 100_000) {
            n = scale().pick(4, 20, 50);
        }
        w.messages = Math.max(n, w.producers);
        w.receiveTarget = -1;
        w.rate = 0;
        w.sampleEveryMillis = 0;
        if (w.remoteJvms > 0) {
            // consumer JVMs are new for every flow: warm the producers and the provider with local consumers
            w.consumers = w.remoteJvms * w.consumersPerRemoteJvm;
            w.remoteJvms = 0;
        }
        w.timeout = timeout();
        Verifier[] v = verifiers(w);
        ctx.progress.line("warm-up: " + w.describe());
        unmeasured("warm-up", w, v);
        List<String> problems = new ArrayList<>();
        for (Verifier x : v) {
            problems.addAll(x.problems());
        }
        long left = leftovers(w.dest, w.subscribers);
        if (left > 0) {
            problems.add(left + " messages left over after the warm-up");
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("warm-up failed: " + problems);
        }
    }

    /**
     * Messages still there: a fresh consumer (per subscription for a topic; those are removed after)
     * takes whatever is left; 0 when the destination is empty.
     */
    public long leftovers(Dest dest, int subscribers) throws Exception {
        long wait = scale() == Scale.SMOKE ? 250 : 1000;
        long left = 0;
        if (!dest.topic()) {
            try (Client c = transport.connect(null); Receiver r = c.receiver(dest, AckMode.AUTO, null, null)) {
                for (byte[] b = r.receive(wait); b != null; b = r.receive(200)) {
                    left++;
                }
            }
            return left;
        }
        for (int s = 0; s < subscribers; s++) {
            try (Client c = transport.connect(Flow.clientId(dest.name(), s))) {
                try (Receiver r = c.receiver(dest, AckMode.AUTO, null, Flow.subscriptionName(s))) {
                    for (byte[] b = r.receive(wait); b != null; b = r.receive(200)) {
                        left++;
                    }
                }
                c.unsubscribe(Flow.subscriptionName(s));
            }
        }
        return left;
    }

    /**
     * Measures one flow: set up (not measured), settle, run, settle, read counters; then close,
     * run {@code after} (e.g. drain a standing backlog), check that nothing is left over and that every
     * message arrived exactly once. Any problem makes the result an error.
     */
    public Result measureFlow(String point, FlowSpec spec, Flow.Sampler sampler, Step after) {
        Result r = newResult(point);
        r.params.put("flow", spec.describe());
        r.params.put("producers", spec.producers);
        r.params.put("consumers", spec.consumers + spec.remoteJvms * spec.consumersPerRemoteJvm);
        r.params.put("messages", spec.messages);
        r.params.put("body_bytes", spec.bodySize);
        if (spec.rate > 0) {
            r.params.put("offered_rate", spec.rate);
        }
        Verifier[] verifiers = measuredVerifiers != null ? measuredVerifiers : verifiers(spec);
        measuredVerifiers = null;
        Flow flow = flow(point, spec, verifiers);
        if (sampler != null) {
            flow.sampler(sampler);
        }
        try {
            flow.setup();
            ctx.progress.line("measure " + point + ": " + spec.describe());
            Window w = Window.open(ctx, provider);
            FlowResult fr = flow.run();
            w.endWork(fr.remoteCpuNanos);
            w.finish(r, fr.received);
            flow.close();
            if (after != null) {
                after.run();
            }
            List<String> problems = new ArrayList<>();
            long left = leftovers(spec.dest, spec.subscribers);
            for (Verifier v : verifiers) {
                problems.addAll(v.problems());
            }
            if (left > 0) {
                problems.add(left + " messages left over");
            }
            if (!problems.isEmpty()) {
                return r.fail(String.join("; ", problems));
            }
            r.put("messages_received", fr.received);
            r.put("throughput_msg_s", fr.throughput());
            r.put("send_rate_msg_s", fr.sendRate());
            r.latency("e2e", fr.e2e);
            r.latency("send", fr.send);
            if (spec.dest.topic()) {
                r.notes.add("msg/s and the per-message figures count deliveries: each of the " + spec.subscribers
                        + " subscriptions receives every message");
            }
            lastFlowResult = fr;
            return r;
        } catch (Exception | Error e) {
            return r.fail(ErrorSink.describe(e));
        } finally {
            flow.close();
        }
    }

    private Verifier[] measuredVerifiers;
    private FlowResult lastFlowResult;

    /** Verifiers to use for the next {@link #measureFlow} (when a fill shares them). */
    public void useVerifiers(Verifier... v) {
        measuredVerifiers = v;
    }

    public FlowResult lastFlowResult() {
        return lastFlowResult;
    }
}
