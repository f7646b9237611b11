package org.symphainy.sdk.runtime;

import java.time.Instant;

import org.symphainy.sdk.internal.Checks;

/**
 * One line of an execution listing: enough to find an execution, not its contents.
 *
 * @param id the execution id
 * @param intentType the type of its intent
 * @param tenant the tenant
 * @param actor the actor who submitted it
 * @param state where it is
 * @param acceptedAt when it was accepted
 * @param endedAt when it ended; null until then
 */
public record ExecutionSummary(String id, String intentType, String tenant, String actor, ExecutionState state,
        Instant acceptedAt, Instant endedAt) {

    /** Checks every value. */
    public ExecutionSummary {
        Checks.id("id", id);
        Checks.name("intentType", intentType, 2, "content.ingest");
        Checks.id("tenant", tenant);
        Checks.id("actor", actor);
        Checks.present("state", state);
        Checks.present("acceptedAt", acceptedAt);
        if (state.isTerminal() != (endedAt != null)) {
            throw new IllegalArgumentException("execution " + id + " is " + state + ": endedAt must be "
                    + (state.isTerminal() ? "set" : "null"));
        }
    }
}
