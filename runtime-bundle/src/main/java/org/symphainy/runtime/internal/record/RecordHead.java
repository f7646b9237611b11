package org.symphainy.runtime.internal.record;

import java.time.Instant;

import org.symphainy.runtime.internal.record.KernelRecord.ExecutionFailed;
import org.symphainy.runtime.internal.record.KernelRecord.IntentAccepted;
import org.symphainy.runtime.internal.record.KernelRecord.IntentDenied;
import org.symphainy.runtime.internal.record.KernelRecord.StepCompleted;
import org.symphainy.runtime.internal.record.KernelRecord.StepFailed;
import org.symphainy.runtime.internal.record.KernelRecord.StepStarted;
import org.symphainy.sdk.intent.ErrorCode;
import org.symphainy.sdk.intent.HandlerRef;

/**
 * What the execution index needs of a kernel record: its transition and the few fields an execution's summary, its
 * idempotency key and its recorded context are made of — without payloads, decisions or artifact contents. Recovery
 * decodes only this much of each record ({@link RecordCodec#decodeHead}), so a long log reopens quickly; the rest stays in
 * the WAL and is read when someone asks for it.
 *
 * @param type the record's type
 * @param executionId the execution it belongs to
 * @param at when it was written
 * @param attempt the step attempt (step records), else 0
 * @param artifactCount how many artifacts the step produced (StepCompleted), else 0
 * @param code the failure code (StepFailed, ExecutionFailed), else null
 * @param message the failure message (StepFailed, ExecutionFailed), who approved (ExecutionApproved), else null
 * @param accepted the accepted intent's index fields (IntentAccepted, IntentHeld, IntentDenied), else null
 * @param step the step number (step, compensation and SagaFailed records), else 0
 * @param handler the handler a saga step or compensation runs (its StepStarted, CompensationStarted), else null
 */
public record RecordHead(RecordType type, String executionId, Instant at, int attempt, int artifactCount, ErrorCode code,
        String message, Admission accepted, int step, HandlerRef handler) {

    /** The head of a record with a step number and no handler of its own. */
    public RecordHead(RecordType type, String executionId, Instant at, int attempt, int artifactCount, ErrorCode code,
            String message, Admission accepted, int step) {
        this(type, executionId, at, attempt, artifactCount, code, message, accepted, step, null);
    }

    /** The head of a record without a step number. */
    public RecordHead(RecordType type, String executionId, Instant at, int attempt, int artifactCount, ErrorCode code,
            String message, Admission accepted) {
        this(type, executionId, at, attempt, artifactCount, code, message, accepted, 0);
    }

    /**
     * The index fields of an accepted (or denied) intent.
     *
     * @param intentType the intent's type
     * @param tenant its tenant
     * @param actor who submitted it
     * @param idempotencyKey its idempotency key, or null
     * @param payloadHash the SHA-256 of its payload (IntentAccepted), else null
     * @param handler the handler it was pinned to (IntentAccepted), else null
     * @param seed the recorded seed (IntentAccepted), else 0
     * @param saga true if the accepted intent runs a saga (its definition is recorded with it)
     */
    public record Admission(String intentType, String tenant, String actor, String idempotencyKey, String payloadHash,
            HandlerRef handler, long seed, boolean saga) {

        /** The index fields of an intent that is not a saga. */
        public Admission(String intentType, String tenant, String actor, String idempotencyKey, String payloadHash,
                HandlerRef handler, long seed) {
            this(intentType, tenant, actor, idempotencyKey, payloadHash, handler, seed, false);
        }
    }

    /** The head of a record the kernel holds whole. */
    public static RecordHead of(KernelRecord record) {
        if (record instanceof IntentAccepted r) {
            return new RecordHead(r.type(), r.executionId(), r.at(), 0, 0, null, null, new Admission(r.intent().type(),
                    r.intent().tenant(), r.intent().actor(), r.intent().idempotencyKey(), r.payloadHash(), r.handler(), r.seed(),
                    r.saga() != null));
        }
        if (record instanceof KernelRecord.ExecutionApproved r) {
            return new RecordHead(r.type(), r.executionId(), r.at(), 0, 0, null, approval(r.approver(), r.approvalExecutionId()), null);
        }
        if (record instanceof IntentDenied r) {
            return new RecordHead(r.type(), r.executionId(), r.at(), 0, 0, null, null, new Admission(r.intent().type(),
                    r.intent().tenant(), r.intent().actor(), r.intent().idempotencyKey(), null, null, 0));
        }
        if (record instanceof StepStarted r) {
            return new RecordHead(r.type(), r.executionId(), r.at(), r.attempt(), 0, null, null, null, r.step(), r.handler());
        }
        if (record instanceof StepCompleted r) {
            return new RecordHead(r.type(), r.executionId(), r.at(), r.attempt(), r.artifacts().size(), null, null, null, r.step());
        }
        if (record instanceof StepFailed r) {
            return new RecordHead(r.type(), r.executionId(), r.at(), r.attempt(), 0, r.code(), r.message(), null, r.step());
        }
        if (record instanceof KernelRecord.SagaFailed r) {
            return new RecordHead(r.type(), r.executionId(), r.at(), 0, 0, r.code(), r.message(), null, r.step());
        }
        if (record instanceof KernelRecord.CompensationStarted r) {
            return new RecordHead(r.type(), r.executionId(), r.at(), r.attempt(), 0, null, null, null, r.step(), r.handler());
        }
        if (record instanceof KernelRecord.CompensationCompleted r) {
            return new RecordHead(r.type(), r.executionId(), r.at(), r.attempt(), r.artifacts().size(), null, null, null, r.step());
        }
        if (record instanceof KernelRecord.CompensationFailed r) {
            return new RecordHead(r.type(), r.executionId(), r.at(), r.attempt(), 0, r.code(), r.message(), null, r.step());
        }
        if (record instanceof KernelRecord.SagaEnded r) {
            return new RecordHead(r.type(), r.executionId(), r.at(), 0, 0, null, r.message(), null);
        }
        if (record instanceof KernelRecord.CancelRequested r) {
            return new RecordHead(r.type(), r.executionId(), r.at(), 0, 0, null,
                    cancellation(r.cancelledBy(), r.cancelExecutionId(), r.reason()), null);
        }
        if (record instanceof ExecutionFailed r) {
            return new RecordHead(r.type(), r.executionId(), r.at(), 0, 0, r.code(), r.message(), null);
        }
        return new RecordHead(record.type(), record.executionId(), record.at(), 0, 0, null, null, null);
    }

    /** The message of an ExecutionApproved head: who approved, through which execution. */
    static String approval(String approver, String approvalExecutionId) {
        return "approved by " + approver + " (execution " + approvalExecutionId + ")";
    }

    /** The message of a CancelRequested head: who cancelled, through which execution, why. */
    static String cancellation(String cancelledBy, String cancelExecutionId, String reason) {
        return "cancelled by " + cancelledBy + " (execution " + cancelExecutionId + ")" + (reason == null ? "" : ": " + reason);
    }
}
