package org.symphainy.trafficcop.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.symphainy.sdk.identity.Principal;
import org.symphainy.sdk.identity.Session;

class SessionStoreTest {

    private static final Instant START = Instant.parse("2026-01-05T09:00:00Z");
    private static final Principal ALICE = new Principal("acme", "alice", Set.of("admin"), "api-key");
    private static final Principal BOB = new Principal("acme", "bob", Set.of(), "jwt");

    private final MutableClock clock = new MutableClock(START);

    @Test
    void opensFindsAndRevokes() {
        SessionStore store = store(SessionPolicy.DEFAULTS);

        Session session = store.open(ALICE);

        assertEquals(ALICE, session.principal());
        assertEquals(START, session.openedAt());
        assertEquals(START.plus(Duration.ofHours(8)), session.expiresAt());
        assertEquals(Optional.of(session), store.find(session.id()));
        assertTrue(store.revoke(session.id()));
        assertEquals(Optional.empty(), store.find(session.id()));
        assertFalse(store.revoke(session.id()), "a second revocation finds no active session");
        assertEquals(0, store.size());
    }

    @Test
    void findsNothingForIdsItDidNotIssue() {
        SessionStore store = store(SessionPolicy.DEFAULTS);
        String id = store.open(ALICE).id();

        assertEquals(Optional.empty(), store.find(null));
        assertEquals(Optional.empty(), store.find(""));
        assertEquals(Optional.empty(), store.find("bench-session"));
        assertEquals(Optional.empty(), store.find(id.substring(0, id.length() - 1) + (id.endsWith("A") ? "B" : "A")));
        assertFalse(store.revoke("bench-session"));
        assertTrue(store.find(id).isPresent());
    }

    @Test
    void aSessionExpiresAtItsLifetimeHoweverActive() {
        SessionStore store = store(policy(Duration.ofMinutes(60), Duration.ofMinutes(30), 100));
        String id = store.open(ALICE).id();

        for (int i = 0; i < 5; i++) {
            clock.advance(Duration.ofMinutes(11));
            assertTrue(store.find(id).isPresent(), "used every 11 minutes, so never idle; at minute " + (i + 1) * 11);
        }
        clock.advance(Duration.ofMinutes(5).minusMillis(1));
        assertTrue(store.find(id).isPresent(), "a millisecond before its hour");
        clock.advance(Duration.ofMillis(1));
        assertEquals(Optional.empty(), store.find(id), "its hour is over");
        assertFalse(store.revoke(id), "an expired session is not active, so there is nothing to revoke");
    }

    @Test
    void anUnusedSessionEndsAfterTheIdleTimeout() {
        SessionStore store = store(policy(Duration.ofHours(8), Duration.ofMinutes(30), 100));
        String used = store.open(ALICE).id();
        String unused = store.open(ALICE).id();

        clock.advance(Duration.ofMinutes(29));
        assertTrue(store.find(used).isPresent());
        clock.advance(Duration.ofMinutes(2));

        assertEquals(Optional.empty(), store.find(unused), "unused for 31 minutes");
        assertTrue(store.find(used).isPresent(), "used 2 minutes ago");
        clock.advance(Duration.ofMinutes(30));
        assertEquals(Optional.empty(), store.find(used), "unused for 30 minutes");
    }

    @Test
    void anIdleTimeoutOfZeroIsNone() {
        SessionStore store = store(policy(Duration.ofHours(8), Duration.ZERO, 100));
        String id = store.open(ALICE).id();

        clock.advance(Duration.ofHours(7));

        assertTrue(store.find(id).isPresent());
    }

    @Test
    void aShorterIdleTimeoutAppliesToOpenSessionsAtOnce() {
        SessionStore store = store(policy(Duration.ofHours(8), Duration.ofMinutes(30), 100));
        String id = store.open(ALICE).id();
        clock.advance(Duration.ofMinutes(10));

        store.policy(policy(Duration.ofHours(8), Duration.ofMinutes(5), 100));

        assertEquals(Optional.empty(), store.find(id));
    }

    @Test
    void sweepingRemovesEndedSessionsOnly() {
        SessionStore store = store(policy(Duration.ofMinutes(60), Duration.ofMinutes(30), 100));
        String expiring = store.open(ALICE).id();
        clock.advance(Duration.ofMinutes(40));
        String fresh = store.open(ALICE).id();
        String bobs = store.open(BOB).id();
        clock.advance(Duration.ofMinutes(25));
        assertTrue(store.find(bobs).isPresent());

        assertEquals(3, store.size(), "nothing removes an ended session before a sweep");
        assertEquals(1, store.sweep());

        assertEquals(2, store.size());
        assertEquals(Optional.empty(), store.find(expiring));
        assertTrue(store.find(fresh).isPresent());
        clock.advance(Duration.ofMinutes(31));
        assertEquals(2, store.sweep(), "both idle for more than 30 minutes now");
        assertEquals(0, store.size());
    }

