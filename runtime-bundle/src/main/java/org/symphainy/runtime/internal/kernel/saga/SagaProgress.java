package org.symphainy.runtime.internal.kernel.saga;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.symphainy.runtime.internal.kernel.saga.SagaAction.Compensate;
import org.symphainy.runtime.internal.kernel.saga.SagaAction.Done;
import org.symphainy.runtime.internal.kernel.saga.SagaAction.End;
import org.symphainy.runtime.internal.kernel.saga.SagaAction.GiveUp;
import org.symphainy.runtime.internal.kernel.saga.SagaAction.RunStep;
import org.symphainy.runtime.internal.kernel.saga.SagaEvent.CompensationCompleted;
import org.symphainy.runtime.internal.kernel.saga.SagaEvent.CompensationFailed;
import org.symphainy.runtime.internal.kernel.saga.SagaEvent.CompensationStarted;
import org.symphainy.runtime.internal.kernel.saga.SagaEvent.SagaEnded;
import org.symphainy.runtime.internal.kernel.saga.SagaEvent.SagaFailed;
import org.symphainy.runtime.internal.kernel.saga.SagaEvent.StepCompleted;
import org.symphainy.runtime.internal.kernel.saga.SagaEvent.StepFailed;
import org.symphainy.runtime.internal.kernel.saga.SagaEvent.StepStarted;
import org.symphainy.sdk.intent.Artifact;
import org.symphainy.sdk.intent.ErrorCode;
import org.symphainy.sdk.intent.Json;
import org.symphainy.sdk.runtime.RetryPolicy;
import org.symphainy.sdk.saga.SagaDefinition;
import org.symphainy.sdk.saga.SagaStep;

/**
 * Where one saga is, as the fold of its recorded events, and what it does next. Only {@link #apply} changes it, and an
 * event that does not fit is refused, so recovery is: fold the durable events, ask {@link #next()}. Decisions (retry,
 * give up, end) are taken by {@code next()} from the retry policies and recorded as events before they take effect,
 * so replaying the events reproduces the state whatever the policies say by then.
 */
public final class SagaProgress {

    private enum Phase { FORWARD, COMPENSATING, ENDED }

    private final SagaDefinition definition;
    private final Function<String, RetryPolicy> policies;
    private final long seed;
    private final Json input;
    private final Instant deadline;
    private final Map<String, Map<String, Artifact>> artifacts = new HashMap<>();
    private final List<Integer> completed = new ArrayList<>();
    private final List<Integer> compensated = new ArrayList<>();
    private final List<SagaEvent> failures = new ArrayList<>();
    private final List<Integer> plan = new ArrayList<>();
    private Phase phase = Phase.FORWARD;
    private int attempts;
    private boolean inFlight;
    private SagaEvent lastFailure;
    private SagaFailed gaveUp;
    private SagaEvent.CancelRequested cancelled;
    private SagaOutcome outcome;

    /**
     * The progress of a saga of {@code definition} that has recorded nothing yet; {@code policies} gives the retry
     * policy of an intent type (a step's own {@link SagaStep#retry()} overrides it), {@code seed} is the parent
     * execution's recorded seed (the jitter of its waits), {@code input} its payload, {@code startedAt} its
     * acceptance time (the saga's timeout counts from it).
     */
    public SagaProgress(SagaDefinition definition, Json input, Instant startedAt, Function<String, RetryPolicy> policies, long seed) {
        this.definition = definition;
        this.deadline = definition.timeout() == null ? null : startedAt.plus(definition.timeout());
        this.input = input;
        this.policies = policies;
        this.seed = seed;
    }

    /**
     * The payload of step {@code step} (of its compensation if {@code compensation}), from the saga's input and the
     * artifacts of the steps completed so far; throws IntentException (PAYLOAD_INVALID) if a source has no value.
     */
    public Json payload(int step, boolean compensation) {
        SagaStep s = definition.steps().get(step);
        return SagaPayloads.build(s.name(), compensation ? s.compensation().payload() : s.payload(), input, artifacts);
    }

