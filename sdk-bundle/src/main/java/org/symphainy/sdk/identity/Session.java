package org.symphainy.sdk.identity;

import java.time.Instant;

import org.symphainy.sdk.internal.Checks;

/**
 * A session the Traffic Cop opened for a principal: intents name it, and every stage of the pipeline sees its principal.
 *
 * @param id the session's id (the token a client sends; unguessable)
 * @param principal who the session acts for
 * @param openedAt when it was opened
 * @param expiresAt when it stops being accepted
 */
public record Session(String id, Principal principal, Instant openedAt, Instant expiresAt) {

    /** Checks every value. */
    public Session {
        Checks.id("id", id);
        Checks.present("principal", principal);
        Checks.present("openedAt", openedAt);
        Checks.present("expiresAt", expiresAt);
        if (!expiresAt.isAfter(openedAt)) {
            throw new IllegalArgumentException("session " + id + " expires at " + expiresAt + ", not after it opened ("
                    + openedAt + ")");
        }
    }

    /** True if the session is accepted at {@code instant}: opened and not yet expired. */
    public boolean activeAt(Instant instant) {
        return !instant.isBefore(openedAt) && instant.isBefore(expiresAt);
    }
}
