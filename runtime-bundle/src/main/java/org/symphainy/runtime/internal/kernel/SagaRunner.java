package org.symphainy.runtime.internal.kernel;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.ObjLongConsumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.symphainy.runtime.internal.kernel.saga.SagaAction;
import org.symphainy.runtime.internal.kernel.saga.SagaEvent;
import org.symphainy.runtime.internal.kernel.saga.SagaOutcome;
import org.symphainy.runtime.internal.kernel.saga.SagaProgress;
import org.symphainy.runtime.internal.record.KernelRecord;
import org.symphainy.runtime.internal.record.KernelRecord.IntentAccepted;
import org.symphainy.sdk.governance.Decision;
import org.symphainy.sdk.identity.Principal;
import org.symphainy.sdk.intent.Artifact;
import org.symphainy.sdk.intent.ErrorCode;
import org.symphainy.sdk.intent.HandlerRef;
import org.symphainy.sdk.intent.Intent;
import org.symphainy.sdk.intent.IntentException;
import org.symphainy.sdk.intent.Json;
import org.symphainy.sdk.intent.Result;
import org.symphainy.sdk.registry.AdmittedHandler;
import org.symphainy.sdk.registry.IntentRegistry;
import org.symphainy.sdk.runtime.RetryPolicy;
import org.symphainy.sdk.saga.SagaDefinition;
import org.symphainy.sdk.saga.SagaStep;

/**
 * Runs sagas: each step (and each compensation) is a handler call of its own intent, recorded as records of the saga's
 * execution. What comes next is always asked of the saga's {@link SagaProgress}, the fold of its records, so a saga
 * resumes from the WAL exactly where it stopped.
 * <p>
 * Fast by design: handlers have no side effects, so a step does not wait for the previous record to be durable. Records
 * are appended in order without blocking and applied to the book (and so to subscribers and projections) only once
 * durable, in order; the execution is seen to end when its last record is durable. A crash loses at most records not
 * yet durable, whose steps then run again. Backoff waits are timers, not sleeping threads; their due time comes from
 * recorded times and the recorded seed, so a restart waits only what is left.
 * <p>
 * One thread at a time drives a saga ({@link Run#driving}); a step's watchdog that fires before the handler returns
 * records the timeout and takes over the driving, and the late handler's result is dropped.
 */
final class SagaRunner {

    private static final Logger LOG = LoggerFactory.getLogger("org.symphainy.runtime");

    /**
     * Governance of each step as it runs (the saga and its steps' intent types were governed when it was submitted):
     * the Librarian checks the payload a step is about to run with; the Librarian and the Data Steward its artifacts.
     */
    interface StepGovernance {

        /** The denial of the payload {@code step} is about to run with, or empty if it may run. */
        Optional<Decision> payloadDenial(Intent step, String executionId, Principal principal);

        /** What is wrong with a step's artifacts (empty: they may be recorded). */
        List<String> artifactProblems(HandlerRef handler, String executionId, List<Artifact> artifacts);
    }

    private final Journal journal;
    private final ObjLongConsumer<KernelRecord> applied;
    private final ScheduledExecutorService timers;
    private final ExecutorService workers;
    private final Clock clock;
    private final long stepTimeoutMillis;
    private final Function<String, RetryPolicy> retries;
    private final IntentRegistry registry;
    private final KernelDrain drain;
    private final StepGovernance governance;
    private final Map<String, Run> runs = new ConcurrentHashMap<>();

    SagaRunner(Journal journal, ObjLongConsumer<KernelRecord> applied, ScheduledExecutorService timers,
            ExecutorService workers, Clock clock, long stepTimeoutMillis, Function<String, RetryPolicy> retries,
            IntentRegistry registry, KernelDrain drain, StepGovernance governance) {
        this.journal = journal;
        this.applied = applied;
        this.timers = timers;
        this.workers = workers;
        this.clock = clock;
        this.stepTimeoutMillis = stepTimeoutMillis;
        this.retries = retries;
        this.registry = registry;
        this.drain = drain;
        this.governance = governance;
    }

    /** One saga being driven. */
    private final class Run {
        final ExecutionEntry entry;
        final IntentAccepted accepted;
        final SagaProgress progress;
        CompletableFuture<Void> chain = CompletableFuture.completedFuture(null); // the last record applied, in order
        volatile String cancel; // a recorded cancellation not folded into the progress yet
        boolean driving; // guarded by this
        boolean again; // guarded by this: drive once more when the current driver lets go
        ScheduledFuture<?> waiting; // guarded by this: the timer of a backoff wait

