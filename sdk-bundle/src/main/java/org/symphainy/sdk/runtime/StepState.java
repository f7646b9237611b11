package org.symphainy.sdk.runtime;

/** Where a step is: running (an attempt in progress or a retry pending), completed, or failed for good. */
public enum StepState {
    /** An attempt is running, or the next one waits for its retry. */
    RUNNING,
    /** An attempt returned a result, now recorded. */
    COMPLETED,
    /** Every attempt failed, or the failure was not retryable; the step's failure says why. */
    FAILED;

    /** True for COMPLETED and FAILED. */
    public boolean isTerminal() {
        return this != RUNNING;
    }
}
