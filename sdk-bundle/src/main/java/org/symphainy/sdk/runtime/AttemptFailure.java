package org.symphainy.sdk.runtime;

import java.time.Instant;

import org.symphainy.sdk.internal.Checks;

/**
 * One failed attempt of a saga's step or of its compensation, as the write-ahead log recorded it.
 *
 * @param step the step's name
 * @param compensation true if the attempt was of the step's compensation
 * @param attempt the attempt's number, 1 for the first
 * @param at when the failure was recorded
 * @param failure its code and message
 */
public record AttemptFailure(String step, boolean compensation, int attempt, Instant at, Failure failure) {

    /** Checks every value. */
    public AttemptFailure {
        Checks.present("step", step);
        Checks.atLeast("attempt", attempt, 1);
        Checks.present("at", at);
        Checks.present("failure", failure);
    }
}
