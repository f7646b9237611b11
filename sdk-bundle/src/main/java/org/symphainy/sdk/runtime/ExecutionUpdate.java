package org.symphainy.sdk.runtime;

import java.time.Instant;

import org.symphainy.sdk.internal.Checks;

/**
 * A change to an execution, as a subscriber receives it: the execution's state after the change and, when a step
 * changed, that step. Sequence numbers count each execution's updates from 1 without gaps, so a subscriber can tell
 * whether it missed one.
 *
 * @param executionId the execution
 * @param sequence this update's number within the execution, 1 for the first
 * @param at when the change was recorded
 * @param state the execution's state after the change
 * @param step the step that changed; null if the change was the execution's own
 * @param failure why the execution failed; null unless its state is FAILED
 */
public record ExecutionUpdate(String executionId, long sequence, Instant at, ExecutionState state, Step step,
        Failure failure) {

    /** Checks every value. */
    public ExecutionUpdate {
        Checks.id("executionId", executionId);
        if (sequence < 1) {
            throw new IllegalArgumentException("sequence is " + sequence + "; it must be 1 or more");
        }
        Checks.present("at", at);
        Checks.present("state", state);
        if ((state == ExecutionState.FAILED) != (failure != null)) {
            throw new IllegalArgumentException("update of execution " + executionId + " is " + state
                    + ": failure must be " + (state == ExecutionState.FAILED ? "set" : "null"));
        }
    }
}
