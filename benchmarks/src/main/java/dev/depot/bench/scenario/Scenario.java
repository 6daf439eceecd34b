package dev.depot.bench.scenario;

import java.util.Set;

import dev.depot.bench.provider.Feature;
import dev.depot.bench.transport.TransportOptions;

/** One workload, run against one provider at a time; adds one result per point to the run. */
public interface Scenario {
    String id();

    String title();

    Set<Feature> requires();

    default TransportOptions options() {
        return TransportOptions.DEFAULT;
    }

    void run(ScenarioRun run) throws Exception;
}
