package org.symphainy.sdk.runtime;

import java.time.Instant;
import java.util.List;

import org.symphainy.sdk.intent.Artifact;
import org.symphainy.sdk.intent.RuntimeContext;
import org.symphainy.sdk.internal.Checks;

/**
 * Everything a step's {@link RuntimeContext} gave its handler, as the write-ahead log recorded it: enough to run the
 * handler again anywhere with the same inputs, for replay or, through the test kit, in a unit test.
 *
 * @param executionId the execution
 * @param step the step, 1 for the first
 * @param tenant the tenant
 * @param actor the actor
 * @param attempt the attempt whose result was recorded, 1 for the first
 * @param instant the instant the step's clock was fixed at
 * @param seed the seed of the step's random source
 * @param inputs the step's input artifacts (recorded ones), in order
 */
public record RecordedContext(String executionId, int step, String tenant, String actor, int attempt, Instant instant,
        long seed, List<Artifact> inputs) {

    /** Checks every value and copies the list. */
    public RecordedContext {
        Checks.id("executionId", executionId);
        Checks.atLeast("step", step, 1);
        Checks.id("tenant", tenant);
        Checks.id("actor", actor);
        Checks.atLeast("attempt", attempt, 1);
        Checks.present("instant", instant);
        inputs = Checks.list("inputs", inputs);
        for (int i = 0; i < inputs.size(); i++) {
            if (!inputs.get(i).isRecorded()) {
                throw new IllegalArgumentException("inputs[" + i + "] is not a recorded artifact; inputs always are");
            }
        }
    }
}
