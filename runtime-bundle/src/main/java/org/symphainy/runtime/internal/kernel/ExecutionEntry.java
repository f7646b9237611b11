package org.symphainy.runtime.internal.kernel;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.symphainy.runtime.internal.record.KernelRecord.IntentAccepted;
import org.symphainy.runtime.internal.record.KernelRecord.StepCompleted;
import org.symphainy.runtime.internal.record.RecordHead;
import org.symphainy.runtime.internal.record.RecordType;
import org.symphainy.sdk.intent.Artifact;
import org.symphainy.sdk.intent.HandlerRef;
import org.symphainy.sdk.intent.Provenance;
import org.symphainy.sdk.runtime.Execution;
import org.symphainy.sdk.runtime.ExecutionState;
import org.symphainy.sdk.runtime.ExecutionSummary;
import org.symphainy.sdk.runtime.ExecutionUpdate;
import org.symphainy.sdk.runtime.Failure;
import org.symphainy.sdk.runtime.RecordedContext;
import org.symphainy.sdk.runtime.Step;
import org.symphainy.sdk.runtime.StepState;

/**
 * One execution as its WAL records have made it: an explicit state machine whose only transitions are
 * {@link #apply(long, RecordHead) applied records}. A record that does not fit the current state is refused, so a WAL
 * that says something impossible is caught instead of silently believed.
 * <p>
 * It holds what a summary, an update and a handler's context are made of. The accepted intent itself (payload,
 * decisions) is {@link #attach attached} only while the execution runs, and artifact contents never: both stay in the
 * WAL, at the sequences this entry remembers, and are read from there when someone asks ({@link ExecutionBook#detail}).
 * So memory grows with the number of executions, not with their payloads.
 */
final class ExecutionEntry {

    static final int STEP = 1;

    private final String id;
    private final long acceptedSequence;
    private final Instant acceptedAt;
    private final String intentType;
    private final String tenant;
    private final String actor;
    private final HandlerRef handler;
    private final long seed;
    private IntentAccepted accepted;
    private ExecutionState state;
    private StepState stepState;
    private int attempts;
    private Instant stepStartedAt;
    private Instant stepEndedAt;
    private int artifactCount;
    private long stepCompletedSequence;
    private Failure stepFailure;
    private Failure failure;
    private Instant endedAt;
    private int records = 1; // applied so far, IntentAccepted first: the number of the latest update
    private long[] sequences = new long[4]; // where each applied record is in the WAL, the first `records` of them

    /** The execution accepted by the IntentAccepted record at {@code sequence}, whose head is {@code head}. */
    ExecutionEntry(long sequence, RecordHead head) {
        RecordHead.Admission admission = head.accepted();
        this.id = head.executionId();
        this.acceptedSequence = sequence;
        this.sequences[0] = sequence;
        this.acceptedAt = head.at();
        this.intentType = admission.intentType();
        this.tenant = admission.tenant();
        this.actor = admission.actor();
        this.handler = admission.handler();
        this.seed = admission.seed();
        this.state = head.type() == RecordType.INTENT_HELD ? ExecutionState.AWAITING_APPROVAL : ExecutionState.ACCEPTED;
    }

    /** Holds the whole accepted record while the execution runs (a handler needs its intent). */
    synchronized void attach(IntentAccepted record) {
        if (!record.executionId().equals(id)) {
            throw new IllegalArgumentException("record of execution " + record.executionId() + " attached to " + id);
        }
        if (!state.isTerminal()) {
            this.accepted = record;
        }
    }

    /** Moves the execution by the record at {@code sequence}; throws IllegalStateException if it does not fit. */
    synchronized void apply(long sequence, RecordHead record) {
        switch (record.type()) {
            case EXECUTION_APPROVED -> {
                require(state == ExecutionState.AWAITING_APPROVAL, record);
                state = ExecutionState.ACCEPTED;
            }
            case STEP_STARTED -> {
                require(!state.isTerminal() && state != ExecutionState.AWAITING_APPROVAL && stepState != StepState.COMPLETED, record);
                state = ExecutionState.RUNNING;
                stepState = StepState.RUNNING;
                attempts = record.attempt();
                stepStartedAt = record.at();
                stepEndedAt = null;
                stepFailure = null;
            }
            case STEP_COMPLETED -> {
                require(stepState == StepState.RUNNING && record.attempt() == attempts, record);
                stepState = StepState.COMPLETED;
                stepEndedAt = record.at();
                artifactCount = record.artifactCount();
                stepCompletedSequence = sequence;
            }
            case STEP_FAILED -> {
                require(stepState == StepState.RUNNING && record.attempt() == attempts, record);
                stepState = StepState.FAILED;
                stepEndedAt = record.at();
                stepFailure = new Failure(record.code(), record.message());
            }
            case EXECUTION_COMPLETED -> {
                require(state == ExecutionState.RUNNING && stepState == StepState.COMPLETED, record);
                state = ExecutionState.COMPLETED;
                endedAt = record.at();
            }
            case EXECUTION_FAILED -> {
                require(!state.isTerminal() && stepState != StepState.RUNNING && stepState != StepState.COMPLETED, record);
                state = ExecutionState.FAILED;
                failure = new Failure(record.code(), record.message());
                endedAt = record.at();
            }
            default -> require(false, record);
        }
        if (state.isTerminal()) {
            accepted = null; // it ended: the WAL keeps the intent, the index keeps the rest
        }
        if (records == sequences.length) {
            sequences = java.util.Arrays.copyOf(sequences, records * 2);
        }
        sequences[records++] = sequence;
    }

