package org.symphainy.runtime.internal.kernel.saga;

/** How a saga ended. */
public enum SagaOutcome {
    /** Every step completed. */
    COMPLETED,
    /** A step failed for good and every completed step was compensated, in reverse order. */
    COMPENSATED,
    /** A compensation failed for good: the steps it and those before it did are not undone; an operator must act. */
    COMPENSATION_FAILED
}
