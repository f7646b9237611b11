package org.symphainy.trafficcop.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.symphainy.sdk.identity.Principal;
import org.symphainy.sdk.identity.Session;
import org.symphainy.trafficcop.internal.SessionTokens.TokenDigest;

/**
 * The sessions, in memory, under the {@link SessionPolicy} in force. Lookups (for every intent: {@link #find} by the
 * Runtime, {@link #active} by the Traffic Cop stage) take no lock: a concurrent hash map keyed by the id's SHA-256. Opening, revoking and sweeping take one lock, which
 * also guards the per-principal index that caps how many sessions a principal holds. Invariant under that lock: every
 * stored session is in exactly one principal's queue, oldest first.
 *
 * <p>A new lifetime ({@code sessionTtlMinutes}) applies to sessions opened from then on; a new idle timeout and cap apply
 * to every session at once.
 */
final class SessionStore {

    private static final Logger LOG = LoggerFactory.getLogger("org.symphainy.trafficcop");
    private static final long CAP_INFO_INTERVAL_MILLIS = 60_000;

    private final Clock clock;
    private final SessionTokens tokens;
    private final ConcurrentHashMap<TokenDigest, StoredSession> sessions = new ConcurrentHashMap<>();
    private final Map<Owner, ArrayDeque<TokenDigest>> byOwner = new HashMap<>();
    private volatile SessionPolicy policy;
    private volatile long lastCapInfoMillis = Long.MIN_VALUE / 2;

    /** An empty store reading the time from {@code clock}, making ids with {@code tokens}. */
    SessionStore(Clock clock, SessionTokens tokens, SessionPolicy policy) {
        this.clock = clock;
        this.tokens = tokens;
        this.policy = policy;
    }

    /** The policy in force. */
    SessionPolicy policy() {
        return policy;
    }

    /** Puts {@code policy} in force. */
    void policy(SessionPolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    /** Opens a session for {@code principal}; if it already holds the most allowed, its oldest ends. */
    Session open(Principal principal) {
        Objects.requireNonNull(principal, "principal is required: open a session for the principal the Authenticator proved");
        SessionPolicy current = policy;
        Instant now = Instant.ofEpochMilli(clock.millis());
        String id = tokens.next();
        TokenDigest digest = SessionTokens.digest(id);
        StoredSession stored = new StoredSession(principal, now, now.plus(current.ttl()));
        int ended;
        synchronized (byOwner) {
            ArrayDeque<TokenDigest> held = byOwner.computeIfAbsent(Owner.of(principal), owner -> new ArrayDeque<>());
            ended = makeRoom(held, current, now.toEpochMilli());
            held.addLast(digest);
            sessions.put(digest, stored);
        }
        if (ended > 0) {
            capReached(principal, current.maxPerPrincipal(), ended, now.toEpochMilli());
        }
        Session session = stored.toSession(id);
        LOG.debug("opened session {} for {}, accepted until {}", SessionTokens.shortForm(id), principal,
                session.expiresAt());
        return session;
    }

    /** The session {@code id} names if it is active now; a hit counts as a use for the idle timeout. */
    Optional<Session> find(String id) {
        StoredSession stored = active(id);
        return stored == null ? Optional.empty() : Optional.of(stored.toSession(id));
    }

    /** The stored session {@code id} names if it is active now, else null; a hit counts as a use. */
    StoredSession active(String id) {
        if (!SessionTokens.wellFormed(id)) {
            return null;
        }
        StoredSession stored = sessions.get(SessionTokens.digest(id));
        long now = clock.millis();
        if (stored == null || !stored.activeAt(now, policy.idleTimeout().toMillis())) {
            return null;
        }
        stored.touch(now);
        return stored;
    }

    /** Ends the session {@code id} names at once; false if no active session has this id. */
    boolean revoke(String id) {
        if (!SessionTokens.wellFormed(id)) {
            return false;
        }
        TokenDigest digest = SessionTokens.digest(id);
        StoredSession removed;
        synchronized (byOwner) {
            removed = sessions.remove(digest);
            if (removed == null) {
                return false;
            }
            Owner owner = Owner.of(removed.principal());
            ArrayDeque<TokenDigest> held = byOwner.get(owner);
            held.remove(digest);
            if (held.isEmpty()) {
                byOwner.remove(owner);
            }
        }
        LOG.debug("revoked session {} of {}", SessionTokens.shortForm(id), removed.principal());
        return removed.activeAt(clock.millis(), policy.idleTimeout().toMillis());
    }

    /** Removes every session that has ended (expired, idle too long); returns how many. */
    int sweep() {
        long now = clock.millis();
        long idle = policy.idleTimeout().toMillis();
        int removed = 0;
        synchronized (byOwner) {
            for (Iterator<ArrayDeque<TokenDigest>> owners = byOwner.values().iterator(); owners.hasNext();) {
                ArrayDeque<TokenDigest> held = owners.next();
                int before = held.size();
                held.removeIf(digest -> endedAt(digest, now, idle));
                removed += before - held.size();
                if (held.isEmpty()) {
                    owners.remove();
                }
            }
        }
        return removed;
    }

    /** How many sessions are stored, ended ones not yet swept included. */
    int size() {
        return sessions.size();
    }

    /** Logs that the cap ended sessions: at INFO once a minute at most (a client may do it on every sign-in), else DEBUG. */
    private void capReached(Principal principal, int cap, int ended, long now) {
        long last = lastCapInfoMillis;
        boolean info = now - last >= CAP_INFO_INTERVAL_MILLIS;
        if (info) {
            lastCapInfoMillis = now;
        }
        String message = "{} reached maxSessionsPerPrincipal ({}): its {} oldest session(s) ended to open a new one; if a "
                + "client signs in for every request, make it keep and reuse its session";
        if (info) {
            LOG.info(message, principal, cap, ended);
        } else {
            LOG.debug(message, principal, cap, ended);
        }
    }

    /** Under the lock: ends sessions of {@code held} until one more fits; returns how many active ones it ended. */
    private int makeRoom(ArrayDeque<TokenDigest> held, SessionPolicy current, long now) {
        long idle = current.idleTimeout().toMillis();
        if (held.size() >= current.maxPerPrincipal()) {
            held.removeIf(digest -> endedAt(digest, now, idle));
        }
        int ended = 0;
        while (held.size() >= current.maxPerPrincipal()) {
            sessions.remove(held.pollFirst());
            ended++;
        }
        return ended;
    }

    /** Under the lock: true (and the session removed) if the session filed under {@code digest} has ended. */
    private boolean endedAt(TokenDigest digest, long now, long idle) {
        StoredSession stored = sessions.get(digest);
        if (stored != null && stored.activeAt(now, idle)) {
            return false;
        }
        sessions.remove(digest);
        return true;
    }

    /** Whose sessions the cap counts together: an actor in a tenant, whatever its roles or how it signed in. */
    private record Owner(String tenant, String actor) {
        static Owner of(Principal principal) {
            return new Owner(principal.tenant(), principal.actor());
        }
    }
}
