package dev.depot.bench.scenario;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import dev.depot.bench.core.Verifier;
import dev.depot.bench.flow.FlowResult;
import dev.depot.bench.flow.FlowSpec;
import dev.depot.bench.metrics.Result;
import dev.depot.bench.provider.Feature;

/**
 * A backlog (1 000 000 at full scale) filled first, then drained by 4 consumers: time to the first
 * message, drain rate, and the heap of this JVM (where the consumers are) while draining.
 */
final class BacklogScenario implements Scenario {
    @Override
    public String id() {
        return "backlog-1m";
    }

    @Override
    public String title() {
        return "backlog (1 000 000 at full scale) drained by 4 consumers";
    }

    @Override
    public Set<Feature> requires() {
        return EnumSet.noneOf(Feature.class);
    }

    @Override
    public void run(ScenarioRun run) throws Exception {
        long n = run.count(5_000, 100_000, 1_000_000);
        FlowSpec warm = Scenarios.base(run, "warmup");
        warm.messages = 100;
        run.warmup(warm);

        FlowSpec drain = Scenarios.base(run, "main");
        drain.producers = 0;
        drain.consumers = 4;
        drain.messages = 0;
        drain.receiveTarget = n;
        drain.sampleEveryMillis = 200;
        Verifier v = new Verifier(drain.dest.name());
        run.ctx.progress.line("fill: " + n + " messages");
        FlowResult fill = run.fill(drain.dest, n, 1024, 1, null, v);
        double fillRate = fill.sendRate();

        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
        AtomicLong maxAfterGc = new AtomicLong();
        run.useVerifiers(v);
        Result r = run.measureFlow("main", drain, (elapsed, received, h) -> maxAfterGc.accumulateAndGet(oldGenAfterGc(), Math::max), null);
        r.params.put("backlog", n);
        if (r.ok()) {
            FlowResult fr = run.lastFlowResult();
            r.put("fill_rate_msg_s", fillRate);
            r.put("time_to_first_ms", fr.firstReceiveNanos > 0 ? (fr.firstReceiveNanos - fr.startNanos) / 1e6 : null);
            r.put("drain_rate_msg_s", fr.throughput());
            r.put("heap_peak_mib", peakHeap() / 1048576.0);
            r.put("heap_old_after_gc_max_mib", maxAfterGc.get() / 1048576.0);
            r.notes.add("heap figures are of the harness JVM, which holds the 4 consumers (and the verifier's bitmaps)");
        }
        run.add(r);
    }

    private static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                MemoryUsage peak = pool.getPeakUsage();
                sum += peak == null ? 0 : peak.getUsed();
            }
        }
        return sum;
    }

    private static long oldGenAfterGc() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getName().contains("Old")) {
                MemoryUsage after = pool.getCollectionUsage();
                sum += after == null ? 0 : after.getUsed();
            }
        }
        return sum;
    }
}
