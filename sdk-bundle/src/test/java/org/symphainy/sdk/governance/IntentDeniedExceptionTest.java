package org.symphainy.sdk.governance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.symphainy.sdk.intent.ErrorCode;

class IntentDeniedExceptionTest {

    private static final Decision SESSION_OK = Decision.allow(Stage.TRAFFIC_COP, "session s-1 is open");
    private static final Decision NOT_ALLOWED = Decision.deny(Stage.SECURITY_GUARD, "NOT_AUTHORISED",
            "actor bob lacks role content-writer in tenant acme; ask a tenant admin to grant it");

    @Test
    void carriesTheDecisionsAndNamesTheDenialInItsMessage() {
        IntentDeniedException e = new IntentDeniedException("content.ingest", List.of(SESSION_OK, NOT_ALLOWED));

        assertEquals(ErrorCode.DENIED, e.code());
        assertEquals(List.of(SESSION_OK, NOT_ALLOWED), e.decisions());
        assertEquals(NOT_ALLOWED, e.denial());
        assertEquals("intent 'content.ingest' was denied by the Security Guard (NOT_AUTHORISED): actor bob lacks role "
                + "content-writer in tenant acme; ask a tenant admin to grant it", e.getMessage());
    }

    @Test
    void refusesDecisionsThatDoNotEndWithADenial() {
        assertThrows(IllegalArgumentException.class,
                () -> new IntentDeniedException("content.ingest", List.of(SESSION_OK)));
        assertThrows(IllegalArgumentException.class, () -> new IntentDeniedException("content.ingest", List.of()));
    }
}