    /** Where every record of the execution applied so far is in the WAL, in order. */
    synchronized long[] sequences() {
        return java.util.Arrays.copyOf(sequences, records);
    }

    /** The update a subscriber sees for the execution's state now. */
    synchronized ExecutionUpdate update(Instant at) {
        return new ExecutionUpdate(id, records, at, state, step(), failure);
    }

    synchronized ExecutionState state() {
        return state;
    }

    /** True while the step's last attempt failed and the execution has not ended: it waits for its next attempt. */
    synchronized boolean waitingForRetry() {
        return stepState == StepState.FAILED && !state.isTerminal();
    }

    /** When the step's last attempt ended; null while it runs or before it started. */
    synchronized Instant stepEndedAt() {
        return stepEndedAt;
    }

    long seed() {
        return seed;
    }

    /** True once the step's handler has returned and its result is recorded. */
    synchronized boolean stepCompleted() {
        return stepState == StepState.COMPLETED;
    }

    synchronized int attempts() {
        return attempts;
    }

    /** The whole accepted record while the execution runs; null once it ended (or before {@link #attach}). */
    synchronized IntentAccepted accepted() {
        return accepted;
    }

    /** Where the intent is in the WAL. */
    long acceptedSequence() {
        return acceptedSequence;
    }

    /** Where the step's artifacts are in the WAL (its StepCompleted record), or 0 before the step completed. */
    synchronized long stepCompletedSequence() {
        return stepCompletedSequence;
    }

    String id() {
        return id;
    }

    Instant acceptedAt() {
        return acceptedAt;
    }

    String intentType() {
        return intentType;
    }

    String tenant() {
        return tenant;
    }

    /** The handler the execution is pinned to: bundle, bundle version, intent type and version. */
    HandlerRef handler() {
        return handler;
    }

    /** The SDK's view of the execution, given its intent and artifacts as read from the WAL. */
    synchronized Execution toExecution(IntentAccepted whole, List<Artifact> artifacts,
            List<org.symphainy.sdk.intent.Event> events) {
        return new Execution(id, whole.intent(), state, handler, whole.decisions(), steps(), artifacts, acceptedAt, endedAt,
                failure, whole.principal(), events);
    }

    /** The SDK's one-line view of the execution. */
    synchronized ExecutionSummary toSummary() {
        return new ExecutionSummary(id, intentType, tenant, actor, state, acceptedAt, endedAt);
    }

    /** The current step, or null before it started. */
    synchronized Step step() {
        if (stepState == null) {
            return null;
        }
        List<String> artifactIds = IntStream.rangeClosed(1, artifactCount).mapToObj(this::artifactId).toList();
        return new Step(STEP, intentType, handler, stepState, attempts, context(attempts), stepStartedAt, stepEndedAt,
                artifactIds, stepFailure);
    }

    /** The recorded context of an attempt: the execution's clock and seed, so every attempt and replay sees the same. */
    RecordedContext context(int attempt) {
        return new RecordedContext(id, STEP, tenant, actor, Math.max(1, attempt), acceptedAt, seed, List.of());
    }

    /** The step's artifacts as recorded: ids and provenance given by the runtime, contents from {@code completed}. */
    List<Artifact> recorded(StepCompleted completed) {
        List<Artifact> recorded = new ArrayList<>(completed.artifacts().size());
        for (int i = 0; i < completed.artifacts().size(); i++) {
            Provenance provenance = new Provenance(id, STEP, handler, List.of(), completed.at());
            recorded.add(completed.artifacts().get(i).recorded(artifactId(i + 1), provenance));
        }
        return List.copyOf(recorded);
    }

    private String artifactId(int number) {
        return id + "/" + STEP + "/" + number;
    }

    private List<Step> steps() {
        Step step = step();
        return step == null ? List.of() : List.of(step);
    }

    private void require(boolean allowed, RecordHead record) {
        if (!allowed) {
            throw new IllegalStateException("WAL record " + record.type() + " does not fit execution " + id + " in state "
                    + state + (stepState == null ? "" : ", step " + stepState) + ": the log is inconsistent");
        }
    }

    /** True for the record types that move an existing execution: all but IntentAccepted, IntentHeld and IntentDenied. */
    static boolean transitions(RecordType type) {
        return type != RecordType.INTENT_ACCEPTED && type != RecordType.INTENT_HELD && type != RecordType.INTENT_DENIED;
    }

    /** True for the records that make an execution: IntentAccepted and IntentHeld. */
    static boolean accepts(RecordType type) {
        return type == RecordType.INTENT_ACCEPTED || type == RecordType.INTENT_HELD;
    }

    String actor() {
        return actor;
    }
}
