package org.symphainy.runtime.internal.kernel;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.ObjLongConsumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.symphainy.runtime.internal.record.KernelRecord;
import org.symphainy.runtime.internal.record.KernelRecord.ExecutionCompleted;
import org.symphainy.runtime.internal.record.KernelRecord.ExecutionFailed;
import org.symphainy.runtime.internal.record.KernelRecord.StepCompleted;
import org.symphainy.runtime.internal.record.KernelRecord.StepFailed;
import org.symphainy.runtime.internal.record.KernelRecord.StepStarted;
import org.symphainy.sdk.intent.Artifact;
import org.symphainy.sdk.intent.ErrorCode;
import org.symphainy.sdk.intent.IntentException;
import org.symphainy.sdk.intent.IntentHandler;
import org.symphainy.sdk.intent.Result;
import org.symphainy.sdk.runtime.RetryPolicy;

/**
 * Runs one attempt of an execution's step: records StepStarted, calls the handler under the recorded context, and
 * records the outcome — StepCompleted and ExecutionCompleted, or StepFailed and ExecutionFailed. A watchdog fails an
 * attempt that outlives the step timeout; whichever of handler and watchdog settles the attempt first is recorded.
 * Nothing here waits for the WAL: StepStarted is written while the handler runs, the outcome is applied by whoever
 * completes its write, so a worker is busy only while a handler runs, and the log batches the records of many workers.
 */
final class StepRunner {

    private static final Logger LOG = LoggerFactory.getLogger("org.symphainy.runtime");

    private final Journal journal;
    private final ObjLongConsumer<KernelRecord> applied;
    private final ScheduledExecutorService watchdog;
    private final Clock clock;
    private final long timeoutMillis;
    private final BiFunction<ExecutionEntry, List<Artifact>, List<String>> provenance;
    private final Function<String, RetryPolicy> retries;
    private final BiConsumer<ExecutionEntry, Duration> retryLater;

    /**
     * {@code applied} receives every record once it is durable, in order; {@code provenance} gives the problems of a
     * step's artifacts under the Data Steward's provenance rules (empty: they may be recorded); {@code retries} the
     * retry policy of an intent type, and {@code retryLater} schedules the next attempt of an execution after a wait
     * (once its StepFailed is applied).
     */
    StepRunner(Journal journal, ObjLongConsumer<KernelRecord> applied, ScheduledExecutorService watchdog, Clock clock,
            long timeoutMillis, BiFunction<ExecutionEntry, List<Artifact>, List<String>> provenance,
            Function<String, RetryPolicy> retries, BiConsumer<ExecutionEntry, Duration> retryLater) {
        this.journal = journal;
        this.applied = applied;
        this.watchdog = watchdog;
        this.clock = clock;
        this.timeoutMillis = timeoutMillis;
        this.provenance = provenance;
        this.retries = retries;
        this.retryLater = retryLater;
    }

    /** Runs the next attempt of {@code entry}'s step with {@code handler}; returns as soon as the handler has. */
    void run(ExecutionEntry entry, IntentHandler handler) {
        if (entry.state().isTerminal()) {
            return;
        }
        if (entry.stepCompleted()) {
            record(new ExecutionCompleted(entry.id(), clock.instant()));
            return;
        }
        if (entry.cancelRequested() && !entry.stepRunning()) { // a cancellation takes effect before the next attempt
            record(new ExecutionFailed(entry.id(), clock.instant(), ErrorCode.CANCELLED, "cancelled before "
                    + (entry.attempts() == 0 ? "its step ran" : "attempt " + (entry.attempts() + 1) + " of its step")));
            return;
        }
        int attempt = entry.attempts() + 1;
        StepStarted started = new StepStarted(entry.id(), clock.instant(), ExecutionEntry.STEP, attempt);
        CompletableFuture<Void> startApplied = journal.append(started).thenAccept(sequence -> applied.accept(started, sequence));
        if (watchdog.isShutdown()) {
            return; // the kernel is stopping: the execution resumes from the WAL at the next start
        }
        AtomicBoolean settled = new AtomicBoolean();
        ScheduledFuture<?> timeout = watchdog.schedule(() -> {
            if (settled.compareAndSet(false, true)) {
                fail(entry, attempt, startApplied, ErrorCode.STEP_TIMEOUT, "the handler did not return within "
                        + timeoutMillis + " ms (step timeout); it must not block: no I/O, no waiting");
            }
        }, timeoutMillis, TimeUnit.MILLISECONDS);
        Result result;
        try {
            result = handler.handle(entry.accepted().intent(), new KernelContext(entry.context(attempt)));
        } catch (Exception | LinkageError e) {
            if (settle(settled, timeout)) {
                fail(entry, attempt, startApplied, e instanceof IntentException coded ? coded.code() : ErrorCode.HANDLER_FAILED,
                        "the handler threw " + e);
            }
            return;
        }
        if (settle(settled, timeout)) {
            if (result == null) {
                fail(entry, attempt, startApplied, ErrorCode.HANDLER_RETURNED_NULL, "the handler returned null; return a Result");
            } else {
                complete(entry, attempt, startApplied, result);
            }
        }
    }