        Run(ExecutionEntry entry, IntentAccepted accepted) {
            this.entry = entry;
            this.accepted = accepted;
            this.progress = new SagaProgress(accepted.saga(), accepted.intent().payload(), accepted.at(), this::policy,
                    accepted.seed());
        }

        private RetryPolicy policy(String intentType) {
            try {
                return retries.apply(intentType);
            } catch (RuntimeException e) {
                LOG.warn("retry policy of {} could not be had ({}); the default applies", intentType, e.toString());
                return RetryPolicy.DEFAULT;
            }
        }
    }

    /**
     * Drives the saga of {@code entry} (accepted as {@code accepted}) from {@code recorded}, its records so far in WAL
     * order (none for a saga just accepted). Nothing happens if it is being driven already.
     */
    void run(ExecutionEntry entry, IntentAccepted accepted, List<KernelRecord> recorded) {
        Run run = new Run(entry, accepted);
        for (KernelRecord record : recorded) {
            SagaEvent event = event(record);
            if (event != null) {
                run.progress.apply(event);
            }
        }
        if (runs.putIfAbsent(entry.id(), run) == null) {
            schedule(run);
        }
    }

    /** True if the saga of this execution is being driven now. */
    boolean running(String executionId) {
        return runs.containsKey(executionId);
    }

    /** A cancellation of the saga was recorded: it gives up before its next step (at once if it waits for a retry). */
    void cancel(String executionId, String message) {
        Run run = runs.get(executionId);
        if (run == null) {
            return; // not driven now: the recorded cancellation is folded when it resumes
        }
        run.cancel = message;
        ScheduledFuture<?> waiting;
        synchronized (run) {
            waiting = run.waiting;
            run.waiting = null;
        }
        if (waiting != null && waiting.cancel(false)) {
            schedule(run);
        }
    }

    private void schedule(Run run) {
        try {
            workers.execute(() -> drive(run));
        } catch (RejectedExecutionException stopping) {
            runs.remove(run.entry.id()); // the kernel is closing: the saga resumes from the WAL at the next start
        }
    }

    private void drive(Run run) {
        synchronized (run) {
            if (run.driving) {
                run.again = true;
                return;
            }
            run.driving = true;
        }
        boolean handedOver;
        try {
            handedOver = advance(run);
        } catch (RuntimeException e) {
            LOG.error("saga execution {} stopped: {}; it resumes from the WAL at the next start", run.entry.id(), e.toString(), e);
            runs.remove(run.entry.id());
            handedOver = false;
        }
        if (!handedOver) {
            release(run);
        }
    }

    private void release(Run run) {
        boolean again;
        synchronized (run) {
            run.driving = false;
            again = run.again;
            run.again = false;
        }
        if (again && runs.get(run.entry.id()) == run) {
            schedule(run);
        }
    }

    /**
     * Moves the saga on until it ends, waits, or a watchdog took it over; returns true in the last case (the driving
     * passed to the watchdog, which lets go when it is done).
     */
    private boolean advance(Run run) {
        String id = run.entry.id();
        while (true) {
            Instant now = clock.instant();
            String cancel = run.cancel;
            if (cancel != null && !run.progress.cancelRequested()) {
                run.progress.apply(new SagaEvent.CancelRequested(now, cancel));
            }
            SagaAction action = run.progress.next(now);
            if (action instanceof SagaAction.Done) {
                runs.remove(id);
                return false;
            } else if (action instanceof SagaAction.End end) {
                record(run, end.outcome() == SagaOutcome.COMPLETED ? new KernelRecord.ExecutionCompleted(id, now)
                        : new KernelRecord.SagaEnded(id, now, end.outcome() == SagaOutcome.COMPENSATED, summary(run, end.outcome())));
                run.progress.apply(new SagaEvent.SagaEnded(end.outcome(), now));
            } else if (action instanceof SagaAction.GiveUp giveUp) {
                record(run, new KernelRecord.SagaFailed(id, now, giveUp.step() + 1, giveUp.code(), giveUp.message()));
                run.progress.apply(new SagaEvent.SagaFailed(giveUp.step(), now, giveUp.code(), giveUp.message()));
            } else if (action instanceof SagaAction.RunStep step) {
                if (waits(run, step.due(), now)) {
                    return false;
                }
                Binding binding = bind(run, step.step(), false);
                if (binding == null) {
                    return false;
                }
                if (attempt(run, step.step(), step.attempt(), false, binding)) {
                    return true;
                }
            } else if (action instanceof SagaAction.Compensate compensate) {
                if (waits(run, compensate.due(), now)) {
                    return false;
                }
                Binding binding = bind(run, compensate.step(), true);
                if (binding == null) {
                    return false;
                }
                if (attempt(run, compensate.step(), compensate.attempt(), true, binding)) {
                    return true;
                }
            }
        }
    }

