package org.symphainy.runtime.internal.record;

import java.time.Instant;
import java.util.List;

import org.symphainy.sdk.governance.Decision;
import org.symphainy.sdk.identity.Principal;
import org.symphainy.sdk.intent.Artifact;
import org.symphainy.sdk.intent.ErrorCode;
import org.symphainy.sdk.intent.Event;
import org.symphainy.sdk.intent.HandlerRef;
import org.symphainy.sdk.intent.Intent;
import org.symphainy.sdk.saga.SagaDefinition;

/** A WAL record of the kernel: every execution transition is one, and happens only through one. */
public sealed interface KernelRecord {

    /** The execution this record belongs to. */
    String executionId();

    /** When the kernel wrote it. */
    Instant at();

    /** Its type code in the WAL. */
    RecordType type();

    /**
     * An intent passed every governance stage and was pinned to a handler; its clock and seed drive every attempt, and the
 * principal its session proved is its attribution (null only in records written before principals were). If a
     * stage allowed it only on approval ({@link Decision#needsApproval()}), it is stored as {@link RecordType#INTENT_HELD}
     * and waits for an {@link ExecutionApproved}.
     */
    record IntentAccepted(String executionId, Instant at, Intent intent, List<Decision> decisions, HandlerRef handler,
            long seed, String payloadHash, Principal principal, SagaDefinition saga) implements KernelRecord {

        /** An accepted intent that is not a saga. */
        public IntentAccepted(String executionId, Instant at, Intent intent, List<Decision> decisions, HandlerRef handler,
                long seed, String payloadHash, Principal principal) {
            this(executionId, at, intent, decisions, handler, seed, payloadHash, principal, null);
        }

        public RecordType type() {
            return held() ? RecordType.INTENT_HELD : RecordType.INTENT_ACCEPTED;
        }

        /** True if a stage allowed the intent only once a second principal approves it. */
        public boolean held() {
            for (Decision decision : decisions) {
                if (decision.needsApproval()) {
                    return true;
                }
            }
            return false;
        }
    }

    /**
     * A second principal approved a held execution (through the approval intent recorded as execution
     * {@code approvalExecutionId}); it may run now.
     */
    record ExecutionApproved(String executionId, Instant at, String approver, String approvalExecutionId)
            implements KernelRecord {
        public RecordType type() {
            return RecordType.EXECUTION_APPROVED;
        }
    }

    /** A governance stage denied an intent: recorded, never executed. {@code principal} is null if the session proved no one. */
    record IntentDenied(String executionId, Instant at, Intent intent, List<Decision> decisions, Principal principal)
            implements KernelRecord {
        public RecordType type() {
            return RecordType.INTENT_DENIED;
        }
    }

    /**
     * An attempt of a step began. {@code handler} is the handler a saga's step runs (its own intent's), null for the
     * only step of a plain execution (the execution's handler).
     */
    record StepStarted(String executionId, Instant at, int step, int attempt, HandlerRef handler) implements KernelRecord {

        /** The start of an attempt of a plain execution's step. */
        public StepStarted(String executionId, Instant at, int step, int attempt) {
            this(executionId, at, step, attempt, null);
        }

        public RecordType type() {
            return RecordType.STEP_STARTED;
        }
    }

    /** A step's handler returned: its artifacts (with contents) and events. */
    record StepCompleted(String executionId, Instant at, int step, int attempt, List<Artifact> artifacts,
            List<Event> events) implements KernelRecord {
        public RecordType type() {
            return RecordType.STEP_COMPLETED;
        }
    }

    /** An attempt of a step failed. */
    record StepFailed(String executionId, Instant at, int step, int attempt, ErrorCode code, String message)
            implements KernelRecord {
        public RecordType type() {
            return RecordType.STEP_FAILED;
        }
    }

    /** The execution ended well. */
    record ExecutionCompleted(String executionId, Instant at) implements KernelRecord {
        public RecordType type() {
            return RecordType.EXECUTION_COMPLETED;
        }
    }

    /** The execution ended in failure. */
    record ExecutionFailed(String executionId, Instant at, ErrorCode code, String message) implements KernelRecord {
        public RecordType type() {
            return RecordType.EXECUTION_FAILED;
        }
    }

    /**
     * Step {@code step} of a saga failed for good (its retries exhausted or a failure that is not retried), or the saga
     * timed out or was cancelled before step {@code step}: its completed steps are compensated now.
     */
    record SagaFailed(String executionId, Instant at, int step, ErrorCode code, String message) implements KernelRecord {
        public RecordType type() {
            return RecordType.SAGA_FAILED;
        }
    }

    /** An attempt of the compensation of completed step {@code step} began, with {@code handler}. */
    record CompensationStarted(String executionId, Instant at, int step, int attempt, HandlerRef handler)
            implements KernelRecord {
        public RecordType type() {
            return RecordType.COMPENSATION_STARTED;
        }
    }

    /** The compensation of step {@code step} completed, with what its handler returned. */
    record CompensationCompleted(String executionId, Instant at, int step, int attempt, List<Artifact> artifacts,
            List<Event> events) implements KernelRecord {
        public RecordType type() {
            return RecordType.COMPENSATION_COMPLETED;
        }
    }

    /** An attempt of the compensation of step {@code step} failed. */
    record CompensationFailed(String executionId, Instant at, int step, int attempt, ErrorCode code, String message)
            implements KernelRecord {
        public RecordType type() {
            return RecordType.COMPENSATION_FAILED;
        }
    }

    /**
     * The saga ended after compensation: COMPENSATED if {@code compensated}, else COMPENSATION_FAILED; {@code message}
     * says what failed the saga and, if a compensation failed, which steps stay uncompensated.
     */
    record SagaEnded(String executionId, Instant at, boolean compensated, String message) implements KernelRecord {
        public RecordType type() {
            return compensated ? RecordType.SAGA_COMPENSATED : RecordType.SAGA_COMPENSATION_FAILED;
        }
    }

    /**
     * {@code cancelledBy} asked to cancel the execution through the cancellation intent recorded as execution
     * {@code cancelExecutionId}, for {@code reason} (null: none given).
     */
    record CancelRequested(String executionId, Instant at, String cancelledBy, String cancelExecutionId, String reason)
            implements KernelRecord {
        public RecordType type() {
            return RecordType.CANCEL_REQUESTED;
        }
    }

    /**
     * The projection of bundle {@code by} applied the ended execution's change outside the log ({@code applied}), or
     * did not, as {@code summary} tells: written beside the execution's own records, after its end.
     */
    record EffectRecorded(String executionId, Instant at, String by, boolean applied, String summary)
            implements KernelRecord {
        public RecordType type() {
            return RecordType.EFFECT_RECORDED;
        }
    }
}
