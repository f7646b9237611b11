package org.symphainy.postoffice.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.symphainy.sdk.delivery.Delivery;
import org.symphainy.sdk.delivery.DeliveryEnd;
import org.symphainy.sdk.delivery.DeliveryEnd.Reason;
import org.symphainy.sdk.intent.ErrorCode;
import org.symphainy.sdk.intent.IntentException;
import org.symphainy.sdk.runtime.ExecutionState;
import org.symphainy.sdk.runtime.ExecutionUpdate;
import org.symphainy.sdk.runtime.StepState;

class MailroomTest {

    private static final long SECOND = 1_000_000_000L;

    private final FakeRuntime runtime = new FakeRuntime();
    private final AtomicLong nanos = new AtomicLong(SECOND);
    private final List<Mailroom> mailrooms = new ArrayList<>();

    @AfterEach
    void close() {
        mailrooms.forEach(Mailroom::close);
    }

    @Test
    void deliversEveryUpdateInOrderThenTheEnd() throws Exception {
        Mailroom mailroom = mailroom(DeliveryPolicy.DEFAULTS);
        String id = runtime.accept();
        Recorder recorder = new Recorder();

        Delivery delivery = mailroom.subscribe(id, 0, recorder);
        runtime.runToCompletion(id);
        DeliveryEnd end = recorder.awaitEnd();

        assertEquals(List.of(1L, 2L, 3L, 4L), recorder.sequences());
        assertEquals(List.of(ExecutionState.ACCEPTED, ExecutionState.RUNNING, ExecutionState.RUNNING,
                ExecutionState.COMPLETED), recorder.updates.stream().map(ExecutionUpdate::state).toList());
        assertEquals(StepState.RUNNING, recorder.updates.get(1).step().state());
        assertEquals(StepState.COMPLETED, recorder.updates.get(2).step().state());
        assertEquals(runtime.execution(id).orElseThrow().acceptedAt(), recorder.updates.get(0).at(),
                "update 1 is the accepted record's, not the time of subscribing");
        assertEquals(new DeliveryEnd(id, Reason.EXECUTION_ENDED, 4, end.message()), end);
        assertFalse(end.resumable());
        assertFalse(delivery.isOpen());
        assertEquals(4, delivery.lastSequence());
        assertFalse(recorder.overlapped, "calls to one subscriber never overlap, and the end comes last");
    }

    @Test
    void resumesAfterTheLastSequenceWithoutLossOrDuplicates() throws Exception {
        Mailroom mailroom = mailroom(DeliveryPolicy.DEFAULTS);
        String id = runtime.accept();
        runtime.startStep(id);
        Recorder first = new Recorder();
        Delivery firstDelivery = mailroom.subscribe(id, 0, first);
        await(() -> first.updates.size() == 2, "the first subscriber did not get updates 1 and 2");
        firstDelivery.close();
        firstDelivery.close();
        DeliveryEnd closed = first.awaitEnd();
        assertEquals(Reason.CLOSED, closed.reason());
        assertEquals(2, closed.lastSequence());
        assertTrue(closed.resumable());

        runtime.completeStep(id, 2);
        Recorder second = new Recorder();
        mailroom.subscribe(id, closed.lastSequence(), second);
        runtime.complete(id);
        second.awaitEnd();
        Recorder whole = new Recorder();
        mailroom.subscribe(id, 0, whole);
        whole.awaitEnd();

        assertEquals(List.of(1L, 2L), first.sequences());
        assertEquals(1, first.ends.size(), "closing twice ends once");
        assertEquals(List.of(3L, 4L), second.sequences());
        assertEquals(whole.updates.subList(2, 4), second.updates);
        assertEquals(1, runtime.subscribes.get(), "one Runtime subscription for the execution");
    }

