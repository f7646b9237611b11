package org.symphainy.bench.internal;

import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

import org.symphainy.sdk.runtime.ExecutionState;
import org.symphainy.sdk.runtime.Runtime;
import org.symphainy.sdk.runtime.Subscription;

/**
 * An open loop: submissions at a fixed rate, each at its scheduled time whatever the kernel does with the earlier ones.
 * Latencies count from the scheduled time, not from when a thread got round to submitting, so a stalled kernel shows
 * as the latency it causes (no coordinated omission). Completion is observed through {@link Runtime#subscribe}.
 */
final class OpenLoop {

    /** Latencies in nanoseconds, per submission: until the acceptance was durable, and until the execution ended. */
    record Latencies(long[] durable, long[] ended) {
    }

    /** Enough threads that submissions never wait for one while the kernel answers within 100 ms at 2,000/s. */
    private static final int THREADS = 256;

    private final Runtime runtime;
    private final EchoIntents intents;

    OpenLoop(Runtime runtime, EchoIntents intents) {
        this.runtime = runtime;
        this.intents = intents;
    }

    /** Submits {@code perSecond} intents a second for {@code duration}, then waits until every execution has ended. */
    Latencies run(int perSecond, Duration duration, Duration patience) throws InterruptedException {
        int count = Math.toIntExact(perSecond * duration.toSeconds());
        long interval = 1_000_000_000L / perSecond;
        Tally tally = new Tally(count);
        Queue<Subscription> subscriptions = new ConcurrentLinkedQueue<>();
        AtomicInteger threadNumber = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(THREADS,
                r -> new Thread(r, "symphainy-bench-open-" + threadNumber.incrementAndGet()));
        try {
            long start = System.nanoTime() + 1_000_000;
            for (int i = 0; i < count && tally.failure.get() == null; i++) {
                long scheduled = start + i * interval;
                sleepUntil(scheduled);
                int index = i;
                threads.execute(() -> submit(index, scheduled, tally, subscriptions));
            }
            if (!tally.endedCount.await(patience.toMillis(), TimeUnit.MILLISECONDS) && tally.failure.get() == null) {
                throw new BenchFailure((count - tally.endedCount.getCount()) + " of " + count + " executions ended within "
                        + patience.toSeconds() + " s after the open-loop load; the kernel did not keep up");
            }
            if (tally.failure.get() != null) {
                throw new BenchFailure("the open-loop load failed: " + tally.failure.get());
            }
            return new Latencies(toArray(tally.durable), toArray(tally.ended));
        } finally {
            threads.shutdownNow();
            subscriptions.forEach(Subscription::close);
        }
    }

    private void submit(int index, long scheduled, Tally tally, Queue<Subscription> subscriptions) {
        try {
            String id = runtime.submit(intents.next()).executionId();
            tally.durable.set(index, System.nanoTime() - scheduled);
            subscriptions.add(runtime.subscribe(id, update -> {
                if (update.state().isTerminal()) {
                    tally.end(index, scheduled, update.state());
                }
            }));
            // an execution that ended before the subscription began sends no update: look once
            runtime.execution(id).filter(e -> e.state().isTerminal()).ifPresent(e -> tally.end(index, scheduled, e.state()));
        } catch (RuntimeException e) {
            tally.fail(ClosedLoop.describe(e));
        }
    }

    private static void sleepUntil(long nanoTime) {
        for (long left = nanoTime - System.nanoTime(); left > 0; left = nanoTime - System.nanoTime()) {
            LockSupport.parkNanos(left);
        }
    }

    private static long[] toArray(AtomicLongArray values) {
        long[] copy = new long[values.length()];
        for (int i = 0; i < copy.length; i++) {
            copy[i] = values.get(i);
        }
        return copy;
    }

    /** What the submissions found, written by many threads. */
    private static final class Tally {
        final AtomicLongArray durable;
        final AtomicLongArray ended;
        final CountDownLatch endedCount;
        final AtomicReference<String> failure = new AtomicReference<>();

        Tally(int count) {
            durable = new AtomicLongArray(count);
            ended = new AtomicLongArray(count);
            endedCount = new CountDownLatch(count);
        }

        /** Records the end of submission {@code index}, once. */
        void end(int index, long scheduled, ExecutionState state) {
            if (ended.compareAndSet(index, 0, Math.max(1, System.nanoTime() - scheduled))) {
                if (state != ExecutionState.COMPLETED) {
                    fail("an execution ended " + state);
                }
                endedCount.countDown();
            }
        }

        void fail(String why) {
            if (failure.compareAndSet(null, why)) {
                while (endedCount.getCount() > 0) {
                    endedCount.countDown();
                }
            }
        }
    }
}
