package org.symphainy.trafficcop.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.symphainy.sdk.governance.Decision;
import org.symphainy.sdk.governance.Stage;
import org.symphainy.sdk.identity.Principal;
import org.symphainy.sdk.identity.Session;
import org.symphainy.sdk.identity.Sessions;
import org.symphainy.sdk.intent.Intent;
import org.symphainy.sdk.testkit.TestGovernanceContext;

class TrafficCopRoleTest {

    private static final Principal ALICE = new Principal("acme", "alice", Set.of("admin"), "api-key");

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-05T09:00:00Z"));
    private final InMemorySessions sessions = new InMemorySessions(Configs.defaults(), clock);
    private final TrafficCopRole role = new TrafficCopRole(sessions);

    @AfterEach
    void deactivate() {
        sessions.deactivate();
    }

    @Test
    void allowsAnIntentFromTheActiveSessionsPrincipal() {
        Session session = sessions.open(ALICE);

        Decision decision = role.decide(intent(session.id(), "acme", "alice"), TestGovernanceContext.of("ex-42", null));

        assertTrue(decision.allowed(), decision.toString());
        assertEquals(Stage.TRAFFIC_COP, decision.stage());
        assertNull(decision.code());
        assertEquals(List.of("session " + session.id().substring(0, 10) + "... of alice@acme is active; execution ex-42, "
                + "correlation id corr-7"), decision.reasons());
    }

    @Test
    void deniesAnUnknownSessionWithoutEchoingIt() {
        String unknown = new SessionTokens(new SecureRandom()).next();

        Decision decision = role.decide(intent(unknown, "acme", "alice"), TestGovernanceContext.of("ex-1", null));

        assertDenied(Decision.UNAUTHENTICATED, decision);
        assertEquals("session " + unknown.substring(0, 10) + "... is unknown, expired or revoked: open a new session "
                + "(sign in again) and name it in the intent", decision.reasons().get(0));
        assertFalse(decision.reasons().get(0).contains(unknown.substring(10)), "the token must not be echoed");
    }

    @Test
    void deniesAnExpiredSession() {
        Session session = sessions.open(ALICE);
        clock.advance(Duration.ofHours(8));

        assertDenied(Decision.UNAUTHENTICATED, role.decide(intent(session.id(), "acme", "alice"), TestGovernanceContext.of("ex-1", null)));
    }

    @Test
    void deniesAnIdleSession() {
        Session session = sessions.open(ALICE);
        clock.advance(Duration.ofMinutes(30));

        assertDenied(Decision.UNAUTHENTICATED, role.decide(intent(session.id(), "acme", "alice"), TestGovernanceContext.of("ex-1", null)));
    }

    @Test
    void deniesARevokedSession() {
        Session session = sessions.open(ALICE);
        sessions.revoke(session.id());

        assertDenied(Decision.UNAUTHENTICATED, role.decide(intent(session.id(), "acme", "alice"), TestGovernanceContext.of("ex-1", null)));
    }

    @Test
    void deniesASessionThatIsNotAnIdItIssued() {
        Decision decision = role.decide(intent("bench-session", "acme", "alice"), TestGovernanceContext.of("ex-1", null));

        assertDenied(Decision.UNAUTHENTICATED, decision);
        assertTrue(decision.reasons().get(0).startsWith("session bench-sess... is unknown"), decision.toString());
    }

    @Test
    void deniesAnIntentForAnotherTenantNamingBoth() {
        Session session = sessions.open(ALICE);

        Decision decision = role.decide(intent(session.id(), "globex", "alice"), TestGovernanceContext.of("ex-1", null));

        assertDenied(Decision.FORBIDDEN, decision);
        assertEquals("session " + session.id().substring(0, 10) + "... belongs to actor 'alice' in tenant 'acme', but the "
                + "intent names actor 'alice' in tenant 'globex': send intents as the session's principal, or open a "
                + "session for that actor and tenant", decision.reasons().get(0));
    }

    @Test
    void deniesAnIntentForAnotherActorNamingBoth() {
        Session session = sessions.open(ALICE);

        Decision decision = role.decide(intent(session.id(), "acme", "mallory"), TestGovernanceContext.of("ex-1", null));

        assertDenied(Decision.FORBIDDEN, decision);
        assertTrue(decision.reasons().get(0).contains("belongs to actor 'alice' in tenant 'acme', but the intent names "
                + "actor 'mallory' in tenant 'acme'"), decision.toString());
    }

    @Test
    void decidesByItsOwnSessionsNotByThePrincipalTheContextOffers() {
        TestGovernanceContext vouchingForAlice = new TestGovernanceContext("ex-1", Instant.EPOCH, List.of(), Optional.of(ALICE));

        String forged = new SessionTokens(new SecureRandom()).next();

        assertDenied(Decision.UNAUTHENTICATED, role.decide(intent(forged, "acme", "alice"), vouchingForAlice));
    }

    @Test
    void decidesTheSameOverAnySessionsService() {
        Session session = sessions.open(ALICE);
        Sessions foreign = new Sessions() {
            @Override
            public Session open(Principal principal) {
                return sessions.open(principal);
            }

            @Override
            public Optional<Session> find(String sessionId) {
                return sessions.find(sessionId);
            }

            @Override
            public boolean revoke(String sessionId) {
                return sessions.revoke(sessionId);
            }
        };
        TrafficCopRole overForeign = new TrafficCopRole(foreign);

        assertEquals(role.decide(intent(session.id(), "acme", "alice"), TestGovernanceContext.of("ex-1", null)),
                overForeign.decide(intent(session.id(), "acme", "alice"), TestGovernanceContext.of("ex-1", null)));
        assertEquals(role.decide(intent(session.id(), "acme", "bob"), TestGovernanceContext.of("ex-1", null)),
                overForeign.decide(intent(session.id(), "acme", "bob"), TestGovernanceContext.of("ex-1", null)));
        sessions.revoke(session.id());
        assertDenied(Decision.UNAUTHENTICATED, overForeign.decide(intent(session.id(), "acme", "alice"),
                TestGovernanceContext.of("ex-1", null)));
    }

    private static void assertDenied(String code, Decision decision) {
        assertFalse(decision.allowed(), decision.toString());
        assertEquals(Stage.TRAFFIC_COP, decision.stage());
        assertEquals(code, decision.code());
    }

    private static Intent intent(String session, String tenant, String actor) {
        return Intent.builder("content.ingest").tenant(tenant).actor(actor).session(session).correlationId("corr-7").build();
    }
}
