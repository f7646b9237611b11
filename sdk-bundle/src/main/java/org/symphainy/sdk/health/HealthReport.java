package org.symphainy.sdk.health;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.symphainy.sdk.internal.Checks;
import org.symphainy.sdk.registry.RefusedHandler;

/**
 * The health of the deployed intents at one moment.
 *
 * @param at when the report was made
 * @param window how far back execution counts reach: executions that ended in {@code (at - window, at]}
 * @param countedAt when the Runtime was last looked at (the counts are as of then); null if never
 * @param observedSince since when the Nurse has been counting; when later than {@code at - window}, the counts cover
 *        only part of the window. Null if it has not counted yet
 * @param registryAvailable true if an intent registry (the Curator) answered; readiness is {@link Readiness#UNKNOWN}
 *        otherwise
 * @param runtimeAvailable true if the Runtime was available at the last look; counts are absent otherwise
 * @param notices in words, what the report cannot tell and why (a missing service, partial counts); empty if none
 * @param intents every intent type declared by an active bundle or that ran in the window, ordered by type
 * @param refusals handlers the Curator registered but did not admit, with the reason
 */
public record HealthReport(Instant at, Duration window, Instant countedAt, Instant observedSince,
        boolean registryAvailable, boolean runtimeAvailable, List<String> notices, List<IntentStatus> intents,
        List<RefusedHandler> refusals) {

    /** Checks every value and copies the lists. */
    public HealthReport {
        Checks.present("at", at);
        Checks.present("window", window);
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("window is " + window + "; it must be positive");
        }
        notices = Checks.list("notices", notices);
        intents = Checks.list("intents", intents);
        refusals = Checks.list("refusals", refusals);
    }

    /** True if the registry and the Runtime are available and every intent type is ready. */
    public boolean healthy() {
        return registryAvailable && runtimeAvailable && intents.stream().allMatch(intent -> intent.readiness() == Readiness.READY);
    }
}