    /** Moves the saga by one recorded event; throws IllegalStateException if it does not fit. */
    public void apply(SagaEvent event) {
        if (event instanceof StepStarted e) {
            require(phase == Phase.FORWARD && e.step() == completed.size() && e.attempt() == attempts + 1, event);
            started(e.attempt());
        } else if (event instanceof StepCompleted e) {
            require(phase == Phase.FORWARD && inFlight && e.step() == completed.size() && e.attempt() == attempts, event);
            completed.add(e.step());
            Map<String, Artifact> byKind = new LinkedHashMap<>();
            e.artifacts().forEach(artifact -> byKind.putIfAbsent(artifact.kind(), artifact));
            artifacts.put(definition.steps().get(e.step()).name(), byKind);
            settled();
        } else if (event instanceof StepFailed e) {
            require(phase == Phase.FORWARD && inFlight && e.step() == completed.size() && e.attempt() == attempts, event);
            failed(e);
        } else if (event instanceof SagaEvent.CancelRequested e) {
            if (cancelled == null) {
                cancelled = e; // after the end, or during compensation, it changes nothing
            }
        } else if (event instanceof SagaFailed e) {
            // in flight only if an attempt was running when the kernel stopped: it is abandoned, never reported
            require(phase == Phase.FORWARD && e.step() == completed.size(), event);
            gaveUp = e;
            phase = Phase.COMPENSATING;
            settled();
            lastFailure = null;
            for (int i = completed.size() - 1; i >= 0; i--) {
                if (definition.steps().get(completed.get(i)).compensation() != null) {
                    plan.add(completed.get(i));
                }
            }
        } else if (event instanceof CompensationStarted e) {
            require(phase == Phase.COMPENSATING && e.step() == nextToCompensate() && e.attempt() == attempts + 1, event);
            started(e.attempt());
        } else if (event instanceof CompensationCompleted e) {
            require(phase == Phase.COMPENSATING && inFlight && e.step() == nextToCompensate() && e.attempt() == attempts, event);
            compensated.add(e.step());
            settled();
        } else if (event instanceof CompensationFailed e) {
            require(phase == Phase.COMPENSATING && inFlight && e.step() == nextToCompensate() && e.attempt() == attempts, event);
            failed(e);
        } else if (event instanceof SagaEnded e) {
            require(phase != Phase.ENDED && next() instanceof End end && end.outcome() == e.outcome(), event);
            phase = Phase.ENDED;
            outcome = e.outcome();
        }
    }

    /** What the saga does next, without looking at its timeout (as recovery and replay see it). */
    public SagaAction next() {
        return next(null);
    }

    /**
     * What the saga does next at {@code now}: the next attempt (after its durable backoff), giving up on the step (its
     * retries exhausted, or the saga's timeout passed — or due to pass before the next attempt), the next
     * compensation, or the end. Compensation is never cut short by the timeout.
     */
    public SagaAction next(Instant now) {
        SagaAction next = plan();
        if (deadline != null && now != null && next instanceof RunStep run
                && (!now.isBefore(deadline) || (run.due() != null && run.due().isAfter(deadline)))) {
            return new GiveUp(run.step(), ErrorCode.STEP_TIMEOUT, "the saga did not complete within its timeout of "
                    + definition.timeout() + " (step '" + definition.steps().get(run.step()).name() + "' was next)");
        }
        return next;
    }

    private SagaAction plan() {
        return switch (phase) {
            case ENDED -> new Done(outcome);
            case FORWARD -> {
                if (completed.size() == definition.steps().size()) {
                    yield new End(SagaOutcome.COMPLETED);
                }
                int step = completed.size();
                if (cancelled != null) {
                    yield new GiveUp(step, ErrorCode.CANCELLED, cancelled.message() + " (before step '"
                            + definition.steps().get(step).name() + "')");
                }
                yield lastFailure == null ? new RunStep(step, attempts + 1, null)
                        : retryDue(stepPolicy(step)).<SagaAction>map(due -> new RunStep(step, attempts + 1, due))
                                .orElseGet(() -> exhausted(step));
            }
            case COMPENSATING -> {
                if (lastFailure != null) {
                    int step = nextToCompensate();
                    yield retryDue(compensationPolicy(step)).<SagaAction>map(due -> new Compensate(step, attempts + 1, due))
                            .orElse(new End(SagaOutcome.COMPENSATION_FAILED));
                }
                yield compensated.size() == plan.size() ? new End(SagaOutcome.COMPENSATED)
                        : new Compensate(nextToCompensate(), attempts + 1, null);
            }
        };
    }

