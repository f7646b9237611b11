package org.symphainy.sdk.runtime;

import java.util.Objects;

/**
 * Where an execution is in its lifecycle. It moves {@code ACCEPTED -> RUNNING -> COMPLETED | FAILED}; an accepted
 * execution may also fail before it runs (for example when its handler's bundle was removed). An intent whose policy
 * requires a second principal's approval starts in {@code AWAITING_APPROVAL} and moves to {@code ACCEPTED} when approved,
 * or to {@code FAILED} when rejected or not approved in time. A saga whose step failed for good (or that was cancelled)
 * moves to {@code COMPENSATING} and ends {@code COMPENSATED}, or {@code COMPENSATION_FAILED} when a compensation failed
 * for good. COMPLETED, FAILED, COMPENSATED and COMPENSATION_FAILED are terminal. Recovery after a crash keeps RUNNING
 * and COMPENSATING executions so and resumes them, and keeps waiting ones waiting. New states may be added in minor
 * versions, so a switch over them needs a default branch.
 */
public enum ExecutionState {
    /**
     * Governed and durably recorded, but held: a governance stage allowed it only once a second principal approves
     * (platform intent {@code platform.execution.approve}).
     */
    AWAITING_APPROVAL,
    /** Governed and durably recorded; not started yet. */
    ACCEPTED,
    /** Its steps are running (or waiting for a retry). */
    RUNNING,
    /** Every step completed; its artifacts are recorded. */
    COMPLETED,
    /** A step failed for good (after retries and compensation); the execution's failure says why. */
    FAILED,
    /** A saga step failed for good, the saga timed out or was cancelled: its completed steps are being compensated. */
    COMPENSATING,
    /** Every completed step of the saga was compensated, in reverse order; the failure says what failed the saga. */
    COMPENSATED,
    /**
     * A compensation failed for good: the steps it and those before it did are not undone, and an operator must act;
     * the failure and the execution's steps say which and why.
     */
    COMPENSATION_FAILED;

    /** True for COMPLETED, FAILED, COMPENSATED and COMPENSATION_FAILED, which never change again. */
    public boolean isTerminal() {
        return this == COMPLETED || this == FAILED || this == COMPENSATED || this == COMPENSATION_FAILED;
    }

    /**
     * True for the states an execution has a failure in: FAILED, and a saga's COMPENSATING, COMPENSATED and
     * COMPENSATION_FAILED (what failed the saga, or who cancelled it).
     */
    public boolean hasFailure() {
        return this == FAILED || this == COMPENSATING || this == COMPENSATED || this == COMPENSATION_FAILED;
    }

    /** True if an execution in this state may move to {@code next}. */
    public boolean canMoveTo(ExecutionState next) {
        Objects.requireNonNull(next, "next state is required");
        return switch (this) {
            case AWAITING_APPROVAL -> next == ACCEPTED || next == FAILED;
            case ACCEPTED -> next == RUNNING || next == FAILED || next == COMPENSATING;
            case RUNNING -> next == COMPLETED || next == FAILED || next == COMPENSATING;
            case COMPENSATING -> next == COMPENSATED || next == COMPENSATION_FAILED;
            case COMPLETED, FAILED, COMPENSATED, COMPENSATION_FAILED -> false;
        };
    }
}
