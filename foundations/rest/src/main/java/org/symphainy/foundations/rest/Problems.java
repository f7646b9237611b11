package org.symphainy.foundations.rest;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.symphainy.sdk.governance.Decision;
import org.symphainy.sdk.governance.IntentDeniedException;
import org.symphainy.sdk.intent.ErrorCode;
import org.symphainy.sdk.intent.IntentException;

/**
 * The problems the REST APIs answer with, and how the SDK's {@link ErrorCode}s map to HTTP statuses. One place, so every
 * endpoint answers the same code with the same status and type.
 *
 * <p>{@code UNKNOWN_INTENT} is 422, not 404: the endpoint ({@code POST /api/v1/intents}) exists and the request is
 * well-formed; what is unknown is a value inside the body, the intent type, and a 404 would tell a client the URL is
 * wrong. {@code HANDLER_UNAVAILABLE} is 503 with {@code Retry-After}: the intent is declared, its handler is expected back.
 */
public final class Problems {

    /** Seconds a client should wait before retrying when the Runtime or a role service is unavailable. */
    public static final int UNAVAILABLE_RETRY_SECONDS = 1;

    private static final Pattern RETRY_AFTER_MS = Pattern.compile("retry after (\\d{1,12}) ms");

    private Problems() {
    }

    /** The problem for an error the Runtime or a role service reported; denials carry their decisions. */
    public static Problem of(IntentException e) {
        Problem problem = forCode(e.code(), e.getMessage(), reasons(e));
        if (e instanceof org.symphainy.sdk.deploy.DeployRefusedException refused) {
            problem = new Problem(e.code() == ErrorCode.FORBIDDEN ? 409 : 422, "deploy-refused", "Deploy refused",
                    e.getMessage(), null, List.of(), java.util.Map.of(), null, refused.details().text());
        }
        if (e instanceof IntentDeniedException denied) {
            problem = problem.withDecisions(denied.decisions());
        }
        return problem.withCode(e.code().name());
    }

    private static Problem forCode(ErrorCode code, String message, List<String> reasons) {
        return switch (code) {
            case UNAUTHENTICATED -> unauthenticated(message, true);
            case FORBIDDEN -> Problem.of(403, "forbidden", "Forbidden", message);
            case UNKNOWN_TENANT -> Problem.of(403, "unknown-tenant", "Unknown tenant", message);
            case DENIED -> Problem.of(403, "denied", "Denied by policy", message);
            case APPROVAL_REQUIRED -> Problem.of(403, "approval-required", "Approval required", message);
            case QUOTA_EXCEEDED -> Problem.of(429, "quota-exceeded", "Quota exceeded", message)
                    .withHeader("Retry-After", Integer.toString(retryAfterSeconds(reasons, message)));
            case PAYLOAD_INVALID -> Problem.of(422, "payload-invalid", "Payload does not match the intent's schema", message);
            case PAYLOAD_MALFORMED -> Problem.of(400, "malformed-json", "Malformed JSON", message);
            case PAYLOAD_TOO_LARGE -> tooLarge(message);
            case IDEMPOTENCY_CONFLICT -> Problem.of(409, "idempotency-conflict", "Idempotency key conflict", message);
            case UNKNOWN_INTENT -> Problem.of(422, "unknown-intent", "Unknown intent", message);
            case HANDLER_UNAVAILABLE -> unavailable("handler-unavailable", "Handler unavailable", message);
            case UNKNOWN_EXECUTION -> executionNotFound(message);
            case NOT_REPLAYABLE -> Problem.of(409, "not-replayable", "Not replayable", message);
            case NOT_AWAITING_APPROVAL -> Problem.of(409, "not-awaiting-approval", "Not awaiting approval", message);
            case NOT_CANCELLABLE -> Problem.of(409, "not-cancellable", "Not cancellable", message);
            case RUNTIME_UNAVAILABLE -> unavailable("runtime-unavailable", "Runtime unavailable", message);
            default -> Problem.of(500, "internal-error", "Internal error", "the platform reported " + code
                    + " where no request error was expected");
        };
    }

    /** 401 with {@code WWW-Authenticate: Bearer}; {@code invalidToken} when a credential was sent but proves no one. */
    public static Problem unauthenticated(String detail, boolean invalidToken) {
        return Problem.of(401, "unauthenticated", "Unauthenticated", detail).withCode(ErrorCode.UNAUTHENTICATED.name())
                .withHeader("WWW-Authenticate", invalidToken ? "Bearer realm=\"symphainy\", error=\"invalid_token\""
                        : "Bearer realm=\"symphainy\"");
    }

    /** 400: the body is not well-formed JSON. */
    public static Problem malformedJson(String detail) {
        return Problem.of(400, "malformed-json", "Malformed JSON", detail);
    }

    /** 400: the body is JSON but exceeds a nesting, string or number limit. */
    public static Problem jsonLimit(String detail) {
        return Problem.of(400, "json-limit-exceeded", "JSON limit exceeded", detail);
    }

    /** 400: well-formed, but a field or parameter is missing, unknown or of the wrong type. */
    public static Problem invalidRequest(String detail) {
        return Problem.of(400, "invalid-request", "Invalid request", detail);
    }

    /** 413: the body is over the configured size. */
    public static Problem tooLarge(String detail) {
        return Problem.of(413, "payload-too-large", "Content too large", detail);
    }

    /** 415: the body is not {@code application/json}. */
    public static Problem unsupportedMediaType(String detail) {
        return Problem.of(415, "unsupported-media-type", "Unsupported media type", detail);
    }

    /** 404: no execution with that id, or not one the caller may see (the same answer, so ids of others leak nothing). */
    public static Problem executionNotFound(String detail) {
        return Problem.of(404, "execution-not-found", "Execution not found", detail)
                .withCode(ErrorCode.UNKNOWN_EXECUTION.name());
    }

    /** 503 with {@code Retry-After}. */
    public static Problem unavailable(String slug, String title, String detail) {
        return Problem.of(503, slug, title, detail).withHeader("Retry-After", Integer.toString(UNAVAILABLE_RETRY_SECONDS));
    }

    /** 500 for anything unexpected: an opaque id to quote, no detail of the cause. */
    public static Problem internal(String errorId) {
        return Problem.of(500, "internal-error", "Internal error", "an unexpected error occurred; it was logged as "
                + errorId + ": quote that id when you report it").withErrorId(errorId);
    }

    /** The whole seconds to wait from a denial's "retry after N ms" reason, at least 1. */
    public static int retryAfterSeconds(List<String> reasons, String message) {
        for (String text : reasons.isEmpty() ? List.of(message) : reasons) {
            Matcher m = RETRY_AFTER_MS.matcher(text);
            if (m.find()) {
                long millis = Long.parseLong(m.group(1));
                return (int) Math.max(1, Math.min(86_400, (millis + 999) / 1000));
            }
        }
        return 1;
    }

    private static List<String> reasons(IntentException e) {
        if (e instanceof IntentDeniedException denied) {
            Decision denial = denied.denial();
            return denial.reasons();
        }
        return List.of();
    }
}
