package org.symphainy.runtime.internal.kernel;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

import org.symphainy.sdk.intent.Artifact;
import org.symphainy.sdk.intent.Determinism;
import org.symphainy.sdk.intent.RuntimeContext;
import org.symphainy.sdk.runtime.RecordedContext;

/** What a handler sees of its execution: ids, the attempt, and the recorded clock and seed — nothing to write with. */
final class KernelContext implements RuntimeContext {

    private final RecordedContext recorded;
    private final Clock clock;
    private final RandomGenerator random;

    KernelContext(RecordedContext recorded) {
        this.recorded = recorded;
        this.clock = Determinism.clock(recorded.instant());
        this.random = Determinism.random(recorded.seed());
    }

    @Override
    public String executionId() {
        return recorded.executionId();
    }

    @Override
    public String tenant() {
        return recorded.tenant();
    }

    @Override
    public String actor() {
        return recorded.actor();
    }

    @Override
    public int attempt() {
        return recorded.attempt();
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public RandomGenerator random() {
        return random;
    }

    @Override
    public List<Artifact> inputs() {
        return recorded.inputs();
    }

    @Override
    public Optional<Artifact> input(String artifactId) {
        return recorded.inputs().stream().filter(a -> artifactId.equals(a.id())).findFirst();
    }
}
