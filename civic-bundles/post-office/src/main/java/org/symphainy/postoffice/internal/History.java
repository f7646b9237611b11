package org.symphainy.postoffice.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.symphainy.sdk.governance.Decision;
import org.symphainy.sdk.intent.ErrorCode;
import org.symphainy.sdk.runtime.Execution;
import org.symphainy.sdk.runtime.ExecutionState;
import org.symphainy.sdk.runtime.ExecutionUpdate;
import org.symphainy.sdk.runtime.RecordedContext;
import org.symphainy.sdk.runtime.Step;
import org.symphainy.sdk.runtime.StepState;

/**
 * Rebuilds an execution's updates, from the first, out of the execution as the Runtime records it. The Runtime numbers
 * an execution's updates by the write-ahead log records applied to it: 1 for IntentAccepted (or IntentHeld, then one
 * for its ExecutionApproved if a second principal approved it), then one per StepStarted
 * (each attempt, including one a restart interrupted), one for the step's StepCompleted or StepFailed, and one for
 * ExecutionCompleted or ExecutionFailed. {@link Execution} holds enough to count them (a step's attempts and states) and
 * to rebuild every update exactly, with one exception: an attempt a restart interrupted is not kept, so its update is
 * rebuilt with the time of the change before it. The Post Office checks the rebuilt updates against the Runtime's own
 * ({@link #agrees}) before it delivers them, so a Runtime that numbers differently is noticed, not believed.
 */
final class History {

    private History() {
    }

    /** The updates {@code execution} has had so far, sequence 1 first. */
    static List<ExecutionUpdate> of(Execution execution) {
        String id = execution.id();
        List<ExecutionUpdate> updates = new ArrayList<>();
        Instant known = execution.acceptedAt();
        boolean held = execution.decisions().stream().anyMatch(Decision::needsApproval);
        updates.add(new ExecutionUpdate(id, 1, known, held ? ExecutionState.AWAITING_APPROVAL : ExecutionState.ACCEPTED,
                null, null));
        if (held && approved(execution)) { // ExecutionApproved: its time is not in the record, the acceptance's stands in
            updates.add(new ExecutionUpdate(id, 2, known, ExecutionState.ACCEPTED, null, null));
        }
        Step last = null;
        for (Step step : execution.steps()) {
            for (int attempt = 1; attempt <= step.attempts(); attempt++) {
                Instant started = attempt == step.attempts() ? step.startedAt() : known;
                Step running = new Step(step.number(), step.intentType(), step.handler(), StepState.RUNNING, attempt,
                        withAttempt(step.context(), attempt), started, null, List.of(), null, step.name(), step.compensation());
                updates.add(new ExecutionUpdate(id, updates.size() + 1, started, ExecutionState.RUNNING, running, null));
                known = started;
            }
            if (step.state().isTerminal()) {
                updates.add(new ExecutionUpdate(id, updates.size() + 1, step.endedAt(), ExecutionState.RUNNING, step, null,
                        step.state() == StepState.COMPLETED ? execution.events() : List.of()));
                known = step.endedAt();
            }
            last = step;
        }
        if (execution.state().isTerminal()) {
            updates.add(new ExecutionUpdate(id, updates.size() + 1, execution.endedAt(), execution.state(), last,
                    execution.failure()));
        }
        return updates;
    }

    /**
     * True if {@code history} holds, at {@code live}'s sequence, the change {@code live} describes (same state, step and
     * failure; the time may differ, since the Runtime stamps the current state with the time it was asked). A terminal
     * {@code live} must also be the last of {@code history}.
     */
    static boolean agrees(List<ExecutionUpdate> history, ExecutionUpdate live) {
        long sequence = live.sequence();
        if (sequence > history.size() || (live.state().isTerminal() && sequence != history.size())) {
            return false;
        }
        return sameChange(history.get((int) sequence - 1), live);
    }

    /** True if both updates describe the same change: state, step and failure (not the time). */
    static boolean sameChange(ExecutionUpdate a, ExecutionUpdate b) {
        return a.sequence() == b.sequence() && a.state() == b.state() && Objects.equals(a.step(), b.step())
                && Objects.equals(a.failure(), b.failure());
    }

    /** True if a held execution was approved: it left AWAITING_APPROVAL other than by rejection or expiry. */
    private static boolean approved(Execution execution) {
        if (execution.state() == ExecutionState.AWAITING_APPROVAL) {
            return false;
        }
        ErrorCode failure = execution.failure() == null ? null : execution.failure().code();
        return failure != ErrorCode.APPROVAL_REJECTED && failure != ErrorCode.APPROVAL_EXPIRED;
    }

    private static RecordedContext withAttempt(RecordedContext context, int attempt) {
        return new RecordedContext(context.executionId(), context.step(), context.tenant(), context.actor(), attempt,
                context.instant(), context.seed(), context.inputs());
    }
}
