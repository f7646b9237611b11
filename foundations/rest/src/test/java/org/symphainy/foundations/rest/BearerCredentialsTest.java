package org.symphainy.foundations.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.symphainy.sdk.identity.AuthenticationException;
import org.symphainy.sdk.identity.Authenticator;
import org.symphainy.sdk.identity.Principal;
import org.symphainy.sdk.identity.Session;
import org.symphainy.sdk.identity.Sessions;

class BearerCredentialsTest {

    private static final String API_KEY = "sk_abc123_verysecretvalue";
    private static final Principal ALICE = new Principal("acme", "alice", Set.of("editor"), "api-key");

    private final FakeSessions sessions = new FakeSessions();
    private final AtomicInteger authentications = new AtomicInteger();
    private final Authenticator authenticator = credential -> {
        authentications.incrementAndGet();
        if (credential.equals(API_KEY)) {
            return ALICE;
        }
        throw new AuthenticationException("the API key is unknown or revoked: ask an administrator for a new one");
    };

    @Test
    void aMissingHeaderIsUnauthenticatedWithoutInvalidToken() {
        Problem problem = problem(() -> BearerCredentials.token(null));
        assertEquals(401, problem.status());
        assertEquals("Bearer realm=\"symphainy\"", problem.headers().get("WWW-Authenticate"));
    }

    @Test
    void onlyTheBearerSchemeIsAccepted() {
        Problem problem = problem(() -> BearerCredentials.token("Basic " + API_KEY));
        assertEquals(401, problem.status());
        assertFalse(problem.detail().contains(API_KEY), problem.detail());
        assertEquals(API_KEY, BearerCredentials.token("bearer  " + API_KEY + " "));
    }

    @Test
    void aTokenWithControlCharactersIsRefusedWithoutEchoingIt() {
        Problem problem = problem(() -> BearerCredentials.token("Bearer sk_\u0001secret"));
        assertEquals(401, problem.status());
        assertTrue(problem.headers().get("WWW-Authenticate").contains("invalid_token"));
        assertFalse(problem.detail().contains("secret"), problem.detail());
    }

    @Test
    void aSessionTokenIsUsedAsItIs() {
        Session session = sessions.open(ALICE);
        Caller caller = credentials(60).caller(session.id());
        assertEquals(ALICE, caller.principal());
        assertEquals(session.id(), caller.sessionId());
        assertEquals(0, authentications.get());
    }

    @Test
    void anUnknownSessionTokenIsUnauthenticatedAndNeverReachesTheAuthenticator() {
        Problem problem = problem(() -> credentials(60).caller("ses_gone"));
        assertEquals(401, problem.status());
        assertFalse(problem.detail().contains("ses_gone"), problem.detail());
        assertEquals(0, authentications.get());
    }

    @Test
    void anApiKeyOpensOneSessionReusedWhileCached() {
        BearerCredentials credentials = credentials(60);
        Caller first = credentials.caller(API_KEY);
        Caller second = credentials.caller(API_KEY);
        assertEquals(ALICE, first.principal());
        assertEquals(first.sessionId(), second.sessionId());
        assertEquals(1, authentications.get());
        assertEquals(1, sessions.opened);
    }

    @Test
    void anExpiredCacheEntryChecksTheCredentialAgain() {
        MutableClock clock = new MutableClock();
        BearerCredentials credentials = new BearerCredentials(() -> sessions, () -> authenticator, clock, 60);
        credentials.caller(API_KEY);
        clock.now = clock.now.plus(61, ChronoUnit.SECONDS);
        credentials.caller(API_KEY);
        assertEquals(2, authentications.get());
    }

    @Test
    void withoutCacheEveryRequestChecksTheCredential() {
        BearerCredentials credentials = credentials(0);
        assertNotEquals(credentials.caller(API_KEY).sessionId(), credentials.caller(API_KEY).sessionId());
        assertEquals(2, authentications.get());
    }

    @Test
    void aRefusedCredentialIsUnauthenticatedWithTheGuardsReasonAndNotTheCredential() {
        Problem problem = problem(() -> credentials(60).caller("sk_wrong_butsecret"));
        assertEquals(401, problem.status());
        assertTrue(problem.detail().contains("unknown or revoked"), problem.detail());
        assertFalse(problem.detail().contains("butsecret"), problem.detail());
        assertEquals("UNAUTHENTICATED", problem.code());
    }

    @Test
    void missingRoleServicesAreServiceUnavailable() {
        BearerCredentials noSessions = new BearerCredentials(() -> null, () -> authenticator, Clock.systemUTC(), 60);
        assertEquals(503, problem(() -> noSessions.caller(API_KEY)).status());
        BearerCredentials noGuard = new BearerCredentials(() -> sessions, () -> null, Clock.systemUTC(), 60);
        Problem problem = problem(() -> noGuard.caller(API_KEY));
        assertEquals(503, problem.status());
        assertEquals("1", problem.headers().get("Retry-After"));
    }

    private BearerCredentials credentials(int cacheSeconds) {
        return new BearerCredentials(() -> sessions, () -> authenticator, Clock.systemUTC(), cacheSeconds);
    }

    private static Problem problem(Runnable action) {
        return assertThrows(ProblemException.class, action::run).problem();
    }

    /** Sessions in a map, as the Traffic Cop keeps them. */
    static final class FakeSessions implements Sessions {
        private final Map<String, Session> byId = new HashMap<>();
        int opened;

        @Override
        public Session open(Principal principal) {
            opened++;
            Instant now = Instant.now();
            Session session = new Session("ses_" + opened + "_" + System.nanoTime(), principal, now,
                    now.plus(1, ChronoUnit.HOURS));
            byId.put(session.id(), session);
            return session;
        }

        @Override
        public Optional<Session> find(String sessionId) {
            return Optional.ofNullable(byId.get(sessionId));
        }

        @Override
        public boolean revoke(String sessionId) {
            return byId.remove(sessionId) != null;
        }
    }

    /** A clock the test moves. */
    static final class MutableClock extends Clock {
        Instant now = Instant.parse("2026-11-25T10:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
