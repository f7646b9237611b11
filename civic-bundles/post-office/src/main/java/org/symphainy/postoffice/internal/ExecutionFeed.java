package org.symphainy.postoffice.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.symphainy.sdk.intent.ErrorCode;
import org.symphainy.sdk.intent.IntentException;
import org.symphainy.sdk.runtime.Execution;
import org.symphainy.sdk.runtime.ExecutionUpdate;
import org.symphainy.sdk.runtime.Runtime;
import org.symphainy.sdk.runtime.Subscription;

/**
 * One watched execution: its single Runtime subscription, its updates retained in order ({@link UpdateLog}), and the
 * deliveries reading them. {@link #open} subscribes to the Runtime and rebuilds the updates before the first one it
 * delivers ({@link History}); the Runtime's thread then only appends each new update and hands one wake-up task to the
 * delivery threads, so no subscriber ever runs on it. Dropped by the {@link Mailroom} once nobody has subscribed for the
 * retention time.
 */
final class ExecutionFeed {

    private static final Logger LOG = LoggerFactory.getLogger("org.symphainy.postoffice");

    private final String executionId;
    private final Executor executor;
    private final LongSupplier nanoTime;
    private final UpdateLog log = new UpdateLog();
    private final Set<SubscriberDelivery> deliveries = ConcurrentHashMap.newKeySet();
    private final CompletableFuture<Void> ready = new CompletableFuture<>();
    private final AtomicBoolean wakeUpPending = new AtomicBoolean();
    private volatile boolean ended;
    // guarded by this
    private List<ExecutionUpdate> early = new ArrayList<>(); // the Runtime's updates until the history is in; then null
    private Subscription subscription;
    private boolean retired;
    private boolean warned;
    private long idleSince;

    /** A feed of {@code executionId}'s updates, waking deliveries on {@code executor}. */
    ExecutionFeed(String executionId, Executor executor, LongSupplier nanoTime) {
        this.executionId = executionId;
        this.executor = executor;
        this.nanoTime = nanoTime;
        this.idleSince = nanoTime.getAsLong();
    }

    /**
     * Subscribes to the Runtime, waits up to {@code anchorWaitMillis} for its first update (the current state) and
     * rebuilds the updates before it from the recorded execution. Throws the Runtime's {@link IntentException}
     * ({@link ErrorCode#UNKNOWN_EXECUTION}) if there is no such execution; {@link #awaitReady} throws it too.
     */
    void open(Runtime runtime, long anchorWaitMillis) {
        try {
            Subscription opened = runtime.subscribe(executionId, this::received);
            synchronized (this) {
                subscription = opened;
            }
            ExecutionUpdate anchor = awaitFirst(anchorWaitMillis);
            Optional<Execution> execution = runtime.execution(executionId);
            synchronized (this) {
                install(execution.map(History::of).orElse(List.of()), anchor);
            }
            ready.complete(null);
            wakeDeliveries();
        } catch (RuntimeException | Error e) {
            closeSubscription();
            ready.completeExceptionally(e);
            throw e;
        }
    }

    /** Waits until {@link #open} is done; throws what it threw. */
    void awaitReady() {
        try {
            ready.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw new IntentException(ErrorCode.RUNTIME_UNAVAILABLE, "the Post Office could not watch execution "
                    + executionId + " (" + e.getCause() + "); subscribe again shortly", e.getCause());
        }
    }

    /** Adds a delivery; false if the feed was dropped meanwhile (the caller makes a new one). */
    synchronized boolean attach(SubscriberDelivery delivery) {
        if (retired) {
            return false;
        }
        deliveries.add(delivery);
        return true;
    }

    /** Removes a delivery that ended; the retention time starts once the last one is gone. */
    synchronized void detach(SubscriberDelivery delivery) {
        if (deliveries.remove(delivery) && deliveries.isEmpty()) {
            idleSince = nanoTime.getAsLong();
        }
    }

    /**
     * Drops the feed if nobody has subscribed for {@code retainNanos} (closing the Runtime subscription of an execution
     * still running); true if it did. A dropped feed accepts no delivery; a later subscriber gets a new one.
     */
    boolean retireIfIdle(long now, long retainNanos) {
        synchronized (this) {
            if (retired || !deliveries.isEmpty() || now - idleSince < retainNanos || !ready.isDone()) {
                return false;
            }
            retired = true;
        }
        closeSubscription();
        return true;
    }

