package org.symphainy.runtime.internal.kernel;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.symphainy.runtime.internal.record.KernelRecord;
import org.symphainy.runtime.internal.record.KernelRecord.ExecutionCompleted;
import org.symphainy.runtime.internal.record.KernelRecord.ExecutionFailed;
import org.symphainy.runtime.internal.record.KernelRecord.IntentAccepted;
import org.symphainy.runtime.internal.record.KernelRecord.StepCompleted;
import org.symphainy.runtime.internal.record.KernelRecord.StepFailed;
import org.symphainy.runtime.internal.record.KernelRecord.StepStarted;
import org.symphainy.sdk.intent.Artifact;
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
 * {@link #apply(long, KernelRecord) applied records}. A record that does not fit the current state is refused, so a WAL
 * that says something impossible is caught instead of silently believed.
 */
final class ExecutionEntry {

    static final int STEP = 1;

    private final IntentAccepted accepted;
    private final long acceptedSequence;
    private ExecutionState state = ExecutionState.ACCEPTED;
    private StepState stepState;
    private int attempts;
    private Instant stepStartedAt;
    private Instant stepEndedAt;
    private List<Artifact> artifacts = List.of();
    private Failure stepFailure;
    private Failure failure;
    private Instant endedAt;
    private long lastSequence;
    private int records = 1;

    ExecutionEntry(long sequence, IntentAccepted accepted) {
        this.accepted = accepted;
        this.acceptedSequence = sequence;
        this.lastSequence = sequence;
    }

    /** Moves the execution by one record; throws IllegalStateException if the record does not fit. */
    synchronized void apply(long sequence, KernelRecord record) {
        if (record instanceof StepStarted r) {
            require(!state.isTerminal() && stepState != StepState.COMPLETED, record);
            state = ExecutionState.RUNNING;
            stepState = StepState.RUNNING;
            attempts = r.attempt();
            stepStartedAt = r.at();
            stepEndedAt = null;
            stepFailure = null;
        } else if (record instanceof StepCompleted r) {
            require(stepState == StepState.RUNNING && r.attempt() == attempts, record);
            stepState = StepState.COMPLETED;
            stepEndedAt = r.at();
            artifacts = recorded(r);
        } else if (record instanceof StepFailed r) {
            require(stepState == StepState.RUNNING && r.attempt() == attempts, record);
            stepState = StepState.FAILED;
            stepEndedAt = r.at();
            stepFailure = new Failure(r.code(), r.message());
        } else if (record instanceof ExecutionCompleted r) {
            require(state == ExecutionState.RUNNING && stepState == StepState.COMPLETED, record);
            state = ExecutionState.COMPLETED;
            endedAt = r.at();
        } else if (record instanceof ExecutionFailed r) {
            require(!state.isTerminal() && stepState != StepState.RUNNING && stepState != StepState.COMPLETED, record);
            state = ExecutionState.FAILED;
            failure = new Failure(r.code(), r.message());
            endedAt = r.at();
        } else {
            require(false, record);
        }
        lastSequence = sequence;
        records++;
    }

    /** How many of the execution's records have been applied (IntentAccepted is the first): its update number. */
    synchronized int records() {
        return records;
    }

    /** The update a subscriber sees for the execution's state now. */
    synchronized ExecutionUpdate update(java.time.Instant at) {
        return new ExecutionUpdate(id(), records, at, state, step(), failure);
    }

    synchronized ExecutionState state() {
        return state;
    }

    /** True once the step's handler has returned and its result is recorded. */
    synchronized boolean stepCompleted() {
        return stepState == StepState.COMPLETED;
    }

    synchronized int attempts() {
        return attempts;
    }

    synchronized List<Artifact> artifacts() {
        return artifacts;
    }

    IntentAccepted accepted() {
        return accepted;
    }

    long acceptedSequence() {
        return acceptedSequence;
    }

    String id() {
        return accepted.executionId();
    }

    /** The SDK's view of the execution. */
    synchronized Execution toExecution() {
        return new Execution(id(), accepted.intent(), state, accepted.handler(), accepted.decisions(), steps(), artifacts,
                accepted.at(), endedAt, failure);
    }

    /** The SDK's one-line view of the execution. */
    synchronized ExecutionSummary toSummary() {
        return new ExecutionSummary(id(), accepted.intent().type(), accepted.intent().tenant(), accepted.intent().actor(),
                state, accepted.at(), endedAt);
    }

    /** The current step, or null before it started. */
    synchronized Step step() {
        if (stepState == null) {
            return null;
        }
        return new Step(STEP, accepted.intent().type(), accepted.handler(), stepState, attempts, context(attempts),
                stepStartedAt, stepEndedAt, artifacts.stream().map(Artifact::id).toList(), stepFailure);
    }

    synchronized Failure failure() {
        return failure;
    }

    synchronized long lastSequence() {
        return lastSequence;
    }

    /** The recorded context of an attempt: the execution's clock and seed, so every attempt and replay sees the same. */
    RecordedContext context(int attempt) {
        return new RecordedContext(id(), STEP, accepted.intent().tenant(), accepted.intent().actor(), Math.max(1, attempt),
                accepted.at(), accepted.seed(), List.of());
    }

    private List<Step> steps() {
        Step step = step();
        return step == null ? List.of() : List.of(step);
    }

    private List<Artifact> recorded(StepCompleted completed) {
        List<Artifact> recorded = new ArrayList<>(completed.artifacts().size());
        for (int i = 0; i < completed.artifacts().size(); i++) {
            Provenance provenance = new Provenance(id(), STEP, accepted.handler(), List.of(), completed.at());
            recorded.add(completed.artifacts().get(i).recorded(id() + "/" + STEP + "/" + (i + 1), provenance));
        }
        return List.copyOf(recorded);
    }

    private void require(boolean allowed, KernelRecord record) {
        if (!allowed) {
            throw new IllegalStateException("WAL record " + record.type() + " does not fit execution " + id() + " in state "
                    + state + (stepState == null ? "" : ", step " + stepState) + ": the log is inconsistent");
        }
    }
}
