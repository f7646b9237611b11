package org.symphainy.foundations.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.symphainy.sdk.governance.Decision;
import org.symphainy.sdk.governance.IntentDeniedException;
import org.symphainy.sdk.governance.Stage;
import org.symphainy.sdk.intent.ErrorCode;
import org.symphainy.sdk.intent.IntentException;

class ProblemsTest {

    @Test
    void everyCallerCodeHasItsStatusAndStableType() {
        assertMapped(ErrorCode.UNAUTHENTICATED, 401, "unauthenticated");
        assertMapped(ErrorCode.FORBIDDEN, 403, "forbidden");
        assertMapped(ErrorCode.UNKNOWN_TENANT, 403, "unknown-tenant");
        assertMapped(ErrorCode.DENIED, 403, "denied");
        assertMapped(ErrorCode.QUOTA_EXCEEDED, 429, "quota-exceeded");
        assertMapped(ErrorCode.PAYLOAD_INVALID, 422, "payload-invalid");
        assertMapped(ErrorCode.PAYLOAD_MALFORMED, 400, "malformed-json");
        assertMapped(ErrorCode.PAYLOAD_TOO_LARGE, 413, "payload-too-large");
        assertMapped(ErrorCode.IDEMPOTENCY_CONFLICT, 409, "idempotency-conflict");
        assertMapped(ErrorCode.UNKNOWN_INTENT, 422, "unknown-intent");
        assertMapped(ErrorCode.UNKNOWN_EXECUTION, 404, "execution-not-found");
        assertMapped(ErrorCode.RUNTIME_UNAVAILABLE, 503, "runtime-unavailable");
        assertMapped(ErrorCode.HANDLER_UNAVAILABLE, 503, "handler-unavailable");
        assertMapped(ErrorCode.NOT_AWAITING_APPROVAL, 409, "not-awaiting-approval");
        assertMapped(ErrorCode.APPROVAL_REQUIRED, 403, "approval-required");
    }

    @Test
    void unauthenticatedAsksForBearer() {
        Problem problem = Problems.of(new IntentException(ErrorCode.UNAUTHENTICATED, "session expired"));
        assertTrue(problem.headers().get("WWW-Authenticate").startsWith("Bearer"), problem.headers().toString());
    }

    @Test
    void unavailableSaysWhenToRetry() {
        Problem problem = Problems.of(new IntentException(ErrorCode.RUNTIME_UNAVAILABLE, "shutting down"));
        assertEquals("1", problem.headers().get("Retry-After"));
    }

    @Test
    void quotaDenialCarriesDecisionsAndRetryAfterInWholeSeconds() {
        List<Decision> decisions = List.of(Decision.allow(Stage.TRAFFIC_COP, "session ok"),
                Decision.deny(Stage.CITY_MANAGER, Decision.QUOTA_EXCEEDED, "tenant 'acme' is over its rate quota (10/s); "
                        + "retry after 1500 ms"));
        Problem problem = Problems.of(new IntentDeniedException("content.ingest", decisions));
        assertEquals(429, problem.status());
        assertEquals("2", problem.headers().get("Retry-After"));
        assertEquals("QUOTA_EXCEEDED", problem.code());
        assertEquals(decisions, problem.decisions());
        String json = new String(ProblemJson.of(problem), StandardCharsets.UTF_8);
        assertTrue(json.contains("\"type\":\"https://symphainy.org/problems/quota-exceeded\""), json);
        assertTrue(json.contains("\"status\":429"), json);
        assertTrue(json.contains("\"stage\":\"City Manager\""), json);
        assertTrue(json.contains("retry after 1500 ms"), json);
    }

    @Test
    void retryAfterIsAtLeastOneSecondAndOneWithoutAHint() {
        assertEquals(1, Problems.retryAfterSeconds(List.of("retry after 3 ms"), ""));
        assertEquals(1, Problems.retryAfterSeconds(List.of("over quota"), "no hint"));
        assertEquals(86_400, Problems.retryAfterSeconds(List.of("retry after 999999999999 ms"), ""));
    }

    @Test
    void unexpectedErrorsAreOpaqueWithAnIdAndNoCause() {
        Problem problem = ProblemMapper.problemFor(new IllegalStateException("secret internal state at line 42"));
        assertEquals(500, problem.status());
        String json = new String(ProblemJson.of(problem), StandardCharsets.UTF_8);
        assertFalse(json.contains("secret"), json);
        assertFalse(json.contains("IllegalStateException"), json);
        assertTrue(json.contains(problem.errorId()), json);
    }

    @Test
    void problemExceptionsPassThroughUnchanged() {
        Problem problem = Problems.invalidRequest("field 'type' is missing");
        assertEquals(problem, ProblemMapper.problemFor(new ProblemException(problem)));
        assertNull(problem.errorId());
    }

    private static void assertMapped(ErrorCode code, int status, String slug) {
        Problem problem = ProblemMapper.problemFor(new IntentException(code, "because"));
        assertEquals(status, problem.status(), code.name());
        assertEquals(Problem.TYPE_BASE + slug, problem.type(), code.name());
        assertEquals(code.name(), problem.code(), code.name());
    }
}
