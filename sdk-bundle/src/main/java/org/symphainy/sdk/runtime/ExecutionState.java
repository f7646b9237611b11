package org.symphainy.sdk.runtime;

import java.util.Objects;

/**
 * Where an execution is in its lifecycle. It moves {@code ACCEPTED -> RUNNING -> COMPLETED | FAILED}; an accepted
 * execution may also fail before it runs (for example when its handler's bundle was removed). An intent whose policy
 * requires a second principal's approval starts in {@code AWAITING_APPROVAL} and moves to {@code ACCEPTED} when approved,
 * or to {@code FAILED} when rejected or not approved in time. COMPLETED and FAILED are terminal. Recovery after a crash
 * keeps RUNNING executions RUNNING and resumes them, and keeps waiting ones waiting.
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
    FAILED;

    /** True for COMPLETED and FAILED, which never change again. */
    public boolean isTerminal() {
        return this == COMPLETED || this == FAILED;
    }

    /** True if an execution in this state may move to {@code next}. */
    public boolean canMoveTo(ExecutionState next) {
        Objects.requireNonNull(next, "next state is required");
        return switch (this) {
            case AWAITING_APPROVAL -> next == ACCEPTED || next == FAILED;
            case ACCEPTED -> next == RUNNING || next == FAILED;
            case RUNNING -> next == COMPLETED || next == FAILED;
            case COMPLETED, FAILED -> false;
        };
    }
}
