package org.symphainy.trafficcop.internal;

import java.time.Instant;

import org.symphainy.sdk.identity.Principal;
import org.symphainy.sdk.identity.Session;

/**
 * What the store keeps of a session: everything but its id (which only its holder knows), and when it was last used.
 * Immutable except {@link #lastUsedMillis}, which lookups refresh without a lock.
 */
final class StoredSession {

    /** Lookups closer together than this do not refresh the last use (spares a shared write on every intent). */
    static final long TOUCH_GRANULARITY_MILLIS = 1_000;

    private final Principal principal;
    private final Instant openedAt;
    private final Instant expiresAt;
    private final long expiresAtMillis;
    private volatile long lastUsedMillis;

    StoredSession(Principal principal, Instant openedAt, Instant expiresAt) {
        this.principal = principal;
        this.openedAt = openedAt;
        this.expiresAt = expiresAt;
        this.expiresAtMillis = expiresAt.toEpochMilli();
        this.lastUsedMillis = openedAt.toEpochMilli();
    }

    /** Who the session acts for. */
    Principal principal() {
        return principal;
    }

    /** True if the session is still accepted at {@code nowMillis}, with {@code idleMillis} (0: none) of idle timeout. */
    boolean activeAt(long nowMillis, long idleMillis) {
        return nowMillis < expiresAtMillis && (idleMillis == 0 || nowMillis - lastUsedMillis < idleMillis);
    }

    /** Records a use at {@code nowMillis} (to within {@link #TOUCH_GRANULARITY_MILLIS}). */
    void touch(long nowMillis) {
        if (nowMillis - lastUsedMillis >= TOUCH_GRANULARITY_MILLIS) {
            lastUsedMillis = nowMillis;
        }
    }

    /** The session as the SDK shows it, under the id its holder presented. */
    Session toSession(String id) {
        return new Session(id, principal, openedAt, expiresAt);
    }
}
