package org.symphainy.runtime.internal.kernel.saga;

import java.time.Instant;
import java.util.List;

import org.symphainy.sdk.intent.Artifact;
import org.symphainy.sdk.intent.ErrorCode;

/**
 * One recorded transition of a saga; a saga's state is the fold of its events ({@link SagaProgress}). Steps are
 * numbered from 0 in the definition's order. Each maps to one WAL record of the parent execution.
 */
public sealed interface SagaEvent {

    /** When it was recorded. */
    Instant at();

    /** An attempt of step {@code step} began. */
    record StepStarted(int step, int attempt, Instant at) implements SagaEvent {
    }

    /** The attempt completed with {@code artifacts}, which later steps' payloads may read. */
    record StepCompleted(int step, int attempt, Instant at, List<Artifact> artifacts) implements SagaEvent {
        public StepCompleted {
            artifacts = List.copyOf(artifacts);
        }
    }

    /** The attempt failed; whether it is retried follows from the step's retry policy. */
    record StepFailed(int step, int attempt, Instant at, ErrorCode code, String message) implements SagaEvent {
    }

    /** Step {@code step} failed for good (its retries exhausted, or a failure that is not retried): compensation begins. */
    record SagaFailed(int step, Instant at, ErrorCode code, String message) implements SagaEvent {
    }

    /** An attempt of the compensation of completed step {@code step} began. */
    record CompensationStarted(int step, int attempt, Instant at) implements SagaEvent {
    }

    /** The compensation of step {@code step} completed. */
    record CompensationCompleted(int step, int attempt, Instant at) implements SagaEvent {
    }

    /** An attempt of the compensation of step {@code step} failed. */
    record CompensationFailed(int step, int attempt, Instant at, ErrorCode code, String message) implements SagaEvent {
    }

    /**
     * Someone asked to cancel the saga ({@code message} says who and why): before its next step it gives up and
     * compensates. Too late once every step completed or compensation began: then it changes nothing.
     */
    record CancelRequested(Instant at, String message) implements SagaEvent {
    }

    /** The saga ended with {@code outcome}. */
    record SagaEnded(SagaOutcome outcome, Instant at) implements SagaEvent {
    }
}
