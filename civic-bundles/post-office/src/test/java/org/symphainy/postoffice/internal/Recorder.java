package org.symphainy.postoffice.internal;

import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.symphainy.sdk.delivery.DeliveryEnd;
import org.symphainy.sdk.delivery.Subscriber;
import org.symphainy.sdk.runtime.ExecutionUpdate;

/** A subscriber that records what it receives; {@code behaviour} decides what each delivery returns or throws. */
final class Recorder implements Subscriber {

    final List<ExecutionUpdate> updates = new CopyOnWriteArrayList<>();
    final List<DeliveryEnd> ends = new CopyOnWriteArrayList<>();
    final AtomicInteger concurrent = new AtomicInteger();
    volatile boolean overlapped;
    private final CountDownLatch ended = new CountDownLatch(1);
    private final Function<ExecutionUpdate, CompletionStage<?>> behaviour;

    Recorder() {
        this(update -> null);
    }

    Recorder(Function<ExecutionUpdate, CompletionStage<?>> behaviour) {
        this.behaviour = behaviour;
    }

    @Override
    public CompletionStage<?> deliver(ExecutionUpdate update) {
        if (concurrent.incrementAndGet() > 1 || !ends.isEmpty()) {
            overlapped = true;
        }
        try {
            updates.add(update);
            return behaviour.apply(update);
        } finally {
            concurrent.decrementAndGet();
        }
    }

    @Override
    public void ended(DeliveryEnd end) {
        if (concurrent.get() > 0) {
            overlapped = true;
        }
        ends.add(end);
        ended.countDown();
    }

    /** Waits up to 10 s for the end; the end. */
    DeliveryEnd awaitEnd() throws InterruptedException {
        if (!ended.await(10, TimeUnit.SECONDS)) {
            throw new AssertionError("no end within 10 s; received " + sequences());
        }
        return ends.get(0);
    }

    /** True once ended. */
    boolean hasEnded() {
        return ended.getCount() == 0;
    }

    /** The sequence numbers received, in order. */
    List<Long> sequences() {
        return updates.stream().map(ExecutionUpdate::sequence).toList();
    }
}
