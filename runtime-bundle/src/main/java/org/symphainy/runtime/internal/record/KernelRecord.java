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
            long seed, String payloadHash, Principal principal) implements KernelRecord {
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

    /** An attempt of a step began. */
    record StepStarted(String executionId, Instant at, int step, int attempt) implements KernelRecord {
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
}