    /** Giving up on a step whose last failure is not retried: that failure, with its attempts. */
    private GiveUp exhausted(int step) {
        StepFailed failure = (StepFailed) lastFailure;
        return new GiveUp(step, failure.code(), failure.message() + " (attempt " + failure.attempt() + " of "
                + stepPolicy(step).maxAttempts() + ", step '" + definition.steps().get(step).name() + "')");
    }

    private void started(int attempt) {
        attempts = attempt;
        inFlight = true;
        lastFailure = null;
    }

    private void settled() {
        attempts = 0;
        inFlight = false;
    }

    private void failed(SagaEvent failure) {
        inFlight = false;
        lastFailure = failure;
        failures.add(failure);
    }

    /** When the next attempt after the last failure is due, or empty if the policy gives no further attempt. */
    private Optional<Instant> retryDue(RetryPolicy policy) {
        ErrorCode code = lastFailure instanceof StepFailed s ? s.code() : ((CompensationFailed) lastFailure).code();
        if (!policy.retries(code, attempts)) {
            return Optional.empty();
        }
        return Optional.of(lastFailure.at().plus(policy.delayAfter(attempts, seed)));
    }

    private int nextToCompensate() {
        return compensated.size() < plan.size() ? plan.get(compensated.size()) : -1;
    }

    /** The retry policy of step {@code step}: its own, else its intent type's. */
    public RetryPolicy stepPolicy(int step) {
        SagaStep s = definition.steps().get(step);
        return s.retry() != null ? s.retry() : policy(s.intentType());
    }

    /** The retry policy of the compensation of step {@code step}: its intent type's. */
    public RetryPolicy compensationPolicy(int step) {
        return policy(definition.steps().get(step).compensation().intentType());
    }

    private RetryPolicy policy(String intentType) {
        RetryPolicy policy = policies.apply(intentType);
        return policy == null ? RetryPolicy.DEFAULT : policy;
    }

    private void require(boolean fits, SagaEvent event) {
        if (!fits) {
            throw new IllegalStateException("saga event " + event + " does not fit saga '" + definition.intentType()
                    + "' in phase " + phase + " after steps " + completed + ", compensations " + compensated
                    + ": the log is inconsistent");
        }
    }

    public SagaDefinition definition() {
        return definition;
    }

    /** How it ended, or null while it runs. */
    public SagaOutcome outcome() {
        return outcome;
    }

    /** The steps completed, in order. */
    public List<Integer> completed() {
        return List.copyOf(completed);
    }

    /** The steps compensated, in the order their compensations completed. */
    public List<Integer> compensated() {
        return List.copyOf(compensated);
    }

    /** The completed steps with a compensation, latest first: the order they are (to be) compensated in. */
    public List<Integer> compensationPlan() {
        return List.copyOf(plan);
    }

    /** The completed steps whose compensation did not complete (for an operator, after COMPENSATION_FAILED). */
    public List<Integer> uncompensated() {
        return List.copyOf(plan.subList(compensated.size(), plan.size()));
    }

    /** Every failed attempt, of steps and of compensations, in order. */
    public List<SagaEvent> failures() {
        return List.copyOf(failures);
    }

    /** True once a cancellation was recorded. */
    public boolean cancelRequested() {
        return cancelled != null;
    }

    /** How many attempts of the current step or compensation started (0 between them). */
    public int attempts() {
        return attempts;
    }

    /** The step failure that started compensation, or null. */
    public SagaFailed gaveUp() {
        return gaveUp;
    }
}
