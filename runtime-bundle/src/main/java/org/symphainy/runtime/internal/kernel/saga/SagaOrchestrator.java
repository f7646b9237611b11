package org.symphainy.runtime.internal.kernel.saga;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.symphainy.runtime.internal.kernel.saga.SagaAction.Compensate;
import org.symphainy.runtime.internal.kernel.saga.SagaAction.Done;
import org.symphainy.runtime.internal.kernel.saga.SagaAction.End;
import org.symphainy.runtime.internal.kernel.saga.SagaAction.GiveUp;
import org.symphainy.runtime.internal.kernel.saga.SagaAction.RunStep;
import org.symphainy.runtime.internal.kernel.saga.SagaEvent.CompensationCompleted;
import org.symphainy.runtime.internal.kernel.saga.SagaEvent.CompensationFailed;
import org.symphainy.runtime.internal.kernel.saga.SagaEvent.CompensationStarted;
import org.symphainy.runtime.internal.kernel.saga.SagaEvent.SagaEnded;
import org.symphainy.runtime.internal.kernel.saga.SagaEvent.StepCompleted;
import org.symphainy.runtime.internal.kernel.saga.SagaEvent.StepFailed;
import org.symphainy.runtime.internal.kernel.saga.SagaEvent.StepStarted;
import org.symphainy.sdk.intent.Artifact;
import org.symphainy.sdk.intent.ErrorCode;
import org.symphainy.sdk.intent.IntentException;
import org.symphainy.sdk.intent.Json;
import org.symphainy.sdk.runtime.Failure;
import org.symphainy.sdk.saga.SagaStep;

/**
 * Drives one saga to its end: asks its {@link SagaProgress} what comes next, does it, records the event durably and
 * only then applies it. It is resumable at any point: a new orchestrator given the progress folded from the durable
 * events continues where the last one stopped (an attempt that was running when it stopped runs again, as a new
 * attempt: steps run at least once, so their handlers must be idempotent, as every handler's retries require).
 */
final class SagaOrchestrator {

    /** What one attempt of a step or compensation gave: its artifacts, or its failure. */
    record Outcome(List<Artifact> artifacts, Failure failure) {
        static Outcome completed(List<Artifact> artifacts) {
            return new Outcome(artifacts, null);
        }

        static Outcome failed(ErrorCode code, String message) {
            return new Outcome(List.of(), new Failure(code, message));
        }
    }

    /** Runs a step or a compensation with the payload its mappings built. */
    interface Invoker {
        /** Runs attempt {@code attempt} of {@code step} (its compensation if {@code compensation}) with {@code payload}. */
        Outcome invoke(SagaStep step, boolean compensation, int attempt, Json payload);
    }

    /** The saga's durable log. */
    interface Log {
        /** Appends {@code event}; returns once it is durable, or throws if it cannot be written. */
        void append(SagaEvent event);
    }

    /** Waits for a durable timer. */
    interface Waiter {
        /** Returns at or after {@code due}. */
        void waitUntil(Instant due) throws InterruptedException;
    }

    private final Invoker invoker;
    private final Log log;
    private final Clock clock;
    private final Waiter waiter;

    SagaOrchestrator(Invoker invoker, Log log, Clock clock, Waiter waiter) {
        this.invoker = invoker;
        this.log = log;
        this.clock = clock;
        this.waiter = waiter;
    }

    /** Runs {@code progress} until it ended and returns how; a log that fails stops it (resume from the durable events). */
    SagaOutcome run(SagaProgress progress) throws InterruptedException {
        while (true) {
            SagaAction action = progress.next(clock.instant());
            if (action instanceof Done done) {
                return done.outcome();
            } else if (action instanceof End end) {
                record(progress, new SagaEnded(end.outcome(), clock.instant()));
            } else if (action instanceof GiveUp giveUp) {
                record(progress, new SagaEvent.SagaFailed(giveUp.step(), clock.instant(), giveUp.code(), giveUp.message()));
            } else if (action instanceof RunStep run) {
                step(progress, run);
            } else if (action instanceof Compensate compensate) {
                compensate(progress, compensate);
            }
        }
    }

    private void step(SagaProgress progress, RunStep run) throws InterruptedException {
        if (run.due() != null) {
            waiter.waitUntil(run.due());
        }
        record(progress, new StepStarted(run.step(), run.attempt(), clock.instant()));
        Outcome outcome = attempt(progress, run.step(), false, run.attempt());
        Failure failure = outcome.failure();
        record(progress, failure == null ? new StepCompleted(run.step(), run.attempt(), clock.instant(), outcome.artifacts())
                : new StepFailed(run.step(), run.attempt(), clock.instant(), failure.code(), failure.message()));
    }

    private void compensate(SagaProgress progress, Compensate run) throws InterruptedException {
        if (run.due() != null) {
            waiter.waitUntil(run.due());
        }
        record(progress, new CompensationStarted(run.step(), run.attempt(), clock.instant()));
        Failure failure = attempt(progress, run.step(), true, run.attempt()).failure();
        record(progress, failure == null ? new CompensationCompleted(run.step(), run.attempt(), clock.instant())
                : new CompensationFailed(run.step(), run.attempt(), clock.instant(), failure.code(), failure.message()));
    }

    /** Builds the payload and runs the attempt; a payload that cannot be built is the attempt's failure. */
    private Outcome attempt(SagaProgress progress, int step, boolean compensation, int attempt) {
        Json payload;
        try {
            payload = progress.payload(step, compensation);
        } catch (IntentException e) {
            return Outcome.failed(e.code(), e.getMessage());
        }
        return invoker.invoke(progress.definition().steps().get(step), compensation, attempt, payload);
    }

    private void record(SagaProgress progress, SagaEvent event) {
        log.append(event);
        progress.apply(event);
    }
}
