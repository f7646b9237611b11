package org.symphainy.sdk.intent;

/**
 * Stable codes of the errors the platform reports to callers ({@link IntentException#code()}) and records on failed
 * executions. Clients branch on the code, never on the message; Experience maps each code to one HTTP status. New codes
 * may be added in minor versions, so a switch over them needs a default branch.
 */
public enum ErrorCode {
    /** No deployed bundle declares the intent type (or none in the requested version range). */
    UNKNOWN_INTENT,
    /** The intent is declared but no admitted handler service serves it right now. */
    HANDLER_UNAVAILABLE,
    /** The payload is not well-formed JSON. */
    PAYLOAD_MALFORMED,
    /** The payload exceeds the platform's configured size limit. */
    PAYLOAD_TOO_LARGE,
    /** The intent names a tenant the platform does not know. */
    UNKNOWN_TENANT,
    /** A governance stage denied the intent; the decisions say which and why. */
    DENIED,
    /** The intent's session or credential proves no one: unknown, expired, revoked, tampered or wrongly signed. */
    UNAUTHENTICATED,
    /** The authenticated principal may not do this (its roles or the tenant's policy do not allow it). */
    FORBIDDEN,
    /** The tenant's quota (rate or executions in flight) is used up for now; retry later. */
    QUOTA_EXCEEDED,
    /** The payload is well-formed JSON but does not match the intent's declared schema. */
    PAYLOAD_INVALID,
    /** The intent type needs a second principal's approval before it runs. */
    APPROVAL_REQUIRED,
    /** An execution that waited for approval was rejected by the principal asked to approve it. */
    APPROVAL_REJECTED,
    /** An execution that waited for approval was not approved in time (the runtime's approval timeout). */
    APPROVAL_EXPIRED,
    /** An approval or rejection names an execution that is not waiting for one (never was, or was decided already). */
    NOT_AWAITING_APPROVAL,
    /** The idempotency key was already used by the same tenant with a different intent. */
    IDEMPOTENCY_CONFLICT,
    /** No execution has the given id. */
    UNKNOWN_EXECUTION,
    /** The execution cannot be replayed yet (it has not ended) or any more (its records are gone). */
    NOT_REPLAYABLE,
    /** The handler threw; the message carries the handler's own message. */
    HANDLER_FAILED,
    /** The handler returned null instead of a Result. */
    HANDLER_RETURNED_NULL,
    /** A step's artifacts break the Data Steward's provenance rules; the message lists what to fix. */
    ARTIFACT_REJECTED,
    /** A step did not finish within its time limit (or a saga within its own). */
    STEP_TIMEOUT,
    /** The execution was cancelled by a {@code platform.execution.cancel} intent (a saga's completed steps compensated). */
    CANCELLED,
    /** A cancellation names an execution that cannot be cancelled: it ended, or its only step is running now. */
    NOT_CANCELLABLE,
    /** The Runtime cannot accept work now (shutting down, or its write-ahead log is not writable). */
    RUNTIME_UNAVAILABLE
}
