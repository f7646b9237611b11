package org.symphainy.sdk.runtime;

import java.time.Instant;

import org.symphainy.sdk.internal.Checks;

/**
 * The Runtime's acknowledgement of a submitted intent: its acceptance is durable in the write-ahead log.
 *
 * @param executionId the execution that will carry the intent out
 * @param acceptedAt when the Runtime accepted it (for a duplicate: when it accepted the first)
 * @param duplicate true if the tenant's idempotency key had already been used for the same intent, so this is that
 *        first execution and nothing new was started
 */
public record Submission(String executionId, Instant acceptedAt, boolean duplicate) {

    /** Checks every value. */
    public Submission {
        Checks.id("executionId", executionId);
        Checks.present("acceptedAt", acceptedAt);
    }
}
