package org.symphainy.sdk.runtime;

import java.time.Instant;
import java.util.List;

import org.symphainy.sdk.intent.Event;
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
 * @param events the events the step's handler returned, in order, on the update of a completed step; else empty
 */
public record ExecutionUpdate(String executionId, long sequence, Instant at, ExecutionState state, Step step,
        Failure failure, List<Event> events) {

    /** An update that carries no events. */
    public ExecutionUpdate(String executionId, long sequence, Instant at, ExecutionState state, Step step, Failure failure) {
        this(executionId, sequence, at, state, step, failure, List.of());
    }

    /** Checks every value; the events are copied. */
    public ExecutionUpdate {
        events = events == null ? List.of() : Checks.list("events", events);
        Checks.id("executionId", executionId);
        if (sequence < 1) {
            throw new IllegalArgumentException("sequence is " + sequence + "; it must be 1 or more");
        }
        Checks.present("at", at);
        Checks.present("state", state);
        if (state.hasFailure() != (failure != null)) {
            throw new IllegalArgumentException("update of execution " + executionId + " is " + state
                    + ": failure must be " + (state.hasFailure() ? "set" : "null"));
        }
    }
}
