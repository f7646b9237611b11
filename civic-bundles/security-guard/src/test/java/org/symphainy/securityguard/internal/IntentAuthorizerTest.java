package org.symphainy.securityguard.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.symphainy.securityguard.internal.TestIntents.context;
import static org.symphainy.securityguard.internal.TestIntents.intent;
import static org.symphainy.securityguard.internal.TestIntents.principal;

import org.junit.jupiter.api.Test;
import org.symphainy.sdk.governance.Decision;
import org.symphainy.sdk.governance.Stage;

class IntentAuthorizerTest {

    private final IntentAuthorizer authorizer;

    IntentAuthorizerTest() throws InputRejected {
        authorizer = new IntentAuthorizer(GrantTable.parse(new String[] {"content-editor=content.*,insights.analyze"}));
    }

    @Test
    void noSessionPrincipalIsUnauthenticated() {
        Decision decision = authorizer.decide(intent("content.ingest", "acme", "alice"), context(null));

        assertFalse(decision.allowed());
        assertEquals(Stage.SECURITY_GUARD, decision.stage());
        assertEquals(Decision.UNAUTHENTICATED, decision.code());
        assertEquals("the intent's session is unknown, expired or revoked: sign in again", decision.reasons().get(0));
    }

    @Test
    void anotherTenantIsForbiddenNamingBoth() {
        Decision decision = authorizer.decide(intent("content.ingest", "globex", "alice"),
                context(principal("acme", "alice", "admin")));

        assertEquals(Decision.FORBIDDEN, decision.code());
        String reason = decision.reasons().get(0);
        assertTrue(reason.contains("tenant 'globex'") && reason.contains("tenant 'acme'"), reason);
    }

    @Test
    void anotherActorIsForbiddenNamingBoth() {
        Decision decision = authorizer.decide(intent("content.ingest", "acme", "bob"),
                context(principal("acme", "alice", "admin")));

        assertEquals(Decision.FORBIDDEN, decision.code());
        String reason = decision.reasons().get(0);
        assertTrue(reason.contains("actor 'bob'") && reason.contains("actor 'alice'"), reason);
    }

    @Test
    void anUngrantedTypeIsForbiddenNamingActorRolesTypeAndTheConfiguration() {
        Decision decision = authorizer.decide(intent("operations.plan", "acme", "alice"),
                context(principal("acme", "alice", "content-editor", "viewer")));

        assertEquals(Decision.FORBIDDEN, decision.code());
        String reason = decision.reasons().get(0);
        assertTrue(reason.startsWith("actor 'alice' in tenant 'acme' with roles [content-editor, viewer] may not "
                + "submit intent 'operations.plan'"), reason);
        assertTrue(reason.contains("roles that do: [admin]"), reason);
        assertTrue(reason.contains("'grants' of configuration org.symphainy.securityguard"), reason);
    }

    @Test
    void aGrantedTypeIsAllowedNamingThePrincipalAndTheGrant() {
        Decision decision = authorizer.decide(intent("content.ingest", "acme", "alice"),
                context(principal("acme", "alice", "content-editor")));

        assertTrue(decision.allowed());
        assertNull(decision.code());
        assertEquals("alice@acme may submit content.ingest: role 'content-editor' grants 'content.*'",
                decision.reasons().get(0));
    }

    @Test
    void adminIsAllowedEverything() {
        Decision decision = authorizer.decide(intent("platform.deploy", "system", "admin"),
                context(principal("system", "admin", "admin")));

        assertTrue(decision.allowed());
        assertEquals("admin@system may submit platform.deploy: role 'admin' grants '*'", decision.reasons().get(0));
    }
}
