package org.symphainy.postoffice.internal;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.symphainy.sdk.delivery.Delivery;
import org.symphainy.sdk.delivery.DeliveryEnd.Reason;
import org.symphainy.sdk.delivery.Subscriber;
import org.symphainy.sdk.intent.ErrorCode;
import org.symphainy.sdk.intent.IntentException;
import org.symphainy.sdk.runtime.Runtime;

/**
 * The Post Office's workings, without OSGi: the feeds of the executions being watched (one Runtime subscription each,
 * made by the first subscriber), the delivery threads, and the {@link #sweep} that closes deliveries outlasting the
 * timeout and drops feeds nobody has subscribed to for the retention time. The component makes one; tests do too.
 */
final class Mailroom implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger("org.symphainy.postoffice");

    /** How long opening a feed waits for the Runtime's current state before it goes on without it. */
    static final long ANCHOR_WAIT_MILLIS = 2_000;

    private final Runtime runtime;
    private final LongSupplier nanoTime;
    private final ThreadPoolExecutor executor;
    private final Map<String, ExecutionFeed> feeds = new ConcurrentHashMap<>();
    private volatile DeliveryPolicy policy;
    private volatile boolean closed;

    /** A mailroom delivering {@code runtime}'s updates under {@code policy}, reading the time from {@code nanoTime}. */
    Mailroom(Runtime runtime, DeliveryPolicy policy, LongSupplier nanoTime) {
        this.runtime = runtime;
        this.nanoTime = nanoTime;
        this.policy = policy;
        AtomicInteger threads = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(policy.deliveryThreads(), policy.deliveryThreads(), 60, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), runnable -> {
                    Thread thread = new Thread(runnable, "symphainy-post-office-" + threads.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
    }

    /** See {@link org.symphainy.sdk.delivery.PostOffice#subscribe}. */
    Delivery subscribe(String executionId, long afterSequence, Subscriber subscriber) {
        Objects.requireNonNull(executionId, "executionId is required");
        Objects.requireNonNull(subscriber, "subscriber is required");
        if (executionId.isBlank()) {
            throw new IllegalArgumentException("executionId must not be blank");
        }
        if (afterSequence < 0) {
            throw new IllegalArgumentException("afterSequence is " + afterSequence + "; give 0 for every update, or the "
                    + "sequence number of the last update received");
        }
        while (true) {
            if (closed) {
                throw new IntentException(ErrorCode.RUNTIME_UNAVAILABLE, "the Post Office is stopping; subscribe again "
                        + "shortly");
            }
            ExecutionFeed feed = feed(executionId);
            SubscriberDelivery delivery = new SubscriberDelivery(feed, afterSequence, subscriber, executor,
                    () -> policy, nanoTime);
            if (feed.attach(delivery)) {
                delivery.wake();
                return delivery;
            }
            feeds.remove(executionId, feed); // dropped meanwhile: make a new one
        }
    }

    /** Applies a new policy to running deliveries (thread count included). */
    void policy(DeliveryPolicy changed) {
        int threads = changed.deliveryThreads();
        if (threads > executor.getMaximumPoolSize()) {
            executor.setMaximumPoolSize(threads);
            executor.setCorePoolSize(threads);
        } else {
            executor.setCorePoolSize(threads);
            executor.setMaximumPoolSize(threads);
        }
        this.policy = changed;
    }

    DeliveryPolicy policy() {
        return policy;
    }

    /**
     * Closes deliveries whose subscriber has held an update longer than the delivery timeout, and drops the feeds nobody
     * has subscribed to for the retention time. Run periodically by the component.
     */
    void sweep() {
        long now = nanoTime.getAsLong();
        long retain = policy.retain().toNanos();
        for (ExecutionFeed feed : feeds.values()) {
            for (SubscriberDelivery delivery : feed.deliveries()) {
                delivery.checkTimeout(now);
            }
            if (feed.retireIfIdle(now, retain)) {
                feeds.remove(feed.executionId(), feed);
            }
        }
    }

    /** How many executions are watched now (each with one Runtime subscription). */
    int watched() {
        return feeds.size();
    }

    /** How many deliveries are open now, over every execution. */
    int deliveries() {
        return feeds.values().stream().mapToInt(feed -> feed.deliveries().size()).sum();
    }

    /**
     * Stops: every delivery ends with {@link Reason#STOPPED}, every Runtime subscription is closed, and the delivery
     * threads finish what they are doing (up to 5 seconds).
     */
    @Override
    public void close() {
        closed = true;
        int ended = 0;
        for (ExecutionFeed feed : List.copyOf(feeds.values())) {
            feeds.remove(feed.executionId(), feed);
            for (SubscriberDelivery delivery : feed.retire()) {
                delivery.close(Reason.STOPPED, "the Post Office stopped; subscribe again after "
                        + delivery.lastSequence() + " to resume");
                ended++;
            }
        }
        executor.shutdown();
        try {
            if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.warn("Post Office delivery threads did not finish within 5 s (a subscriber blocks); they are daemon "
                        + "threads and will not hold the JVM");
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LOG.info("Post Office stopped; {} open deliveries ended", ended);
    }

    /** The feed of {@code executionId}, opening it (subscribing to the Runtime) if nobody watches it yet. */
    private ExecutionFeed feed(String executionId) {
        ExecutionFeed feed = feeds.get(executionId);
        if (feed == null) {
            ExecutionFeed fresh = new ExecutionFeed(executionId, executor, nanoTime);
            feed = feeds.putIfAbsent(executionId, fresh);
            if (feed == null) {
                try {
                    fresh.open(runtime, ANCHOR_WAIT_MILLIS);
                } catch (RuntimeException | Error e) {
                    feeds.remove(executionId, fresh);
                    throw e;
                }
                return fresh;
            }
        }
        try {
            feed.awaitReady();
        } catch (RuntimeException e) {
            feeds.remove(executionId, feed);
            throw e;
        }
        return feed;
    }
}
