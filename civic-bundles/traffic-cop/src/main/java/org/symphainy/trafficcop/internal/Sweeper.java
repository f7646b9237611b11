package org.symphainy.trafficcop.internal;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a task periodically on one daemon thread of its own, so ended sessions leave memory even when nobody looks them
 * up. The period can change while it runs; {@link #stop()} ends the thread (the component calls it on deactivation).
 */
final class Sweeper {

    private static final Logger LOG = LoggerFactory.getLogger("org.symphainy.trafficcop");

    private final ScheduledExecutorService executor;
    private final Runnable task;
    private ScheduledFuture<?> scheduled;
    private Duration interval;

    /** A sweeper that will run {@code task} on a daemon thread named {@code threadName}, once {@link #every} says how often. */
    Sweeper(String threadName, Runnable task) {
        this.executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, threadName);
            thread.setDaemon(true);
            return thread;
        });
        this.task = task;
    }

    /** Runs the task every {@code interval} from now on (a first run one interval from now). */
    synchronized void every(Duration interval) {
        if (interval.equals(this.interval) || executor.isShutdown()) {
            return;
        }
        if (scheduled != null) {
            scheduled.cancel(false);
        }
        long millis = interval.toMillis();
        scheduled = executor.scheduleWithFixedDelay(this::runGuarded, millis, millis, TimeUnit.MILLISECONDS);
        this.interval = interval;
    }

    /** Stops the thread, waiting up to 5 seconds for a run in progress. */
    void stop() {
        executor.shutdownNow();
        try {
            if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.warn("the session sweeper did not stop within 5 s; it is a daemon thread and will not hold the JVM");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** True once {@link #stop()} has ended the thread. */
    boolean stopped() {
        return executor.isTerminated();
    }

    /** Runs the task; a failure is logged and the next run still happens (an escaping exception would end them all). */
    private void runGuarded() {
        try {
            task.run();
        } catch (RuntimeException e) {
            LOG.error("sweeping ended sessions failed; the next sweep is in {} ms", interval.toMillis(), e);
        }
    }
}