    @Test
    void anEndedExecutionDroppedFromMemoryIsRebuiltAsItWasDelivered() throws Exception {
        Mailroom mailroom = mailroom(DeliveryPolicy.DEFAULTS);
        String id = runtime.accept();
        Recorder live = new Recorder();
        mailroom.subscribe(id, 0, live);
        runtime.startStep(id);
        runtime.failStep(id, "the handler threw java.lang.IllegalStateException: no input");
        runtime.fail(id);
        live.awaitEnd();

        nanos.addAndGet(DeliveryPolicy.DEFAULTS.retain().toNanos() - 1);
        mailroom.sweep();
        assertEquals(1, mailroom.watched(), "kept for the retention time");
        nanos.addAndGet(2);
        mailroom.sweep();
        assertEquals(0, mailroom.watched(), "dropped after it");

        Recorder resumed = new Recorder();
        mailroom.subscribe(id, 2, resumed);
        assertEquals(Reason.EXECUTION_ENDED, resumed.awaitEnd().reason());

        assertEquals(List.of(3L, 4L), resumed.sequences());
        assertEquals(live.updates.subList(2, 4), resumed.updates, "rebuilt exactly as delivered live");
        assertEquals(ExecutionState.FAILED, resumed.updates.get(1).state());
        assertEquals(2, runtime.subscribes.get());
    }

    @Test
    void aRestartedAttemptKeepsItsNumberAcrossAPostOfficeRestart() throws Exception {
        Mailroom before = mailroom(DeliveryPolicy.DEFAULTS);
        String id = runtime.accept();
        Recorder live = new Recorder();
        before.subscribe(id, 0, live);
        runtime.startStep(id);
        runtime.startStep(id); // the first attempt was interrupted by a crash; the restarted Runtime starts a second
        runtime.completeStep(id, 1);
        runtime.complete(id);
        live.awaitEnd();
        before.close();

        Mailroom after = mailroom(DeliveryPolicy.DEFAULTS);
        Recorder everything = new Recorder();
        after.subscribe(id, 0, everything);
        everything.awaitEnd();
        Recorder resumed = new Recorder();
        after.subscribe(id, 2, resumed);
        resumed.awaitEnd();

        assertEquals(List.of(1L, 2L, 3L, 4L, 5L), everything.sequences());
        assertEquals(1, everything.updates.get(1).step().attempts());
        assertEquals(2, everything.updates.get(2).step().attempts());
        assertEquals(live.updates.subList(2, 5), everything.updates.subList(2, 5));
        ExecutionUpdate interrupted = everything.updates.get(1);
        assertEquals(live.updates.get(1).state(), interrupted.state());
        assertEquals(live.updates.get(1).step().context(), interrupted.step().context(),
                "the interrupted attempt is rebuilt with its attempt number (not its time, which is not recorded)");
        assertEquals(live.updates.subList(2, 5), resumed.updates);
    }

    @Test
    void aSlowSubscriberDelaysNeitherAFastOneNorThePublisher() throws Exception {
        Mailroom mailroom = mailroom(policy(2, 1_000, 30));
        String id = runtime.accept();
        CountDownLatch release = new CountDownLatch(1);
        Recorder blocking = new Recorder(update -> {
            awaitQuietly(release);
            return null;
        });
        CompletableFuture<Void> handedOn = new CompletableFuture<>();
        Recorder pending = new Recorder(update -> update.sequence() == 1 ? handedOn : null);
        Recorder fast = new Recorder();
        mailroom.subscribe(id, 0, blocking);
        mailroom.subscribe(id, 0, pending);
        mailroom.subscribe(id, 0, fast);

        Thread publisher = new Thread(() -> runtime.runToCompletion(id), "fake-runtime-updates");
        publisher.start();
        publisher.join(10_000);
        assertFalse(publisher.isAlive(), "the Runtime's thread returned while subscribers were stuck");
        assertEquals(Reason.EXECUTION_ENDED, fast.awaitEnd().reason());
        assertEquals(List.of(1L, 2L, 3L, 4L), fast.sequences());
        assertEquals(List.of(1L), blocking.sequences(), "still in its first delivery");
        assertEquals(List.of(1L), pending.sequences(), "waiting for its first stage");

        release.countDown();
        handedOn.complete(null);
        assertEquals(Reason.EXECUTION_ENDED, blocking.awaitEnd().reason());
        assertEquals(Reason.EXECUTION_ENDED, pending.awaitEnd().reason());
        assertEquals(fast.updates, blocking.updates);
        assertEquals(fast.updates, pending.updates);
        assertFalse(blocking.overlapped || pending.overlapped);
    }

