package org.symphainy.sdk.runtime;

import java.util.Optional;
import java.util.function.Consumer;

import org.osgi.annotation.versioning.ProviderType;
import org.symphainy.sdk.governance.IntentDeniedException;
import org.symphainy.sdk.intent.ErrorCode;
import org.symphainy.sdk.intent.Intent;
import org.symphainy.sdk.intent.IntentException;

/**
 * The single execution authority, as a service. {@link #submit(Intent)} governs an intent and returns once its
 * acceptance is durable; execution then proceeds asynchronously, observable through {@link #execution(String)},
 * {@link #query(ExecutionQuery)} and {@link #subscribe(String, Consumer)}. Errors a caller can act on are
 * {@link IntentException}s with a stable code. This service trusts its caller for tenant visibility: Experience and the
 * admin console check that the authenticated actor may see an execution before showing it.
 */
@ProviderType
public interface Runtime {

    /**
     * Governs {@code intent} and, if every stage allows it, records its acceptance in the write-ahead log and returns
     * once that record is durable. The same tenant and idempotency key return the first execution again
     * ({@link Submission#duplicate()}).
     *
     * @throws IntentDeniedException if a governance stage denies it (code {@link ErrorCode#DENIED}), with the decisions
     * @throws IntentException with {@link ErrorCode#UNKNOWN_INTENT}, {@link ErrorCode#HANDLER_UNAVAILABLE},
     *         {@link ErrorCode#PAYLOAD_MALFORMED}, {@link ErrorCode#PAYLOAD_TOO_LARGE}, {@link ErrorCode#UNKNOWN_TENANT},
     *         {@link ErrorCode#IDEMPOTENCY_CONFLICT} (same key, different intent) or
     *         {@link ErrorCode#RUNTIME_UNAVAILABLE}
     */
    Submission submit(Intent intent);

    /** The execution with this id, as recorded now; empty if there is none. */
    Optional<Execution> execution(String executionId);

    /** One page of the executions matching {@code query}, newest first. */
    Page<ExecutionSummary> query(ExecutionQuery query);

    /**
     * Calls {@code listener} with the execution's current state, then with every later change in order, until the
     * execution ends or the subscription is closed. Updates arrive on a Runtime thread; a listener must return quickly
     * and must not throw (what it throws is logged and ignored).
     *
     * @throws IntentException with {@link ErrorCode#UNKNOWN_EXECUTION} if there is no such execution
     */
    Subscription subscribe(String executionId, Consumer<ExecutionUpdate> listener);

    /**
     * Re-runs an ended execution from its recorded intent, clock, seed and inputs against the handler now deployed for
     * it, and compares the artifacts by hash. Nothing is recorded as the execution's outcome and no events are routed.
     *
     * @throws IntentException with {@link ErrorCode#UNKNOWN_EXECUTION} or {@link ErrorCode#NOT_REPLAYABLE}
     */
    ReplayReport replay(String executionId);
}
