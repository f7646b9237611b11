package org.symphainy.runtime.internal.kernel;

import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.ObjLongConsumer;

import org.symphainy.runtime.internal.record.KernelRecord;
import org.symphainy.runtime.internal.record.KernelRecord.ExecutionCompleted;
import org.symphainy.runtime.internal.record.KernelRecord.ExecutionFailed;
import org.symphainy.runtime.internal.record.KernelRecord.StepCompleted;
import org.symphainy.runtime.internal.record.KernelRecord.StepFailed;
import org.symphainy.runtime.internal.record.KernelRecord.StepStarted;
import org.symphainy.sdk.intent.ErrorCode;
import org.symphainy.sdk.intent.IntentHandler;
import org.symphainy.sdk.intent.Result;

/**
 * Runs one attempt of an execution's step: records StepStarted, calls the handler under the recorded context, and
 * records the outcome — StepCompleted and ExecutionCompleted, or StepFailed and ExecutionFailed. A watchdog fails an
 * attempt that outlives the step timeout; whichever of handler and watchdog settles the attempt first is recorded.
 * StepStarted is written while the handler runs (the WAL keeps order), so a durable write overlaps the work.
 */
final class StepRunner {

    private final Journal journal;
    private final ObjLongConsumer<KernelRecord> applied;
    private final ScheduledExecutorService watchdog;
    private final Clock clock;
    private final long timeoutMillis;

    /** {@code applied} receives every record once it is durable, in order. */
    StepRunner(Journal journal, ObjLongConsumer<KernelRecord> applied, ScheduledExecutorService watchdog, Clock clock,
            long timeoutMillis) {
        this.journal = journal;
        this.applied = applied;
        this.watchdog = watchdog;
        this.clock = clock;
        this.timeoutMillis = timeoutMillis;
    }

    /** Runs the next attempt of {@code entry}'s step with {@code handler}. */
    void run(ExecutionEntry entry, IntentHandler handler) {
        if (entry.stepCompleted()) {
            record(new ExecutionCompleted(entry.id(), clock.instant()));
            return;
        }
        int attempt = entry.attempts() + 1;
        StepStarted started = new StepStarted(entry.id(), clock.instant(), ExecutionEntry.STEP, attempt);
        CompletableFuture<Long> startedDurably = journal.append(started);
        AtomicBoolean settled = new AtomicBoolean();
        if (watchdog.isShutdown()) {
            return; // the kernel is stopping: the execution resumes from the WAL at the next start
        }
        ScheduledFuture<?> timeout = watchdog.schedule(() -> {
            if (settled.compareAndSet(false, true)) {
                apply(started, startedDurably);
                fail(entry, attempt, ErrorCode.STEP_TIMEOUT, "the handler did not return within " + timeoutMillis
                        + " ms (step timeout); it must not block: no I/O, no waiting");
            }
        }, timeoutMillis, TimeUnit.MILLISECONDS);
        Result result;
        try {
            result = handler.handle(entry.accepted().intent(), new KernelContext(entry.context(attempt)));
        } catch (Exception | LinkageError e) {
            settle(settled, timeout, started, startedDurably,
                    () -> fail(entry, attempt, ErrorCode.HANDLER_FAILED, "the handler threw " + e));
            return;
        }
        if (result == null) {
            settle(settled, timeout, started, startedDurably,
                    () -> fail(entry, attempt, ErrorCode.HANDLER_RETURNED_NULL, "the handler returned null; return a Result"));
            return;
        }
        settle(settled, timeout, started, startedDurably, () -> complete(entry, attempt, result));
    }

    private void settle(AtomicBoolean settled, ScheduledFuture<?> timeout, StepStarted started,
            CompletableFuture<Long> startedDurably, Runnable outcome) {
        if (settled.compareAndSet(false, true)) {
            timeout.cancel(false);
            apply(started, startedDurably);
            outcome.run();
        }
    }

    private void complete(ExecutionEntry entry, int attempt, Result result) {
        StepCompleted completed = new StepCompleted(entry.id(), clock.instant(), ExecutionEntry.STEP, attempt,
                result.artifacts(), result.events());
        CompletableFuture<Long> stepDurably = journal.append(completed);
        ExecutionCompleted done = new ExecutionCompleted(entry.id(), clock.instant());
        CompletableFuture<Long> doneDurably = journal.append(done);
        apply(completed, stepDurably);
        apply(done, doneDurably);
    }

    private void fail(ExecutionEntry entry, int attempt, ErrorCode code, String message) {
        StepFailed failed = new StepFailed(entry.id(), clock.instant(), ExecutionEntry.STEP, attempt, code, message);
        CompletableFuture<Long> stepDurably = journal.append(failed);
        ExecutionFailed done = new ExecutionFailed(entry.id(), clock.instant(), code, message);
        CompletableFuture<Long> doneDurably = journal.append(done);
        apply(failed, stepDurably);
        apply(done, doneDurably);
    }

    /** Records a terminal record on its own (an execution whose step had completed before a restart). */
    private void record(KernelRecord record) {
        apply(record, journal.append(record));
    }

    private void apply(KernelRecord record, CompletableFuture<Long> durably) {
        applied.accept(record, durably.join());
    }
}
