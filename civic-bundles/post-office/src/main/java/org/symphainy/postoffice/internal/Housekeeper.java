package org.symphainy.postoffice.internal;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the mailroom's {@link Mailroom#sweep} every second on one daemon thread of its own: delivery timeouts are seen
 * within a second of passing, and feeds leave memory even when nobody subscribes any more. {@link #stop()} ends the thread.
 */
final class Housekeeper {

    private static final Logger LOG = LoggerFactory.getLogger("org.symphainy.postoffice");
    private static final long PERIOD_MILLIS = 1_000;

    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "symphainy-post-office-sweeper");
        thread.setDaemon(true);
        return thread;
    });

    /** Starts sweeping {@code mailroom} every second. */
    Housekeeper(Mailroom mailroom) {
        executor.scheduleWithFixedDelay(() -> {
            try {
                mailroom.sweep();
            } catch (RuntimeException e) {
                LOG.error("Post Office sweep failed; the next one is in {} ms", PERIOD_MILLIS, e);
            }
        }, PERIOD_MILLIS, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Stops the thread, waiting up to 5 seconds for a sweep in progress. */
    void stop() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
