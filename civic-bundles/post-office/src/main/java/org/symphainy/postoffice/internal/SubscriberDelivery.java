package org.symphainy.postoffice.internal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.symphainy.sdk.delivery.Delivery;
import org.symphainy.sdk.delivery.DeliveryEnd;
import org.symphainy.sdk.delivery.DeliveryEnd.Reason;
import org.symphainy.sdk.delivery.Subscriber;
import org.symphainy.sdk.runtime.ExecutionUpdate;

/**
 * One subscriber's delivery: its own cursor into the feed's {@link UpdateLog}, advanced at the subscriber's pace. Runs
 * as a task on the delivery threads whenever there is something to do, never two at once for one subscriber, and hands
 * on at most {@link #BATCH} updates before it gives the thread to others. Catching up on the updates retained when
 * it subscribed is not lagging; falling more than the policy's {@code maxLag} behind the updates recorded since is. A subscriber that returns a pending stage is
 * not called again until the stage completes, and holds no thread meanwhile. It ends, calling
 * {@link Subscriber#ended} once, when the execution's last update was handed on, or when it is closed: by the
 * subscriber, for lagging more than the policy allows, for a delivery outlasting the timeout, for failing, or because
 * the Post Office stops.
 */
final class SubscriberDelivery implements Delivery {

    /** Most updates handed on in one turn on a delivery thread. */
    static final int BATCH = 64;

    private static final Logger LOG = LoggerFactory.getLogger("org.symphainy.postoffice");

    /** Why a delivery is being closed, before its end is signalled. */
    private record Closing(Reason reason, String message) {
    }

    private final ExecutionFeed feed;
    private final Subscriber subscriber;
    private final Executor executor;
    private final Supplier<DeliveryPolicy> policy;
    private final LongSupplier nanoTime;
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final AtomicReference<Closing> closing = new AtomicReference<>();
    private volatile boolean again;
    private volatile long lastSequence;
    private volatile long pendingSince; // when the update being handed on was given to the subscriber; 0 if none is
    private volatile long pendingSequence;
    private volatile Throwable stageFailure;
    private volatile boolean endSignalled;
    private final int backlog; // updates retained when it subscribed: catching up on them is not lagging
    private int next; // index in the log of the next update to look at; only the running turn reads and writes it

    /** A delivery of {@code feed}'s updates after {@code afterSequence} to {@code subscriber}; {@link #wake} starts it. */
    SubscriberDelivery(ExecutionFeed feed, long afterSequence, Subscriber subscriber, Executor executor,
            Supplier<DeliveryPolicy> policy, LongSupplier nanoTime) {
        this.feed = feed;
        this.subscriber = subscriber;
        this.executor = executor;
        this.policy = policy;
        this.nanoTime = nanoTime;
        this.lastSequence = afterSequence;
        this.next = feed.log().indexAfter(afterSequence);
        this.backlog = feed.log().size();
    }

    @Override
    public String executionId() {
        return feed.executionId();
    }

    @Override
    public long lastSequence() {
        return lastSequence;
    }

    @Override
    public boolean isOpen() {
        return closing.get() == null;
    }

    @Override
    public void close() {
        close(Reason.CLOSED, "closed by the subscriber");
    }

    /** Ends the delivery for {@code reason} (unless it is ending already); the subscriber hears of it on its next turn. */
    void close(Reason reason, String message) {
        if (closing.compareAndSet(null, new Closing(reason, message))) {
            feed.detach(this);
            wake();
        }
    }

    /** Closes the delivery if the subscriber has held an update longer than the delivery timeout. */
    void checkTimeout(long now) {
        long since = pendingSince;
        long timeout = policy.get().deliveryTimeout().toNanos();
        if (since != 0 && now - since > timeout) {
            close(Reason.TOO_SLOW, "update " + pendingSequence + " was not taken within "
                    + policy.get().deliveryTimeout().toSeconds() + " s (deliveryTimeoutSeconds); subscribe again after "
                    + lastSequence + " once the subscriber keeps up");
        }
    }

