package org.symphainy.trafficcop.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.symphainy.sdk.identity.Principal;
import org.symphainy.sdk.identity.Session;

/** The component's configuration handling and lifecycle; the sessions themselves are {@link SessionStoreTest}'s. */
class InMemorySessionsTest {

    private static final Principal ALICE = new Principal("acme", "alice", Set.of(), "api-key");

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-05T09:00:00Z"));
    private InMemorySessions sessions;

    @AfterEach
    void deactivate() {
        if (sessions != null) {
            sessions.deactivate();
        }
    }

    @Test
    void startsWithTheConfiguration() {
        sessions = new InMemorySessions(Configs.of(Map.of("sessionTtlMinutes", 60L)), clock);

        Session session = sessions.open(ALICE);

        assertEquals(session.openedAt().plus(Duration.ofHours(1)), session.expiresAt());
        assertEquals(Optional.of(session), sessions.find(session.id()));
        assertTrue(sessions.revoke(session.id()));
    }

    @Test
    void startsWithTheDefaultsIfTheFirstConfigurationIsInvalid() {
        sessions = new InMemorySessions(Configs.of(Map.of("sessionTtlMinutes", -5L, "maxSessionsPerPrincipal", 7)), clock);

        assertEquals(SessionPolicy.DEFAULTS, sessions.store().policy(), "no value of an invalid configuration applies");
    }

    @Test
    void appliesAChangedConfigurationWithoutEndingSessions() {
        sessions = new InMemorySessions(Configs.defaults(), clock);
        Session open = sessions.open(ALICE);

        sessions.modified(Configs.of(Map.of("maxSessionsPerPrincipal", 1, "idleTimeoutMinutes", 0L)));

        assertEquals(1, sessions.store().policy().maxPerPrincipal());
        assertTrue(sessions.find(open.id()).isPresent());
        Session replacing = sessions.open(ALICE);
        assertEquals(Optional.empty(), sessions.find(open.id()), "the cap of 1 is in force");
        assertTrue(sessions.find(replacing.id()).isPresent());
    }

    @Test
    void keepsThePreviousConfigurationIfAChangedOneIsInvalid() {
        sessions = new InMemorySessions(Configs.of(Map.of("maxSessionsPerPrincipal", 5)), clock);
        SessionPolicy previous = sessions.store().policy();
        Session open = sessions.open(ALICE);

        sessions.modified(Configs.of(Map.of("maxSessionsPerPrincipal", 0, "sessionTtlMinutes", 10L)));
        sessions.modified(Configs.of(Map.of("sessionTtlMinutes", new IllegalArgumentException("not a long: 8h"))));

        assertEquals(previous, sessions.store().policy());
        assertEquals(5, sessions.store().policy().maxPerPrincipal());
        assertTrue(sessions.find(open.id()).isPresent());
        assertEquals(Duration.ofHours(8), Duration.between(open.openedAt(), sessions.open(ALICE).expiresAt()));
    }

    @Test
    void theSweeperIsADaemonThreadThatStopsOnDeactivation() {
        sessions = new InMemorySessions(Configs.defaults(), clock);

        Thread sweeper = Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().equals("symphainy-traffic-cop-sweeper")).findFirst().orElseThrow();
        assertTrue(sweeper.isDaemon());

        sessions.deactivate();
        assertTrue(sessions.sweeper().stopped());
        sessions = null;
    }
}
