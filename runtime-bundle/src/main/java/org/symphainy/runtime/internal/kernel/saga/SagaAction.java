package org.symphainy.runtime.internal.kernel.saga;

import java.time.Instant;

import org.symphainy.sdk.intent.ErrorCode;

/** What a saga does next, as its {@link SagaProgress} says. */
public sealed interface SagaAction {

    /** Run attempt {@code attempt} of step {@code step}, not before {@code due} (null: at once). */
    record RunStep(int step, int attempt, Instant due) implements SagaAction {
    }

    /** Step {@code step} failed for good, or the saga timed out: record SagaFailed with {@code code} and compensate. */
    record GiveUp(int step, ErrorCode code, String message) implements SagaAction {
    }

    /** Run attempt {@code attempt} of the compensation of step {@code step}, not before {@code due} (null: at once). */
    record Compensate(int step, int attempt, Instant due) implements SagaAction {
    }

    /** Record the end. */
    record End(SagaOutcome outcome) implements SagaAction {
    }

    /** It ended; nothing to do. */
    record Done(SagaOutcome outcome) implements SagaAction {
    }
}