    /** True if the handler settled the attempt before the watchdog did. */
    private static boolean settle(AtomicBoolean settled, ScheduledFuture<?> timeout) {
        if (settled.compareAndSet(false, true)) {
            timeout.cancel(false);
            return true;
        }
        return false;
    }

    private void complete(ExecutionEntry entry, int attempt, CompletableFuture<Void> startApplied, Result result) {
        StepCompleted completed = new StepCompleted(entry.id(), clock.instant(), ExecutionEntry.STEP, attempt,
                result.artifacts(), result.events());
        List<String> problems;
        try {
            problems = completed.artifacts().isEmpty() ? List.of() : provenance.apply(entry, entry.recorded(completed));
        } catch (RuntimeException e) {
            problems = List.of("the artifact check failed (" + e + "), and an artifact that cannot be checked is not "
                    + "recorded");
        }
        if (!problems.isEmpty()) {
            fail(entry, attempt, startApplied, ErrorCode.ARTIFACT_REJECTED, "the step's artifacts were rejected: "
                    + String.join("; ", problems));
            return;
        }
        outcome(startApplied, completed, new ExecutionCompleted(entry.id(), clock.instant()));
    }

    /**
     * Records a failed attempt. If the intent's retry policy gives the step another attempt, only StepFailed is
     * recorded and the next attempt is scheduled after the policy's wait (a durable timer: the wait is computed from
     * the recorded failure time and seed, so a restart resumes it); otherwise the execution fails too.
     */
    private void fail(ExecutionEntry entry, int attempt, CompletableFuture<Void> startApplied, ErrorCode code, String message) {
        StepFailed failed = new StepFailed(entry.id(), clock.instant(), ExecutionEntry.STEP, attempt, code, message);
        RetryPolicy policy = policy(entry);
        if (policy.retries(code, attempt)) {
            CompletableFuture<Long> durably = journal.append(failed);
            CompletableFuture.allOf(startApplied, durably).thenRun(() -> {
                applied.accept(failed, durably.join());
                retryLater.accept(entry, policy.delayAfter(attempt, entry.seed()));
            }).whenComplete((done, failure) -> logFailure(failed, failure));
            return;
        }
        String why = attempt == 1 ? message : message + " (attempt " + attempt + " of " + policy.maxAttempts() + ")";
        if (policy.nonRetryable().contains(code) && policy.maxAttempts() > 1) {
            why += "; " + code + " is not retried";
        }
        outcome(startApplied, failed, new ExecutionFailed(entry.id(), clock.instant(), code, why));
    }

    /** The retry policy of the entry's intent type; no retry if the policy cannot be had. */
    RetryPolicy policy(ExecutionEntry entry) {
        try {
            RetryPolicy policy = retries.apply(entry.intentType());
            return policy == null ? RetryPolicy.DEFAULT : policy;
        } catch (RuntimeException e) {
            LOG.warn("retry policy of {} could not be had ({}); the default applies", entry.intentType(), e.toString());
            return RetryPolicy.DEFAULT;
        }
    }

    /**
     * Appends the step's outcome and the execution's end without waiting for them: once both are durable (and the
     * start is applied — the log writes in order), they are applied in order by whichever thread completes them.
     */
    private void outcome(CompletableFuture<Void> startApplied, KernelRecord step, KernelRecord end) {
        CompletableFuture<Long> stepDurably = journal.append(step);
        CompletableFuture<Long> endDurably = journal.append(end);
        CompletableFuture.allOf(startApplied, endDurably).thenRun(() -> {
            applied.accept(step, stepDurably.join());
            applied.accept(end, endDurably.join());
        }).whenComplete((done, failure) -> logFailure(end, failure));
    }

    /** Records a terminal record on its own (an execution whose step had completed before a restart). */
    private void record(KernelRecord record) {
        journal.append(record).thenAccept(sequence -> applied.accept(record, sequence))
                .whenComplete((done, failure) -> logFailure(record, failure));
    }

    /** A write the WAL refused (it is failing or closing): the execution stays as the log has it and resumes at restart. */
    private static void logFailure(KernelRecord record, Throwable failure) {
        if (failure != null) {
            LOG.error("execution {}: {} was not recorded ({}); the execution resumes from the WAL at the next start",
                    record.executionId(), record.type(), failure.getCause() != null ? failure.getCause() : failure);
        }
    }
}