    /** Arms the timer of a backoff wait that is not over; false if it is over (or there is none). */
    private boolean waits(Run run, Instant due, Instant now) {
        if (due == null || !due.isAfter(now)) {
            return false;
        }
        synchronized (run) {
            try {
                run.waiting = timers.schedule(() -> schedule(run), Duration.between(now, due).toMillis() + 1, TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException stopping) {
                runs.remove(run.entry.id()); // resumes from the WAL at the next start, with the wait that is left
            }
        }
        if (run.cancel != null && !run.progress.cancelRequested()) {
            cancel(run.entry.id(), run.cancel); // a cancellation that came while the timer was armed: do not sleep on it
        }
        return true;
    }

    /**
     * Runs attempt {@code attempt} of step {@code index} (of its compensation if {@code undo}) and records how it went;
     * returns true if the step's watchdog fired first and took the saga over.
     */
    private boolean attempt(Run run, int index, int attempt, boolean undo, Binding binding) {
        try {
            return attempt(run, index, attempt, undo, binding.handler());
        } finally {
            if (binding.lease() != null) {
                binding.lease().release(); // the handler returned (or threw): its revision may drain
            }
        }
    }

    /** A step's handler, bound to its revision while it runs ({@code lease} is null when nothing serves the intent). */
    private record Binding(Optional<AdmittedHandler> handler, DrainGate.Lease lease) {
    }

    /**
     * The handler of step {@code index} (of its compensation if {@code undo}), bound to its revision so a deploy drains
     * it before swapping that bundle; null if the saga must wait for a swap first — its bundle drains now, or nothing
     * serves the intent while some bundle is swapped — and is driven again when the swap is done. A deploy never fails
     * a step.
     */
    private Binding bind(Run run, int index, boolean undo) {
        SagaStep step = run.progress.definition().steps().get(index);
        String intentType = undo ? step.compensation().intentType() : step.intentType();
        Optional<AdmittedHandler> handler = registry.resolve(intentType, null);
        if (handler.isEmpty()) {
            CompletableFuture<Void> swaps = drain.swapsNow();
            if (swaps.isDone()) {
                return new Binding(handler, null);
            }
            swaps.thenRun(() -> schedule(run));
            return null;
        }
        DrainGate.Lease lease = drain.tryBind(handler.get());
        if (lease == null) {
            drain.afterRelease(handler.get().ref(), () -> schedule(run));
            return null;
        }
        return new Binding(handler, lease);
    }

    private boolean attempt(Run run, int index, int attempt, boolean undo, Optional<AdmittedHandler> handler) {
        String id = run.entry.id();
        SagaStep step = run.progress.definition().steps().get(index);
        String intentType = undo ? step.compensation().intentType() : step.intentType();
        HandlerRef ref = handler.map(AdmittedHandler::ref).orElseGet(() -> unresolved(intentType));
        Instant now = clock.instant();
        if (undo) {
            record(run, new KernelRecord.CompensationStarted(id, now, index + 1, attempt, ref));
            run.progress.apply(new SagaEvent.CompensationStarted(index, attempt, now));
        } else {
            record(run, new KernelRecord.StepStarted(id, now, index + 1, attempt, ref));
            run.progress.apply(new SagaEvent.StepStarted(index, attempt, now));
        }
        if (handler.isEmpty()) {
            fail(run, index, attempt, undo, ErrorCode.HANDLER_UNAVAILABLE, "no deployed bundle serves intent '" + intentType
                    + "' now (step '" + step.name() + "'); it is retried under the step's retry policy");
            return false;
        }
        Json payload;
        try {
            payload = run.progress.payload(index, undo);
        } catch (IntentException e) {
            fail(run, index, attempt, undo, e.code(), e.getMessage());
            return false;
        }
        Intent parent = run.accepted.intent();
        Intent intent = parent.toBuilder().type(intentType).versionRange(null).payload(payload).idempotencyKey(null).build();
        // a Librarian that is missing or throws is a denial already (the pipeline's rule for every role)
        Optional<Decision> denial = governance.payloadDenial(intent, id, run.accepted.principal());
        if (denial.isPresent()) {
            fail(run, index, attempt, undo, Decision.PAYLOAD_INVALID.equals(denial.get().code()) ? ErrorCode.PAYLOAD_INVALID
                    : ErrorCode.DENIED, "the payload of " + (undo ? "the compensation of step '" : "step '") + step.name()
                    + "' (" + intentType + ") was refused by the Librarian: " + String.join("; ", denial.get().reasons()));
            return false;
        }
        long timeout = step.timeout() != null ? Math.max(1, step.timeout().toMillis()) : stepTimeoutMillis;
        AtomicBoolean settled = new AtomicBoolean();
        ScheduledFuture<?> watchdog;
        try {
            watchdog = timers.schedule(() -> {
                if (settled.compareAndSet(false, true)) {
                    fail(run, index, attempt, undo, ErrorCode.STEP_TIMEOUT, "the handler of '" + intentType + "' did not "
                            + "return within " + timeout + " ms (step '" + step.name() + "'); it must not block");
                    takeOver(run);
                }
            }, timeout, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopping) {
            return false; // closing: the next advance finds the kernel stopped; the saga resumes from the WAL
        }
        Result result;
        try {
            result = handler.get().handler().handle(intent, new KernelContext(run.entry.context(index + 1, attempt, undo)));
        } catch (Exception | LinkageError e) {
            if (!settle(settled, watchdog)) {
                return true;
            }
            fail(run, index, attempt, undo, e instanceof IntentException coded ? coded.code() : ErrorCode.HANDLER_FAILED,
                    "the handler of '" + intentType + "' threw " + e);
            return false;
        }
        if (!settle(settled, watchdog)) {
            return true;
        }
        if (result == null) {
            fail(run, index, attempt, undo, ErrorCode.HANDLER_RETURNED_NULL, "the handler of '" + intentType
                    + "' returned null; return a Result");
            return false;
        }
        completed(run, index, attempt, undo, ref, result);
        return false;
    }

    /** The watchdog recorded a timeout: it drives the saga on, on a worker, and lets go when done. */
    private void takeOver(Run run) {
        try {
            workers.execute(() -> {
                boolean handedOver;
                try {
                    handedOver = advance(run);
                } catch (RuntimeException e) {
                    LOG.error("saga execution {} stopped: {}; it resumes from the WAL at the next start", run.entry.id(), e.toString(), e);
                    runs.remove(run.entry.id());
                    handedOver = false;
                }
                if (!handedOver) {
                    release(run);
                }
            });
        } catch (RejectedExecutionException stopping) {
            runs.remove(run.entry.id());
        }
    }

    private static boolean settle(AtomicBoolean settled, ScheduledFuture<?> watchdog) {
        if (settled.compareAndSet(false, true)) {
            watchdog.cancel(false);
            return true;
        }
        return false;
    }

    private void completed(Run run, int index, int attempt, boolean undo, HandlerRef ref, Result result) {
        String id = run.entry.id();
        Instant now = clock.instant();
        if (undo) {
            record(run, new KernelRecord.CompensationCompleted(id, now, index + 1, attempt, result.artifacts(), result.events()));
            run.progress.apply(new SagaEvent.CompensationCompleted(index, attempt, now));
            return;
        }
        KernelRecord.StepCompleted done = new KernelRecord.StepCompleted(id, now, index + 1, attempt, result.artifacts(),
                result.events());
        if (!done.artifacts().isEmpty()) {
            List<String> problems;
            try {
                problems = governance.artifactProblems(ref, id, run.entry.recorded(done, ref));
            } catch (RuntimeException e) {
                problems = List.of("the artifact check failed (" + e + "), and an artifact that cannot be checked is not recorded");
            }
            if (!problems.isEmpty()) {
                fail(run, index, attempt, false, ErrorCode.ARTIFACT_REJECTED, "the artifacts of step '"
                        + run.progress.definition().steps().get(index).name() + "' were rejected: " + String.join("; ", problems));
                return;
            }
        }
        record(run, done);
        run.progress.apply(new SagaEvent.StepCompleted(index, attempt, now, done.artifacts()));
    }

    private void fail(Run run, int index, int attempt, boolean undo, ErrorCode code, String message) {
        String id = run.entry.id();
        Instant now = clock.instant();
        if (undo) {
            record(run, new KernelRecord.CompensationFailed(id, now, index + 1, attempt, code, message));
            run.progress.apply(new SagaEvent.CompensationFailed(index, attempt, now, code, message));
        } else {
            record(run, new KernelRecord.StepFailed(id, now, index + 1, attempt, code, message));
            run.progress.apply(new SagaEvent.StepFailed(index, attempt, now, code, message));
        }
    }

    /** What an operator reads of a saga that ended after compensation. */
    private static String summary(Run run, SagaOutcome outcome) {
        SagaDefinition definition = run.progress.definition();
        SagaEvent.SagaFailed cause = run.progress.gaveUp();
        String why = cause == null ? "" : cause.code() == ErrorCode.CANCELLED ? cause.message()
                : "step '" + definition.steps().get(cause.step()).name() + "' failed: " + cause.message();
        if (outcome == SagaOutcome.COMPENSATED) {
            return why + "; every completed step was compensated, in reverse order";
        }
        List<String> left = run.progress.uncompensated().stream().map(i -> definition.steps().get(i).name()).toList();
        return why + "; compensation failed and these steps are NOT undone (latest first): " + String.join(", ", left)
                + "; see the execution's CompensationFailed records, undo them by hand or fix the compensation and replay";
    }

    /** Appends {@code record} without waiting; it is applied once durable, after every record appended before it. */
    private void record(Run run, KernelRecord record) {
        CompletableFuture<Long> durable = journal.append(record);
        run.chain = run.chain.thenCombine(durable, (done, sequence) -> {
            applied.accept(record, sequence);
            return (Void) null;
        });
        if (record.type() == org.symphainy.runtime.internal.record.RecordType.EXECUTION_COMPLETED
                || record instanceof KernelRecord.SagaEnded) {
            run.chain.whenComplete((done, failure) -> {
                if (failure != null) {
                    LOG.error("saga execution {}: its records were not all written ({}); it resumes from the WAL at the "
                            + "next start", record.executionId(), failure.getCause() != null ? failure.getCause() : failure);
                }
            });
        }
    }

    /** The saga event a recorded kernel record stands for, or null for records that are not saga transitions. */
    static SagaEvent event(KernelRecord record) {
        if (record instanceof KernelRecord.StepStarted r) {
            return new SagaEvent.StepStarted(r.step() - 1, r.attempt(), r.at());
        } else if (record instanceof KernelRecord.StepCompleted r) {
            return new SagaEvent.StepCompleted(r.step() - 1, r.attempt(), r.at(), r.artifacts());
        } else if (record instanceof KernelRecord.StepFailed r) {
            return new SagaEvent.StepFailed(r.step() - 1, r.attempt(), r.at(), r.code(), r.message());
        } else if (record instanceof KernelRecord.SagaFailed r) {
            return new SagaEvent.SagaFailed(r.step() - 1, r.at(), r.code(), r.message());
        } else if (record instanceof KernelRecord.CompensationStarted r) {
            return new SagaEvent.CompensationStarted(r.step() - 1, r.attempt(), r.at());
        } else if (record instanceof KernelRecord.CompensationCompleted r) {
            return new SagaEvent.CompensationCompleted(r.step() - 1, r.attempt(), r.at());
        } else if (record instanceof KernelRecord.CompensationFailed r) {
            return new SagaEvent.CompensationFailed(r.step() - 1, r.attempt(), r.at(), r.code(), r.message());
        } else if (record instanceof KernelRecord.SagaEnded r) {
            return new SagaEvent.SagaEnded(r.compensated() ? SagaOutcome.COMPENSATED : SagaOutcome.COMPENSATION_FAILED, r.at());
        } else if (record instanceof KernelRecord.ExecutionCompleted r) {
            return new SagaEvent.SagaEnded(SagaOutcome.COMPLETED, r.at());
        } else if (record instanceof KernelRecord.CancelRequested r) {
            return new SagaEvent.CancelRequested(r.at(), org.symphainy.runtime.internal.record.RecordHead.of(r).message());
        }
        return null;
    }

    /** The reference recorded for a step whose intent no deployed bundle serves now. */
    private static HandlerRef unresolved(String intentType) {
        return new HandlerRef("unresolved", "0.0.0", intentType, "0.0.0");
    }
}
