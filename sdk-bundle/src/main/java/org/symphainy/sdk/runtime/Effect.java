package org.symphainy.sdk.runtime;

import java.time.Instant;

import org.symphainy.sdk.internal.Checks;

/**
 * What a {@link Projection} did with a completed execution outside the log (a bundle installed, a key rotated), as it
 * recorded it in the write-ahead log beside the execution: so the execution tells whether its change took effect, not
 * only that it was decided. The Runtime names who recorded it; the projection says whether the change was applied and
 * how it went.
 *
 * @param by the bundle of the projection that recorded it (its symbolic name)
 * @param at when the Runtime recorded it
 * @param applied true if the change took effect; false if it did not (or was undone), {@code summary} says why
 * @param summary what happened, one line for an operator
 */
public record Effect(String by, Instant at, boolean applied, String summary) {

    /** The longest summary kept; a longer one is cut, ending with "...". */
    public static final int MAX_SUMMARY = 2_000;

    /** Checks every value; a summary longer than {@value #MAX_SUMMARY} characters is cut. */
    public Effect {
        Checks.text("by", by);
        Checks.present("at", at);
        Checks.text("summary", summary);
        if (summary.length() > MAX_SUMMARY) {
            summary = summary.substring(0, MAX_SUMMARY - 3) + "...";
        }
    }
}