    /** Drops the feed whatever its state: the Post Office is stopping. Returns the deliveries it had. */
    List<SubscriberDelivery> retire() {
        synchronized (this) {
            retired = true;
        }
        closeSubscription();
        return List.copyOf(deliveries);
    }

    String executionId() {
        return executionId;
    }

    UpdateLog log() {
        return log;
    }

    /** True once the execution's last update (COMPLETED or FAILED) is in the log. */
    boolean ended() {
        return ended;
    }

    /** The deliveries attached now. */
    Set<SubscriberDelivery> deliveries() {
        return deliveries;
    }

    /** Called on the Runtime's thread: appends the update and wakes the deliveries, on their own threads. */
    private void received(ExecutionUpdate update) {
        synchronized (this) {
            if (early != null) {
                early.add(update);
                notifyAll();
                return;
            }
            if (!accept(update)) {
                return;
            }
        }
        wakeDeliveries();
    }

    /** Schedules one task that wakes every delivery (coalesced: a burst of updates wakes them once). */
    void wakeDeliveries() {
        if (wakeUpPending.compareAndSet(false, true)) {
            try {
                executor.execute(this::wakeAll);
            } catch (RejectedExecutionException e) {
                wakeUpPending.set(false); // the Post Office is stopping: its deliveries end with STOPPED
            }
        }
    }

    private void wakeAll() {
        wakeUpPending.set(false);
        for (SubscriberDelivery delivery : deliveries) {
            delivery.wake();
        }
    }

    /** The first update the Runtime sends (the current state), waiting up to {@code millis}; null if none came. */
    private synchronized ExecutionUpdate awaitFirst(long millis) {
        long deadline = System.nanoTime() + millis * 1_000_000;
        try {
            while (early.isEmpty()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    LOG.warn("execution {}: the Runtime sent no current state within {} ms; its early updates are "
                            + "rebuilt without being checked against it", executionId, millis);
                    return null;
                }
                wait(Math.max(1, left / 1_000_000));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IntentException(ErrorCode.RUNTIME_UNAVAILABLE, "interrupted while watching execution "
                    + executionId + "; subscribe again");
        }
        return early.get(0);
    }

    /**
     * Puts the rebuilt {@code history} in the log if it agrees with the Runtime's current state {@code anchor}
     * (unchecked if there is none), then the Runtime's updates received so far. A history that disagrees is left out:
     * the log then starts at the Runtime's current state, and its sequence number shows subscribers what is missing.
     */
    private void install(List<ExecutionUpdate> history, ExecutionUpdate anchor) {
        if (anchor == null || History.agrees(history, anchor)) {
            history.forEach(this::accept);
        } else if (anchor.sequence() > 1) {
            LOG.warn("execution {}: its updates before {} cannot be rebuilt from the Runtime's record (rebuilt {}, the "
                    + "Runtime is at {} {}); subscribers asking for them receive the current state first", executionId,
                    anchor.sequence(), history.size(), anchor.sequence(), anchor.state());
        }
        List<ExecutionUpdate> received = early;
        early = null;
        received.forEach(this::accept);
    }

    /** Appends an update after the last one; a repeated or already rebuilt one is checked and skipped. */
    private boolean accept(ExecutionUpdate update) {
        long last = log.lastSequence();
        if (update.sequence() <= last) {
            ExecutionUpdate retained = log.find(update.sequence());
            if (retained != null && !History.sameChange(retained, update)) {
                warnOnce("update " + update.sequence() + " from the Runtime (" + update.state()
                        + ") differs from the one rebuilt (" + retained.state() + "); subscribers keep the rebuilt one");
            }
            return false;
        }
        if (last != 0 && update.sequence() != last + 1) {
            warnOnce("the Runtime sent update " + update.sequence() + " after " + last + "; subscribers see the gap");
        }
        log.append(update);
        if (update.state().isTerminal()) {
            ended = true; // the Runtime ends its subscription by itself
        }
        return true;
    }

    private void warnOnce(String problem) {
        if (!warned) {
            warned = true;
            LOG.warn("execution {}: {}", executionId, problem);
        }
    }

    private void closeSubscription() {
        Subscription closing;
        synchronized (this) {
            closing = subscription;
            subscription = null;
        }
        if (closing != null) {
            try {
                closing.close();
            } catch (RuntimeException e) {
                LOG.warn("execution {}: closing the Runtime subscription failed: {}", executionId, e.toString());
            }
        }
    }
}