    @Test
    void aThousandSubscribersShareOneRuntimeSubscriptionAndEachGetsEveryUpdateOnce() throws Exception {
        Mailroom mailroom = mailroom(DeliveryPolicy.DEFAULTS);
        String id = runtime.accept();
        List<Recorder> recorders = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            Recorder recorder = new Recorder();
            recorders.add(recorder);
            mailroom.subscribe(id, 0, recorder);
        }
        assertEquals(1, runtime.subscribes.get());
        assertEquals(1, mailroom.watched());
        runtime.runToCompletion(id);

        List<ExecutionUpdate> expected = null;
        for (Recorder recorder : recorders) {
            assertEquals(Reason.EXECUTION_ENDED, recorder.awaitEnd().reason());
            assertEquals(List.of(1L, 2L, 3L, 4L), recorder.sequences());
            assertFalse(recorder.overlapped);
            if (expected == null) {
                expected = recorder.updates;
            }
            assertEquals(expected, recorder.updates);
        }
        assertEquals(0, runtime.openSubscriptions.get(), "the Runtime subscription ended with the execution");
        assertEquals(0, mailroom.deliveries());
    }

    @Test
    void aSubscriberThatThrowsOrFailsItsStageIsClosedAndTheOthersGoOn() throws Exception {
        Mailroom mailroom = mailroom(DeliveryPolicy.DEFAULTS);
        String id = runtime.accept();
        Recorder throwing = new Recorder(update -> {
            if (update.sequence() == 2) {
                throw new IllegalStateException("boom");
            }
            return null;
        });
        Recorder failing = new Recorder(update -> update.sequence() == 2
                ? CompletableFuture.failedFuture(new IOException("connection reset")) : null);
        Recorder healthy = new Recorder();
        mailroom.subscribe(id, 0, throwing);
        mailroom.subscribe(id, 0, failing);
        mailroom.subscribe(id, 0, healthy);
        runtime.runToCompletion(id);

        DeliveryEnd thrown = throwing.awaitEnd();
        DeliveryEnd failed = failing.awaitEnd();
        assertEquals(Reason.SUBSCRIBER_FAILED, thrown.reason());
        assertEquals(1, thrown.lastSequence(), "update 2 was not handed on");
        assertTrue(thrown.message().contains("boom"), thrown.message());
        assertEquals(Reason.SUBSCRIBER_FAILED, failed.reason());
        assertEquals(1, failed.lastSequence());
        assertTrue(failed.message().contains("connection reset"), failed.message());
        assertEquals(Reason.EXECUTION_ENDED, healthy.awaitEnd().reason());
        assertEquals(List.of(1L, 2L, 3L, 4L), healthy.sequences());
        assertEquals(List.of(1L, 2L), throwing.sequences());
    }

    @Test
    void anUnknownExecutionIsRefusedWithItsCode() {
        Mailroom mailroom = mailroom(DeliveryPolicy.DEFAULTS);

        IntentException e = assertThrows(IntentException.class, () -> mailroom.subscribe("ex-404", 0, new Recorder()));

        assertEquals(ErrorCode.UNKNOWN_EXECUTION, e.code());
        assertTrue(e.getMessage().contains("ex-404"), e.getMessage());
        assertEquals(0, mailroom.watched(), "nothing kept for an unknown id");
        assertThrows(IllegalArgumentException.class, () -> mailroom.subscribe("ex-1", -1, new Recorder()));
        assertThrows(NullPointerException.class, () -> mailroom.subscribe("ex-1", 0, null));
    }

    @Test
    void anEndedExecutionDeliversWhatFollowsTheSequenceThenEnds() throws Exception {
        Mailroom mailroom = mailroom(DeliveryPolicy.DEFAULTS);
        String id = runtime.accept();
        runtime.runToCompletion(id);

        Recorder all = new Recorder();
        mailroom.subscribe(id, 0, all);
        Recorder upToDate = new Recorder();
        mailroom.subscribe(id, 4, upToDate);
        Recorder beyond = new Recorder();
        mailroom.subscribe(id, 99, beyond);

        assertEquals(List.of(1L, 2L, 3L, 4L), seqAfterEnd(all));
        assertEquals(List.of(), seqAfterEnd(upToDate));
        assertEquals(4, upToDate.awaitEnd().lastSequence());
        assertEquals(List.of(), seqAfterEnd(beyond));
        assertEquals(99, beyond.awaitEnd().lastSequence());
        assertEquals(ExecutionState.COMPLETED, all.updates.get(3).state());
    }

    @Test
    void aSubscriberTooFarBehindIsClosedAsTooSlow() throws Exception {
        Mailroom mailroom = mailroom(policy(2, 2, 30));
        String id = runtime.accept();
        Recorder stuck = new Recorder(update -> new CompletableFuture<>());
        mailroom.subscribe(id, 0, stuck);
        await(() -> stuck.updates.size() == 1, "update 1 was not delivered");
        runtime.startStep(id);
        runtime.completeStep(id, 1);
        runtime.complete(id);

        DeliveryEnd end = stuck.awaitEnd();

        assertEquals(Reason.TOO_SLOW, end.reason());
        assertEquals(0, end.lastSequence(), "update 1 was never taken");
        assertTrue(end.message().contains("maxLagUpdates is 2"), end.message());
        assertEquals(List.of(1L), stuck.sequences());
    }

    @Test
    void catchingUpOnMoreRetainedUpdatesThanTheLagAllowsIsNotTooSlow() throws Exception {
        Mailroom mailroom = mailroom(policy(2, 1, 30));
        String id = runtime.accept();
        runtime.runToCompletion(id);

        Recorder late = new Recorder();
        mailroom.subscribe(id, 0, late);

        assertEquals(Reason.EXECUTION_ENDED, late.awaitEnd().reason());
        assertEquals(List.of(1L, 2L, 3L, 4L), late.sequences());
    }

    @Test
    void aSubscriberHoldingAnUpdateBeyondTheTimeoutIsClosedAsTooSlow() throws Exception {
        Mailroom mailroom = mailroom(policy(2, 1_000, 30));
        String id = runtime.accept();
        CompletableFuture<Void> stage = new CompletableFuture<>();
        Recorder slow = new Recorder(update -> stage);
        mailroom.subscribe(id, 0, slow);
        await(() -> slow.updates.size() == 1, "update 1 was not delivered");

        nanos.addAndGet(30 * SECOND);
        mailroom.sweep();
        assertFalse(slow.hasEnded(), "30 s is within the timeout");
        nanos.addAndGet(SECOND);
        mailroom.sweep();
        DeliveryEnd end = slow.awaitEnd();
        stage.complete(null);
        runtime.startStep(id);

        assertEquals(Reason.TOO_SLOW, end.reason());
        assertTrue(end.message().contains("deliveryTimeoutSeconds"), end.message());
        assertEquals(0, mailroom.deliveries());
        assertEquals(1, slow.ends.size());
    }

    @Test
    void stoppingEndsEveryDeliveryAndTheRuntimeSubscriptions() throws Exception {
        Mailroom mailroom = mailroom(DeliveryPolicy.DEFAULTS);
        String id = runtime.accept();
        Recorder a = new Recorder();
        Recorder b = new Recorder();
        mailroom.subscribe(id, 0, a);
        mailroom.subscribe(id, 0, b);
        await(() -> a.updates.size() == 1 && b.updates.size() == 1, "update 1 was not delivered");
        assertEquals(1, runtime.openSubscriptions.get());

        mailroom.close();

        assertEquals(Reason.STOPPED, a.awaitEnd().reason());
        assertEquals(1, a.awaitEnd().lastSequence());
        assertEquals(Reason.STOPPED, b.awaitEnd().reason());
        assertEquals(0, runtime.openSubscriptions.get());
        IntentException e = assertThrows(IntentException.class, () -> mailroom.subscribe(id, 0, new Recorder()));
        assertEquals(ErrorCode.RUNTIME_UNAVAILABLE, e.code());
    }

    @Test
    void aRunningExecutionNobodyWatchesIsDroppedAfterTheRetentionTime() throws Exception {
        Mailroom mailroom = mailroom(policy(2, 1_000, 30, 60));
        String id = runtime.accept();
        Recorder recorder = new Recorder();
        Delivery delivery = mailroom.subscribe(id, 0, recorder);
        await(() -> recorder.updates.size() == 1, "update 1 was not delivered");

        nanos.addAndGet(120 * SECOND);
        mailroom.sweep();
        assertEquals(1, mailroom.watched(), "watched while someone subscribes");
        delivery.close();
        recorder.awaitEnd();
        nanos.addAndGet(59 * SECOND);
        mailroom.sweep();
        assertEquals(1, mailroom.watched());
        nanos.addAndGet(2 * SECOND);
        mailroom.sweep();

        assertEquals(0, mailroom.watched());
        assertEquals(0, runtime.openSubscriptions.get(), "its Runtime subscription is closed");
        Recorder later = new Recorder();
        mailroom.subscribe(id, 0, later);
        runtime.runToCompletion(id);
        assertEquals(List.of(1L, 2L, 3L, 4L), seqAfterEnd(later));
    }

    @Test
    void aHistoryTheRuntimeNumbersDifferentlyIsNotBelieved() throws Exception {
        Mailroom mailroom = mailroom(DeliveryPolicy.DEFAULTS);
        String id = runtime.accept();
        runtime.unseenRecord(id); // update 2, which the recorded execution does not show
        runtime.startStep(id);
        Recorder recorder = new Recorder();
        mailroom.subscribe(id, 0, recorder);
        runtime.completeStep(id, 1);
        runtime.complete(id);

        assertEquals(List.of(3L, 4L, 5L), seqAfterEnd(recorder), "from the Runtime's current state on, gap visible");
        assertEquals(ExecutionState.RUNNING, recorder.updates.get(0).state());
        assertNotEquals(runtime.execution(id).orElseThrow().steps().get(0).startedAt(), recorder.updates.get(0).at(),
                "the current state as the Runtime stamped it, not a rebuilt update");
    }

    private List<Long> seqAfterEnd(Recorder recorder) throws InterruptedException {
        recorder.awaitEnd();
        return recorder.sequences();
    }

    private Mailroom mailroom(DeliveryPolicy policy) {
        Mailroom mailroom = new Mailroom(runtime, policy, nanos::get);
        mailrooms.add(mailroom);
        return mailroom;
    }

    private static DeliveryPolicy policy(int threads, int maxLag, long timeoutSeconds) {
        return policy(threads, maxLag, timeoutSeconds, 300);
    }

    private static DeliveryPolicy policy(int threads, int maxLag, long timeoutSeconds, long retainSeconds) {
        return new DeliveryPolicy(threads, maxLag, Duration.ofSeconds(timeoutSeconds), Duration.ofSeconds(retainSeconds));
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void await(BooleanSupplier condition, String failure) throws InterruptedException {
        long deadline = System.nanoTime() + 10 * SECOND;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(failure + " within 10 s");
            }
            Thread.sleep(5);
        }
    }
}
