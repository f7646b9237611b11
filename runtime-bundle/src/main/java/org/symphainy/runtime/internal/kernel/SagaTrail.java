package org.symphainy.runtime.internal.kernel;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.symphainy.sdk.runtime.AttemptFailure;
import org.symphainy.sdk.runtime.Failure;
import org.symphainy.sdk.runtime.SagaStatus;
import org.symphainy.sdk.runtime.Step;
import org.symphainy.sdk.saga.SagaDefinition;

/**
 * What an operator needs of a saga beside its current step, kept as its records are applied: the steps completed and
 * compensated, every failed attempt, and the step it gave up on. Steps are numbered as in the records (1 for the first);
 * their names come from the recorded definition once it is known (recovery applies record heads before it reads it).
 * Guarded by its {@link ExecutionEntry}.
 */
final class SagaTrail {

    /** One failed attempt, by recorded step number. */
    private record Failed(int step, boolean compensation, int attempt, Instant at, Failure failure) {
    }

    private final List<Integer> completed = new ArrayList<>();
    private final List<Integer> compensated = new ArrayList<>();
    private final List<Failed> failures = new ArrayList<>();
    private SagaDefinition definition;
    private int gaveUp;

    /** The recorded definition: names and compensations of the steps. */
    void define(SagaDefinition recorded) {
        if (definition == null) {
            definition = recorded;
        }
    }

    /** Step {@code step} (its compensation if {@code compensation}) completed. */
    void completed(int step, boolean compensation) {
        (compensation ? compensated : completed).add(step);
    }

    /** An attempt of step {@code step} (of its compensation) failed. */
    void failed(int step, boolean compensation, int attempt, Instant at, Failure failure) {
        failures.add(new Failed(step, compensation, attempt, at, failure));
    }

    /** The saga gave up on step {@code step} and compensates. */
    void gaveUp(int step) {
        gaveUp = step;
    }

    /** The name of step {@code step}, or null while the definition is not known. */
    String name(int step) {
        return definition == null || step < 1 || step > definition.steps().size() ? null
                : definition.steps().get(step - 1).name();
    }

    /** {@code step} with its saga step's name (the view of a step made before the definition was known has none). */
    Step named(Step step) {
        if (step.name() != null || name(step.context().step()) == null) {
            return step;
        }
        return new Step(step.number(), step.intentType(), step.handler(), step.state(), step.attempts(), step.context(),
                step.startedAt(), step.endedAt(), step.artifactIds(), step.failure(), name(step.context().step()),
                step.compensation());
    }

    /** What was undone, what is not and every failure, once the saga gave up; null before (or without its definition). */
    SagaStatus status() {
        if (gaveUp == 0 || definition == null) {
            return null;
        }
        List<String> undone = compensated.stream().map(this::name).toList();
        List<String> left = new ArrayList<>();
        for (int i = completed.size() - 1; i >= 0; i--) {
            int step = completed.get(i);
            if (definition.steps().get(step - 1).compensation() != null && !compensated.contains(step)) {
                left.add(name(step));
            }
        }
        List<AttemptFailure> all = failures.stream()
                .map(f -> new AttemptFailure(name(f.step()), f.compensation(), f.attempt(), f.at(), f.failure())).toList();
        String failed = name(gaveUp);
        return new SagaStatus(failed == null ? "step " + gaveUp : failed, undone, left, all);
    }
}
