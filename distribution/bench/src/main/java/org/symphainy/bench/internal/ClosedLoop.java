package org.symphainy.bench.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.symphainy.sdk.intent.IntentException;

/**
 * A closed loop: a number of threads, each calling an operation again as soon as its previous call returned, for a
 * while or for a number of calls in all. The first operation that throws stops the loop and fails the bench.
 */
final class ClosedLoop {

    /** One call; returns the execution id it started, or null if it started none. */
    @FunctionalInterface
    interface Operation {
        String call();
    }

    /**
     * What a run did.
     *
     * @param calls the calls that returned
     * @param startNanos when the threads were let go ({@link System#nanoTime()})
     * @param nanos from then until the last call returned
     * @param lastIds the last execution id each thread started, for waiting on completions
     */
    record Run(long calls, long startNanos, long nanos, List<String> lastIds) {
        double perSecond() {
            return calls * 1e9 / nanos;
        }
    }

    private final int threads;
    private final String what;

    /** A loop of {@code threads} threads doing {@code what} (for messages and thread names). */
    ClosedLoop(int threads, String what) {
        this.threads = threads;
        this.what = what;
    }

    /** Calls {@code operation} from every thread until {@code duration} has passed. */
    Run forDuration(Operation operation, Duration duration) throws InterruptedException {
        return run(operation, Long.MAX_VALUE, duration.toNanos());
    }

    /** Calls {@code operation} {@code count} times in all. */
    Run forCount(Operation operation, long count) throws InterruptedException {
        return run(operation, count, 0);
    }

    private Run run(Operation operation, long count, long nanos) throws InterruptedException {
        AtomicLong claimed = new AtomicLong();
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        CountDownLatch go = new CountDownLatch(1);
        long[] calls = new long[threads];
        String[] lastIds = new String[threads];
        long[] start = new long[1];
        List<Thread> workers = new ArrayList<>(threads);
        for (int i = 0; i < threads; i++) {
            int index = i;
            workers.add(new Thread(() -> {
                awaitQuietly(go);
                long deadline = start[0] + nanos;
                while (failure.get() == null && !Thread.currentThread().isInterrupted()
                        && (nanos == 0 || System.nanoTime() - deadline < 0) && claimed.getAndIncrement() < count) {
                    try {
                        String id = operation.call();
                        if (id != null) {
                            lastIds[index] = id;
                        }
                        calls[index]++;
                    } catch (RuntimeException e) {
                        failure.compareAndSet(null, e);
                    }
                }
            }, "symphainy-bench-" + what + "-" + i));
        }
        workers.forEach(Thread::start);
        start[0] = System.nanoTime();
        go.countDown();
        try {
            for (Thread worker : workers) {
                worker.join();
            }
        } catch (InterruptedException e) {
            workers.forEach(Thread::interrupt);
            throw e;
        }
        long elapsed = System.nanoTime() - start[0];
        if (failure.get() != null) {
            throw new BenchFailure(what + " failed: " + describe(failure.get()));
        }
        long total = 0;
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            total += calls[i];
            if (lastIds[i] != null) {
                ids.add(lastIds[i]);
            }
        }
        return new Run(total, start[0], elapsed, ids);
    }

    static String describe(RuntimeException e) {
        return e instanceof IntentException intent ? intent.code() + ": " + intent.getMessage() : e.toString();
    }

    private static void awaitQuietly(CountDownLatch go) {
        try {
            go.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
