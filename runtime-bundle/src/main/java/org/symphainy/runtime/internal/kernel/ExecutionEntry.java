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
    private final boolean saga;
    private IntentAccepted accepted;
    private ExecutionState state;
    private int stepNumber; // the current step's number as shown (a saga's compensations are numbered after its steps)
    private int recordedStep; // the current step's number in its records (for a compensation: the step it undoes)
    private boolean compensation; // the current step is a compensation
    private HandlerRef stepHandler; // the handler the current step runs
    private List<Step> earlier = List.of(); // a saga's steps before the current one, in order
    private long[] completedSequences = new long[0]; // where each completed step's artifacts are (a saga's earlier ones)
    private boolean cancelRequested;
    private long[] effectSequences = new long[0]; // where its EffectRecorded records are in the WAL, in order
    private SagaTrail trail; // a saga's completed and compensated steps and failed attempts; null for a plain execution
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
        this.saga = admission.saga();
        this.trail = saga ? new SagaTrail() : null;
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
        if (trail != null && record.saga() != null) {
            trail.define(record.saga());
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
                require(!state.isTerminal() && state != ExecutionState.AWAITING_APPROVAL
                        && state != ExecutionState.COMPENSATING, record);
                int step = Math.max(STEP, record.step());
                if (stepState == null || step != recordedStep) {
                    require(stepState == null ? step == STEP : stepState == StepState.COMPLETED && step == recordedStep + 1, record);
                    next(step, step, false, record.handler() == null ? handler : record.handler());
                } else {
                    require(stepState != StepState.COMPLETED, record);
                }
                state = ExecutionState.RUNNING;
                started(record);
            }
            case COMPENSATION_STARTED -> {
                require(state == ExecutionState.COMPENSATING, record);
                if (!compensation || record.step() != recordedStep) {
                    require(stepState != StepState.RUNNING, record);
                    next(earlier.size() + (stepState == null ? 1 : 2), record.step(), true, record.handler());
                } else {
                    require(stepState != StepState.COMPLETED, record);
                }
                started(record);
            }
            case STEP_COMPLETED, COMPENSATION_COMPLETED -> {
                require(stepState == StepState.RUNNING && record.attempt() == attempts && Math.max(STEP, record.step()) == recordedStep
                        && compensation == (record.type() == RecordType.COMPENSATION_COMPLETED), record);
                stepState = StepState.COMPLETED;
                stepEndedAt = record.at();
                artifactCount = record.artifactCount();
                if (trail != null) {
                    trail.completed(recordedStep, compensation);
                }
                if (!compensation) {
                    stepCompletedSequence = sequence;
                }
            }
            case STEP_FAILED, COMPENSATION_FAILED -> {
                require(stepState == StepState.RUNNING && record.attempt() == attempts && Math.max(STEP, record.step()) == recordedStep
                        && compensation == (record.type() == RecordType.COMPENSATION_FAILED), record);
                stepState = StepState.FAILED;
                stepEndedAt = record.at();
                stepFailure = new Failure(record.code(), record.message());
                if (trail != null) {
                    trail.failed(recordedStep, compensation, attempts, record.at(), stepFailure);
                }
            }
            case EXECUTION_COMPLETED -> {
                require(state == ExecutionState.RUNNING && stepState == StepState.COMPLETED && !compensation, record);
                state = ExecutionState.COMPLETED;
                endedAt = record.at();
            }
            case EXECUTION_FAILED -> {
                require(!state.isTerminal() && state != ExecutionState.COMPENSATING && stepState != StepState.RUNNING
                        && stepState != StepState.COMPLETED, record);
                state = ExecutionState.FAILED;
                failure = new Failure(record.code(), record.message());
                endedAt = record.at();
            }
            case SAGA_FAILED -> {
                // a step attempt still RUNNING here was abandoned when the kernel stopped: it never reported
                require(saga && (state == ExecutionState.RUNNING || state == ExecutionState.ACCEPTED), record);
                if (stepState == StepState.RUNNING) {
                    stepState = StepState.FAILED;
                    stepEndedAt = record.at();
                    stepFailure = new Failure(record.code(), "abandoned: " + record.message());
                }
                state = ExecutionState.COMPENSATING;
                failure = new Failure(record.code(), record.message());
                trail.gaveUp(record.step());
            }
            case SAGA_COMPENSATED, SAGA_COMPENSATION_FAILED -> {
                require(state == ExecutionState.COMPENSATING && stepState != StepState.RUNNING, record);
                state = record.type() == RecordType.SAGA_COMPENSATED ? ExecutionState.COMPENSATED
                        : ExecutionState.COMPENSATION_FAILED;
                failure = new Failure(failure.code(), record.message());
                endedAt = record.at();
            }
            case CANCEL_REQUESTED -> cancelRequested = true; // written beside the execution's own records: it may come after its end
            case EFFECT_RECORDED -> {
                require(state.isTerminal(), record); // a projection is given an execution once it ended
                effectSequences = java.util.Arrays.copyOf(effectSequences, effectSequences.length + 1);
                effectSequences[effectSequences.length - 1] = sequence;
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

    /** Closes the current step (kept among the earlier ones) and opens the next. */
    private void next(int number, int step, boolean undo, HandlerRef runs) {
        if (stepState != null) {
            List<Step> before = new ArrayList<>(earlier);
            before.add(step());
            earlier = List.copyOf(before);
            if (stepState == StepState.COMPLETED && !compensation) {
                completedSequences = java.util.Arrays.copyOf(completedSequences, completedSequences.length + 1);
                completedSequences[completedSequences.length - 1] = stepCompletedSequence;
            }
        }
        stepNumber = number;
        recordedStep = step;
        compensation = undo;
        stepHandler = runs;
        stepState = null;
        attempts = 0;
        artifactCount = 0;
        stepCompletedSequence = 0;
        stepStartedAt = null;
    }

    private void started(RecordHead record) {
        stepState = StepState.RUNNING;
        attempts = record.attempt();
        if (stepStartedAt == null) {
            stepStartedAt = record.at();
        }
        stepEndedAt = null;
        stepFailure = null;
    }

    /** How many records of the execution were applied so far. */
    synchronized int recordCount() {
        return records;
    }

    /** Where every record of the execution applied so far is in the WAL, in order. */
    synchronized long[] sequences() {
        return java.util.Arrays.copyOf(sequences, records);
    }

    /** The update a subscriber sees for the execution's state now. */
    synchronized ExecutionUpdate update(Instant at) {
        Step step = step();
        return new ExecutionUpdate(id, records, at, state, step == null || trail == null ? step : trail.named(step), failure);
    }

    synchronized ExecutionState state() {
        return state;
    }

    /** True while the step's last attempt failed and the execution has not ended: it waits for its next attempt. */
    // (for a saga, the kernel asks its SagaProgress instead)
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

    /** True if the execution runs a saga (its definition is recorded with its intent). */
    boolean saga() {
        return saga;
    }

    /** Where the execution's recorded effects are in the WAL, oldest first. */
    synchronized long[] effectSequences() {
        return effectSequences.clone();
    }

    /** True once a cancellation of the execution was recorded. */
    synchronized boolean cancelRequested() {
        return cancelRequested;
    }

    /** Where every completed step's artifacts are in the WAL (their StepCompleted records), in step order. */
    synchronized long[] completedSequences() {
        if (stepState == StepState.COMPLETED && !compensation) {
            long[] all = java.util.Arrays.copyOf(completedSequences, completedSequences.length + 1);
            all[completedSequences.length] = stepCompletedSequence;
            return all;
        }
        return completedSequences.clone();
    }

    /** True while an attempt of the current step has started and not ended (or was running when the kernel stopped). */
    synchronized boolean stepRunning() {
        return stepState == StepState.RUNNING;
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
            List<org.symphainy.sdk.intent.Event> events, List<org.symphainy.sdk.runtime.Effect> effects) {
        if (trail != null && whole.saga() != null) {
            trail.define(whole.saga());
        }
        List<Step> steps = trail == null ? steps() : steps().stream().map(trail::named).toList();
        return new Execution(id, whole.intent(), state, handler, whole.decisions(), steps, artifacts, acceptedAt, endedAt,
                failure, whole.principal(), events, trail == null ? null : trail.status(), effects);
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
        int number = stepNumber;
        List<String> artifactIds = compensation ? List.of()
                : IntStream.rangeClosed(1, artifactCount).mapToObj(i -> artifactId(number, i)).toList();
        return new Step(stepNumber, stepHandler.intentType(), stepHandler, stepState, attempts,
                context(recordedStep, attempts, compensation), stepStartedAt, stepEndedAt, artifactIds, stepFailure,
                trail == null ? null : trail.name(recordedStep), compensation);
    }

    /** The recorded context of an attempt: the execution's clock and seed, so every attempt and replay sees the same. */
    RecordedContext context(int attempt) {
        return context(STEP, attempt);
    }

    /** The recorded context of an attempt of step {@code step} (a saga's steps share the execution's clock and seed). */
    RecordedContext context(int step, int attempt) {
        return context(step, attempt, false);
    }

    /**
     * The recorded context of an attempt of step {@code step}, or of its compensation: the execution's clock, and a
     * seed of the step's own derived from the execution's (the first step's is the execution's), so a saga's steps do
     * not draw the same numbers and every replay draws what the recorded run drew.
     */
    RecordedContext context(int step, int attempt, boolean compensation) {
        int number = Math.max(STEP, step);
        return new RecordedContext(id, number, tenant, actor, Math.max(1, attempt), acceptedAt, seedOf(number, compensation),
                List.of());
    }

    /** The seed of step {@code step} (of its compensation if {@code compensation}): SplitMix64 of the execution's. */
    long seedOf(int step, boolean compensation) {
        if (step == STEP && !compensation) {
            return seed;
        }
        long z = seed + 0x9E3779B97F4A7C15L * (compensation ? -step : step);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** The step's artifacts as recorded: ids and provenance given by the runtime, contents from {@code completed}. */
    List<Artifact> recorded(StepCompleted completed) {
        return recorded(completed, handler);
    }

    /** As {@link #recorded(StepCompleted)}, for a step run by {@code by} (a saga's step runs its own intent's handler). */
    List<Artifact> recorded(StepCompleted completed, HandlerRef by) {
        int step = Math.max(STEP, completed.step());
        List<Artifact> recorded = new ArrayList<>(completed.artifacts().size());
        for (int i = 0; i < completed.artifacts().size(); i++) {
            Provenance provenance = new Provenance(id, step, by, List.of(), completed.at());
            recorded.add(completed.artifacts().get(i).recorded(artifactId(step, i + 1), provenance));
        }
        return List.copyOf(recorded);
    }

    private String artifactId(int step, int number) {
        return id + "/" + step + "/" + number;
    }

    private List<Step> steps() {
        Step step = step();
        if (earlier.isEmpty()) {
            return step == null ? List.of() : List.of(step);
        }
        List<Step> all = new ArrayList<>(earlier);
        if (step != null) {
            all.add(step);
        }
        return all;
    }

    /** The handler a completed step ran, by its number (a saga's own; the execution's for a plain one). */
    synchronized HandlerRef handlerOf(int step) {
        for (Step s : earlier) {
            if (s.number() == step) {
                return s.handler();
            }
        }
        return stepHandler != null && stepNumber == step ? stepHandler : handler;
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
