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
 */
public record RecordHead(RecordType type, String executionId, Instant at, int attempt, int artifactCount, ErrorCode code,
        String message, Admission accepted) {

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
     */
    public record Admission(String intentType, String tenant, String actor, String idempotencyKey, String payloadHash,
            HandlerRef handler, long seed) {
    }

    /** The head of a record the kernel holds whole. */
    public static RecordHead of(KernelRecord record) {
        if (record instanceof IntentAccepted r) {
            return new RecordHead(r.type(), r.executionId(), r.at(), 0, 0, null, null, new Admission(r.intent().type(),
                    r.intent().tenant(), r.intent().actor(), r.intent().idempotencyKey(), r.payloadHash(), r.handler(), r.seed()));
        }
        if (record instanceof KernelRecord.ExecutionApproved r) {
            return new RecordHead(r.type(), r.executionId(), r.at(), 0, 0, null, approval(r.approver(), r.approvalExecutionId()), null);
        }
        if (record instanceof IntentDenied r) {
            return new RecordHead(r.type(), r.executionId(), r.at(), 0, 0, null, null, new Admission(r.intent().type(),
                    r.intent().tenant(), r.intent().actor(), r.intent().idempotencyKey(), null, null, 0));
        }
        if (record instanceof StepStarted r) {
            return new RecordHead(r.type(), r.executionId(), r.at(), r.attempt(), 0, null, null, null);
        }
        if (record instanceof StepCompleted r) {
            return new RecordHead(r.type(), r.executionId(), r.at(), r.attempt(), r.artifacts().size(), null, null, null);
        }
        if (record instanceof StepFailed r) {
            return new RecordHead(r.type(), r.executionId(), r.at(), r.attempt(), 0, r.code(), r.message(), null);
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
}
