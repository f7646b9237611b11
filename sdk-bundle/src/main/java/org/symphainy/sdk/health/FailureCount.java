package org.symphainy.sdk.health;

import org.symphainy.sdk.intent.ErrorCode;
import org.symphainy.sdk.internal.Checks;

/**
 * How many failed executions in the window failed with one code.
 *
 * @param code the failure code
 * @param count how many, 1 or more
 */
public record FailureCount(ErrorCode code, long count) {

    /** Checks every value. */
    public FailureCount {
        Checks.present("code", code);
        if (count < 1) {
            throw new IllegalArgumentException("count is " + count + "; a failure count is 1 or more");
        }
    }
}