    @Test
    void openingOneTooManyEndsThePrincipalsOldest() {
        SessionStore store = store(policy(Duration.ofHours(8), Duration.ofMinutes(30), 3));
        List<String> alices = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            alices.add(store.open(ALICE).id());
            clock.advance(Duration.ofSeconds(1));
        }
        String bobs = store.open(BOB).id();
        Principal aliceByJwt = new Principal("acme", "alice", Set.of(), "jwt");

        String newest = store.open(aliceByJwt).id();

        assertEquals(Optional.empty(), store.find(alices.get(0)), "the oldest of alice's sessions ended");
        assertTrue(store.find(alices.get(1)).isPresent());
        assertTrue(store.find(alices.get(2)).isPresent());
        assertTrue(store.find(newest).isPresent());
        assertTrue(store.find(bobs).isPresent(), "another principal's sessions do not count");
        assertEquals(4, store.size());
    }

    @Test
    void theCapEndsEndedSessionsBeforeActiveOnes() {
        SessionStore store = store(policy(Duration.ofHours(8), Duration.ofMinutes(30), 2));
        String oldest = store.open(ALICE).id();
        clock.advance(Duration.ofMinutes(20));
        String idle = store.open(ALICE).id();
        clock.advance(Duration.ofMinutes(5));
        assertTrue(store.find(oldest).isPresent());
        clock.advance(Duration.ofMinutes(26));

        String newest = store.open(ALICE).id();

        assertTrue(store.find(oldest).isPresent(), "the oldest is still in use; the idle one made room");
        assertTrue(store.find(newest).isPresent());
        assertEquals(Optional.empty(), store.find(idle));
        assertEquals(2, store.size());
    }

    @Test
    void aLowerCapAppliesAtTheNextOpen() {
        SessionStore store = store(policy(Duration.ofHours(8), Duration.ofMinutes(30), 5));
        for (int i = 0; i < 5; i++) {
            store.open(ALICE);
        }

        store.policy(policy(Duration.ofHours(8), Duration.ofMinutes(30), 2));
        store.open(ALICE);

        assertEquals(2, store.size());
    }

    @Test
    void aNewLifetimeAppliesToSessionsOpenedFromThenOn() {
        SessionStore store = store(policy(Duration.ofHours(8), Duration.ZERO, 100));
        Session before = store.open(ALICE);

        store.policy(policy(Duration.ofHours(1), Duration.ZERO, 100));
        Session after = store.open(ALICE);
        clock.advance(Duration.ofHours(2));

        assertEquals(START.plus(Duration.ofHours(1)), after.expiresAt());
        assertTrue(store.find(before.id()).isPresent());
        assertEquals(Optional.empty(), store.find(after.id()));
    }

    @Test
    void concurrentOpeningKeepsTheCapAndTheIndexTogether() throws Exception {
        SessionStore store = store(policy(Duration.ofHours(8), Duration.ofMinutes(30), 50));
        ExecutorService threads = Executors.newFixedThreadPool(8);
        List<Future<List<String>>> opened = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            opened.add(threads.submit(() -> {
                List<String> ids = new ArrayList<>();
                for (int i = 0; i < 500; i++) {
                    String id = store.open(ALICE).id();
                    store.find(id);
                    ids.add(id);
                }
                return ids;
            }));
        }
        List<String> all = new ArrayList<>();
        for (Future<List<String>> ids : opened) {
            all.addAll(ids.get()); // every thread done before counting: a count while others still open would be stale
        }
        int active = 0;
        for (String id : all) {
            active += store.find(id).isPresent() ? 1 : 0;
        }
        threads.shutdown();
        assertTrue(threads.awaitTermination(10, TimeUnit.SECONDS));

        assertEquals(50, active);
        assertEquals(50, store.size());
        clock.advance(Duration.ofHours(9));
        assertEquals(50, store.sweep(), "every stored session was in the principal's index");
    }

    @Test
    void sessionsOfTheSamePrincipalHaveDifferentIds() {
        SessionStore store = store(SessionPolicy.DEFAULTS);

        assertNotEquals(store.open(ALICE).id(), store.open(ALICE).id());
    }

    private SessionStore store(SessionPolicy policy) {
        return new SessionStore(clock, new SessionTokens(new SecureRandom()), policy);
    }

    private static SessionPolicy policy(Duration ttl, Duration idle, int cap) {
        return new SessionPolicy(ttl, idle, cap, Duration.ofMinutes(1));
    }
}