    /** Asks for a turn on a delivery thread; one that is running already takes another when it is done. */
    void wake() {
        again = true;
        if (scheduled.compareAndSet(false, true)) {
            try {
                executor.execute(this::turn);
            } catch (RejectedExecutionException e) {
                scheduled.set(false); // the Post Office is stopping; it signals STOPPED itself
            }
        }
    }

    /** One turn: hands on what it can, then gives the thread back, asking for another turn if there is more. */
    private void turn() {
        again = false;
        boolean more = false;
        try {
            more = handOn();
        } catch (RuntimeException | Error e) {
            LOG.error("delivery of execution {} failed: {}", feed.executionId(), e.toString(), e);
            close(Reason.SUBSCRIBER_FAILED, "the Post Office failed to deliver: " + e);
        } finally {
            scheduled.set(false);
        }
        if (more || again) {
            wake();
        }
    }

    /** Hands on up to {@link #BATCH} updates; true if more are ready now. */
    private boolean handOn() {
        if (endSignalled) {
            return false;
        }
        if (stageFailure != null) {
            close(Reason.SUBSCRIBER_FAILED, "handing on update " + pendingSequence + " failed: " + stageFailure);
        }
        boolean ended = feed.ended(); // before the size: an ended feed's size includes the last update
        UpdateLog log = feed.log();
        int size = log.size();
        int maxLag = policy.get().maxLag();
        int behind = size - Math.max(next, backlog); // updates recorded since it subscribed that it has not taken
        if (behind > maxLag) {
            close(Reason.TOO_SLOW, behind + " updates behind the latest (maxLagUpdates is " + maxLag
                    + "); subscribe again after " + lastSequence + " once the subscriber keeps up");
        }
        if (closing.get() == null && pendingSince != 0) {
            return false; // the subscriber's stage is pending; its completion wakes this delivery
        }
        for (int handed = 0; closing.get() == null && next < size; handed++) {
            if (handed == BATCH) {
                return true;
            }
            ExecutionUpdate update = log.get(next++);
            if (update.sequence() > lastSequence && !handOn(update) && closing.get() == null) {
                return false; // the subscriber's stage is pending
            }
        }
        if (closing.get() == null && ended && next >= size) {
            close(Reason.EXECUTION_ENDED, "execution " + feed.executionId() + " ended; every update was delivered");
        }
        Closing closed = closing.get();
        if (closed != null) {
            signalEnd(closed);
        }
        return false;
    }

    /** Gives one update to the subscriber; false if it has not taken it yet (a pending stage) or failed. */
    private boolean handOn(ExecutionUpdate update) {
        pendingSequence = update.sequence();
        pendingSince = Math.max(1, nanoTime.getAsLong());
        CompletionStage<?> stage;
        try {
            stage = subscriber.deliver(update);
        } catch (RuntimeException e) {
            pendingSince = 0;
            close(Reason.SUBSCRIBER_FAILED, "the subscriber threw on update " + update.sequence() + ": " + e);
            return false;
        }
        if (stage == null || (stage instanceof CompletableFuture<?> future && future.isDone()
                && !future.isCompletedExceptionally())) {
            taken(update.sequence());
            return true;
        }
        stage.whenComplete((value, failure) -> {
            if (failure != null) {
                stageFailure = failure;
            } else {
                taken(update.sequence());
            }
            pendingSince = 0;
            wake();
        });
        return false;
    }

    private void taken(long sequence) {
        lastSequence = sequence;
        pendingSince = 0;
    }

    private void signalEnd(Closing closed) {
        endSignalled = true;
        feed.detach(this);
        DeliveryEnd end = new DeliveryEnd(feed.executionId(), closed.reason(), lastSequence, closed.message());
        if (closed.reason() != Reason.EXECUTION_ENDED && closed.reason() != Reason.CLOSED) {
            LOG.info("delivery of execution {} ended: {} ({})", feed.executionId(), closed.reason(), closed.message());
        }
        try {
            subscriber.ended(end);
        } catch (RuntimeException e) {
            LOG.warn("subscriber of execution {} failed on the end of its delivery: {}", feed.executionId(), e.toString());
        }
    }
}
