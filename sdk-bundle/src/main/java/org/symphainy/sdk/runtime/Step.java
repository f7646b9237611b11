package org.symphainy.sdk.runtime;

import java.time.Instant;
import java.util.List;

import org.symphainy.sdk.intent.HandlerRef;
import org.symphainy.sdk.internal.Checks;

/**
 * One handler invocation within an execution: a single-intent execution has one step, a saga one per intent it runs
 * and one per compensation it ran (numbered after its steps, in the order they ran).
 *
 * @param number the step's number, 1 for the first
 * @param intentType the type of the intent the step serves
 * @param handler the handler the step runs
 * @param state where the step is
 * @param attempts how many attempts have started, 1 or more
 * @param context what the handler was given in its latest attempt
 * @param startedAt when the first attempt started
 * @param endedAt when the step completed or failed; null while running
 * @param artifactIds the ids of the artifacts the step produced, in order; empty unless completed
 * @param failure why the step failed; null unless failed
 * @param name the step's name in its saga (a compensation has the name of the step it undoes); null for the step of
 *        a single-intent execution
 * @param compensation true if this is the compensation of the saga step {@code name}, not the step itself
 */
public record Step(int number, String intentType, HandlerRef handler, StepState state, int attempts,
        RecordedContext context, Instant startedAt, Instant endedAt, List<String> artifactIds, Failure failure,
        String name, boolean compensation) {

    /** The step of a single-intent execution: no saga step name, not a compensation. */
    public Step(int number, String intentType, HandlerRef handler, StepState state, int attempts,
            RecordedContext context, Instant startedAt, Instant endedAt, List<String> artifactIds, Failure failure) {
        this(number, intentType, handler, state, attempts, context, startedAt, endedAt, artifactIds, failure, null, false);
    }

    /** Checks every value and the rules between them. */
    public Step {
        Checks.atLeast("number", number, 1);
        Checks.name("intentType", intentType, 2, "content.ingest");
        Checks.present("handler", handler);
        Checks.present("state", state);
        Checks.atLeast("attempts", attempts, 1);
        Checks.present("context", context);
        Checks.present("startedAt", startedAt);
        artifactIds = Checks.list("artifactIds", artifactIds);
        if (state.isTerminal() != (endedAt != null)) {
            throw new IllegalArgumentException("step " + number + " is " + state + ": endedAt must be "
                    + (state.isTerminal() ? "set" : "null"));
        }
        if ((state == StepState.FAILED) != (failure != null)) {
            throw new IllegalArgumentException("step " + number + " is " + state + ": failure must be "
                    + (state == StepState.FAILED ? "set" : "null"));
        }
    }
}
