package org.symphainy.runtime.internal.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.symphainy.runtime.internal.kernel.KernelFixtures.awaitEnd;
import static org.symphainy.runtime.internal.kernel.KernelFixtures.config;
import static org.symphainy.runtime.internal.kernel.KernelFixtures.intent;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.symphainy.sdk.intent.Artifact;
import org.symphainy.sdk.intent.ErrorCode;
import org.symphainy.sdk.intent.Intent;
import org.symphainy.sdk.intent.IntentException;
import org.symphainy.sdk.intent.Json;
import org.symphainy.sdk.intent.Result;
import org.symphainy.sdk.ledger.LedgerRecord;
import org.symphainy.sdk.runtime.Execution;
import org.symphainy.sdk.runtime.ExecutionState;
import org.symphainy.sdk.runtime.PlatformIntents;
import org.symphainy.sdk.runtime.RetryPolicy;
import org.symphainy.sdk.runtime.SagaStatus;
import org.symphainy.sdk.runtime.StepState;
import org.symphainy.sdk.saga.PayloadMapping;
import org.symphainy.sdk.saga.SagaDefinition;
import org.symphainy.sdk.saga.SagaStep;

/** Sagas run by the kernel on a real WAL on disk: mapping, retries, compensation, timeouts, cancellation, restarts. */
class SagaKernelTest {

    private static final RetryPolicy QUICK = new RetryPolicy(3, Duration.ofMillis(20), 2.0, Duration.ofMillis(50), 0, Set.of());
    private static final RetryPolicy SLOW = new RetryPolicy(5, Duration.ofMillis(400), 1.0, Duration.ofMillis(400), 0, Set.of());
    private static final RetryPolicy ONCE = RetryPolicy.NONE;

    private static SagaDefinition order(Duration timeout) {
        SagaDefinition.Builder saga = SagaDefinition.builder("orders.place")
                .step(SagaStep.builder("reserve", "stock.reserve").map("/sku", "/input/sku")
                        .compensateWith("stock.release", PayloadMapping.of("/reservation",
                                "/steps/reserve/artifacts/stock.reservation/id")).build())
                .step(SagaStep.builder("charge", "payment.charge").map("/amount", "/input/amount")
                        .compensateWith("payment.refund", PayloadMapping.of("/receipt", "/steps/charge/artifacts/payment.receipt/id"))
                        .build())
                .step(SagaStep.builder("ship", "parcel.ship").map("/reservation", "/steps/reserve/artifacts/stock.reservation/id")
                        .build());
        return (timeout == null ? saga : saga.timeout(timeout)).build();
    }

    @TempDir
    Path dir;

    private final List<String> calls = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> failuresLeft = new ConcurrentHashMap<>();
    private final Map<String, RetryPolicy> policies = new ConcurrentHashMap<>();
    private final List<Kernel> kernels = new ArrayList<>();
    private volatile SagaDefinition saga = order(null);
    private volatile CountDownLatch block = new CountDownLatch(0);
    private java.util.function.Function<org.symphainy.sdk.governance.Stage, org.symphainy.sdk.governance.GovernanceRole> roles =
            KernelFixtures::allowing;
    private final KernelFixtures.Registry registry = new KernelFixtures.Registry()
            .serve("orders.place", (intent, context) -> {
                throw new AssertionError("a saga's own handler is never called");
            })
            .serve("stock.reserve", handler("stock.reservation", "{\"id\":\"r-%s\"}", "/sku"))
            .serve("payment.charge", handler("payment.receipt", "{\"id\":\"p-%s\"}", "/amount"))
            .serve("parcel.ship", handler("parcel.label", "{\"reservation\":\"%s\"}", "/reservation"))
            .serve("stock.release", handler(null, null, "/reservation"))
            .serve("payment.refund", handler(null, null, "/receipt"))
            .serve("test.flaky", handler(null, null, null))
            .serve(PlatformIntents.CANCEL, new CancelHandler());

    @AfterEach
    void close() {
        block.countDown();
        kernels.forEach(Kernel::close);
    }

    @Test
    void aThreeStepSagaCompletesWithPayloadsMappedFromTheInputAndEarlierArtifacts() throws Exception {
        Kernel kernel = start();
        String id = kernel.submit(order("A1", 30)).executionId();

        Execution done = awaitEnd(kernel, id);
        assertEquals(ExecutionState.COMPLETED, done.state(), String.valueOf(done.failure()));
        assertEquals(List.of("stock.reserve A1", "payment.charge 30", "parcel.ship r-A1"), calls);
        assertEquals(List.of(1, 2, 3), done.steps().stream().map(s -> s.number()).toList());
        assertEquals(List.of("stock.reserve", "payment.charge", "parcel.ship"), done.steps().stream().map(s -> s.intentType()).toList());
        assertEquals(List.of("reserve", "charge", "ship"), done.steps().stream().map(s -> s.name()).toList());
        assertTrue(done.steps().stream().noneMatch(s -> s.compensation()));
        assertEquals(null, done.saga(), "a saga that completed gave nothing up");
        assertTrue(done.steps().stream().allMatch(s -> s.state() == StepState.COMPLETED));
        assertEquals(List.of(id + "/1/1", id + "/2/1", id + "/3/1"), done.artifacts().stream().map(Artifact::id).toList());
        assertEquals("{\"reservation\":\"r-A1\"}", done.artifacts().get(2).text());
        assertEquals(List.of("IntentAccepted", "StepStarted", "StepCompleted", "StepStarted", "StepCompleted", "StepStarted",
                "StepCompleted", "ExecutionCompleted"), types(kernel, id));
    }

    @Test
    void replayReRunsEveryStepOfASagaAndNamesTheStepWhoseArtifactsWouldChange() throws Exception {
        Kernel kernel = start();
        String id = kernel.submit(order("K1", 11)).executionId();
        assertEquals(ExecutionState.COMPLETED, awaitEnd(kernel, id).state());

        assertTrue(kernel.replay(id).identical(), String.valueOf(kernel.replay(id)));
        registry.serve("parcel.ship", (intent, context) -> Result.of(Artifact.of("parcel.label", Json.of("{\"v\":2}"))));
        org.symphainy.sdk.runtime.ReplayReport changed = kernel.replay(id);
        assertEquals(List.of(3), changed.differences().stream().map(d -> d.step()).toList(), changed.toString());
        assertEquals("{\"v\":2}", changed.differences().get(0).replayed().text());
    }

    @Test
    void aSagaNeedsNoHandlerOfItsOwn() throws Exception {
        registry.withdraw("orders.place");
        registry.declare("orders.place");
        Kernel kernel = start();
        String id = kernel.submit(order("M3", 13)).executionId();

        Execution done = awaitEnd(kernel, id);
        assertEquals(ExecutionState.COMPLETED, done.state());
        assertEquals("org.acme.saga", done.handler().bundleSymbolicName());
        saga = null;
        assertEquals(ErrorCode.UNKNOWN_INTENT, assertThrows(IntentException.class, () -> kernel.submit(order("M4", 14))).code(),
                "without a checked definition it is no saga, and nothing serves it");
    }

    @Test
    void aSagaIsDeniedWhenItsPrincipalMayNotSubmitAnIntentOneOfItsStepsOrCompensationsRuns() throws Exception {
        org.symphainy.sdk.governance.Stage guard = org.symphainy.sdk.governance.Stage.SECURITY_GUARD;
        roles = KernelFixtures.allowingBut(guard, intent -> intent.type().equals("payment.refund")
                ? org.symphainy.sdk.governance.Decision.deny(guard, "FORBIDDEN", "alice has no grant for payment.refund")
                : org.symphainy.sdk.governance.Decision.allow(guard, "alice may submit " + intent.type()));
        Kernel kernel = start();

        org.symphainy.sdk.governance.IntentDeniedException denied = assertThrows(
                org.symphainy.sdk.governance.IntentDeniedException.class, () -> kernel.submit(order("G1", 10)));

        List<org.symphainy.sdk.governance.Decision> decisions = denied.decisions();
        org.symphainy.sdk.governance.Decision last = decisions.get(decisions.size() - 1);
        assertEquals("the compensation of step 'charge' of saga orders.place runs payment.refund: alice has no grant for "
                + "payment.refund", last.reasons().get(0));
        assertEquals("FORBIDDEN", last.code());
        assertTrue(decisions.stream().anyMatch(d -> d.reasons().get(0).equals(
                "step 'reserve' of saga orders.place runs stock.reserve: alice may submit stock.reserve")), decisions.toString());
        assertEquals(List.of(), calls, "no step ran");
        assertEquals(0, kernel.query(org.symphainy.sdk.runtime.ExecutionQuery.builder().tenant("acme").build()).items().size(),
                "denied, so never an execution");
    }

    @Test
    void aStepWhosePayloadTheLibrarianRefusesFailsAtOnceAndTheSagaCompensates() throws Exception {
        org.symphainy.sdk.governance.Stage librarian = org.symphainy.sdk.governance.Stage.LIBRARIAN;
        roles = KernelFixtures.allowingBut(librarian, intent -> intent.type().equals("payment.charge")
                && intent.payload().text().contains("-5")
                        ? org.symphainy.sdk.governance.Decision.deny(librarian, "PAYLOAD_INVALID", "/amount: must be at least 0")
                        : org.symphainy.sdk.governance.Decision.allow(librarian, "payload matches"));
        // as in the default policy, a payload the Librarian refuses is not retried: the same payload fails again
        policies.put("payment.charge", new RetryPolicy(3, Duration.ofMillis(20), 2.0, Duration.ofMillis(50), 0,
                Set.of(ErrorCode.PAYLOAD_INVALID)));
        Kernel kernel = start();
        String id = kernel.submit(order("L1", -5)).executionId();

        Execution done = awaitEnd(kernel, id);
        assertEquals(ExecutionState.COMPENSATED, done.state());
        assertEquals(List.of("stock.reserve L1", "stock.release r-L1"), calls, "the charge never ran, and was not retried");
        assertEquals(ErrorCode.PAYLOAD_INVALID, done.failure().code());
        org.symphainy.sdk.runtime.Step charge = done.steps().stream().filter(s -> "charge".equals(s.name())).findFirst().orElseThrow();
        assertEquals(1, charge.attempts());
        assertEquals("the payload of step 'charge' (payment.charge) was refused by the Librarian: /amount: must be at "
                + "least 0", charge.failure().message());
    }

    @Test
    void aStepThatKeepsFailingIsRetriedThenTheCompletedStepsAreCompensatedInReverseOrder() throws Exception {
        failuresLeft.put("parcel.ship", new AtomicInteger(100));
        policies.put("parcel.ship", QUICK);
        Kernel kernel = start();
        String id = kernel.submit(order("B2", 40)).executionId();

        Execution done = awaitEnd(kernel, id);
        assertEquals(ExecutionState.COMPENSATED, done.state());
        assertEquals(List.of("stock.reserve B2", "payment.charge 40", "parcel.ship r-B2", "parcel.ship r-B2", "parcel.ship r-B2",
                "payment.refund p-40", "stock.release r-B2"), calls, "three attempts, then compensation latest first");
        assertEquals(ErrorCode.HANDLER_FAILED, done.failure().code());
        assertTrue(done.failure().message().contains("step 'ship' failed"), done.failure().message());
        List<String> types = types(kernel, id);
        assertEquals(List.of("SagaFailed", "CompensationStarted", "CompensationCompleted", "CompensationStarted",
                "CompensationCompleted", "SagaCompensated"), types.subList(types.indexOf("SagaFailed"), types.size()));
        assertEquals(List.of("stock.reserve", "payment.charge", "parcel.ship", "payment.refund", "stock.release"),
                done.steps().stream().map(s -> s.intentType()).toList());
    }

    @Test
    void aCompensationThatKeepsFailingLeavesTheSagaCompensationFailedSayingWhatIsNotUndone() throws Exception {
        failuresLeft.put("parcel.ship", new AtomicInteger(100));
        failuresLeft.put("payment.refund", new AtomicInteger(100));
        policies.put("parcel.ship", ONCE);
        policies.put("payment.refund", QUICK);
        Kernel kernel = start();
        String id = kernel.submit(order("C3", 50)).executionId();

        Execution done = awaitEnd(kernel, id);
        assertEquals(ExecutionState.COMPENSATION_FAILED, done.state());
        assertTrue(done.failure().message().contains("NOT undone (latest first): charge, reserve"), done.failure().message());
        assertEquals(3, calls.stream().filter(c -> c.startsWith("payment.refund")).count(), "the compensation is retried");
        assertTrue(calls.stream().noneMatch(c -> c.startsWith("stock.release")), "no compensation after a failed one");
        assertEquals("SagaCompensationFailed", types(kernel, id).get(types(kernel, id).size() - 1));
        SagaStatus status = done.saga();
        assertEquals("ship", status.failedStep());
        assertEquals(List.of(), status.compensated());
        assertEquals(List.of("charge", "reserve"), status.uncompensated(), "what an operator must undo, latest first");
        assertEquals(List.of("ship false 1", "charge true 1", "charge true 2", "charge true 3"), status.failures().stream()
                .map(f -> f.step() + " " + f.compensation() + " " + f.attempt()).toList(), "every failed attempt");
        assertEquals(List.of("reserve false", "charge false", "ship false", "charge true"), done.steps().stream()
                .map(s -> s.name() + " " + s.compensation()).toList());
    }

    @Test
    void aStepThatReturnsAnArtifactOfAnUndeclaredKindFailsClearlyAndTheSagaCompensates() throws Exception {
        policies.put("payment.charge", ONCE);
        roles = stage -> stage == org.symphainy.sdk.governance.Stage.LIBRARIAN ? new DeclaredKinds() : KernelFixtures.allowing(stage);
        Kernel kernel = start();
        String id = kernel.submit(order("L1", 12)).executionId();

        Execution done = awaitEnd(kernel, id);
        assertEquals(ExecutionState.COMPENSATED, done.state());
        assertEquals(ErrorCode.ARTIFACT_REJECTED, done.failure().code());
        org.symphainy.sdk.runtime.Step charge = done.steps().get(1);
        assertEquals(StepState.FAILED, charge.state());
        assertTrue(charge.failure().message().contains("step 'charge'") && charge.failure().message()
                .contains("Librarian: kind 'payment.receipt' is not declared by payment.charge"), charge.failure().message());
        assertEquals(List.of("stock.reserve L1", "payment.charge 12", "stock.release r-L1"), calls);
        assertEquals(0, kernel.ledger().execution(id).stream().filter(r -> r.type().equals("StepCompleted")
                && r.json().contains("payment.receipt")).count(), "the rejected artifact is not recorded");
    }

    @Test
    void aRestartMidStepRunsThatStepAgainAndNoCompletedStepTwice() throws Exception {
        block = new CountDownLatch(1);
        Kernel kernel = start();
        String id = kernel.submit(order("M2", 13)).executionId();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!calls.contains("parcel.ship r-M2")) { // the third step's handler is running (blocked)
            assertTrue(System.nanoTime() < deadline, calls.toString());
            Thread.sleep(2);
        }
        kernel.close();
        kernels.remove(kernel);
        block.countDown();

        Kernel restarted = start();
        Execution done = awaitEnd(restarted, id);
        assertEquals(ExecutionState.COMPLETED, done.state());
        assertEquals(1, calls.stream().filter(c -> c.startsWith("stock.reserve")).count());
        assertEquals(1, calls.stream().filter(c -> c.startsWith("payment.charge")).count());
        List<String> types = types(restarted, id);
        assertEquals(3, types.stream().filter("StepCompleted"::equals).count(), types.toString());
        assertEquals(1, types.stream().filter("ExecutionCompleted"::equals).count(), types.toString());
        assertTrue(done.steps().get(2).attempts() >= 2, "the interrupted attempt counts: " + done.steps().get(2));
    }

    /** A Librarian that allows every intent and declares one artifact kind per intent, as a solution's capabilities do. */
    private static final class DeclaredKinds implements org.symphainy.sdk.governance.Librarian {
        private static final Map<String, String> KINDS = Map.of("stock.reserve", "stock.reservation", "payment.charge",
                "payment.invoice", "parcel.ship", "parcel.label");

        @Override
        public org.symphainy.sdk.governance.Decision decide(Intent intent, org.symphainy.sdk.governance.GovernanceContext context) {
            return org.symphainy.sdk.governance.Decision.allow(org.symphainy.sdk.governance.Stage.LIBRARIAN, "test allows");
        }

        @Override
        public List<String> artifactProblems(org.symphainy.sdk.intent.HandlerRef handler, List<Artifact> artifacts) {
            return artifacts.stream().filter(a -> !a.kind().equals(KINDS.get(handler.intentType())))
                    .map(a -> "kind '" + a.kind() + "' is not declared by " + handler.intentType()).toList();
        }
    }

    @Test
    void aRestartDuringABackoffWaitResumesWithoutRunningCompletedStepsAgain() throws Exception {
        failuresLeft.put("parcel.ship", new AtomicInteger(1));
        policies.put("parcel.ship", SLOW);
        Kernel kernel = start();
        String id = kernel.submit(order("D4", 60)).executionId();
        awaitRecords(kernel, id, "StepFailed");
        kernel.close();
        kernels.remove(kernel);

        Kernel restarted = start();
        Execution done = awaitEnd(restarted, id);
        assertEquals(ExecutionState.COMPLETED, done.state());
        assertEquals(List.of("stock.reserve D4", "payment.charge 60", "parcel.ship r-D4", "parcel.ship r-D4"), calls);
        assertEquals(2, done.steps().get(2).attempts());
    }

    @Test
    void aRestartMidCompensationFinishesTheCompensation() throws Exception {
        failuresLeft.put("parcel.ship", new AtomicInteger(100));
        policies.put("parcel.ship", ONCE);
        block = new CountDownLatch(1);
        Kernel kernel = start();
        String id = kernel.submit(order("E5", 70)).executionId();
        awaitRecords(kernel, id, "CompensationStarted");
        kernel.close(); // the refund is blocked: its attempt never reports
        kernels.remove(kernel);
        block.countDown();

        Kernel restarted = start();
        Execution done = awaitEnd(restarted, id);
        assertEquals(ExecutionState.COMPENSATED, done.state());
        assertTrue(calls.indexOf("stock.release r-E5") > calls.lastIndexOf("payment.refund p-70"), calls.toString());
        assertEquals(1, calls.stream().filter(c -> c.startsWith("payment.charge")).count(), "completed steps never run again");
    }

    @Test
    void aCancelledSagaCompensatesWhatItDidAtOnceEvenDuringABackoffWait() throws Exception {
        failuresLeft.put("parcel.ship", new AtomicInteger(100));
        policies.put("parcel.ship", new RetryPolicy(5, Duration.ofSeconds(30), 1.0, Duration.ofSeconds(30), 0, Set.of()));
        Kernel kernel = start();
        String id = kernel.submit(order("F6", 80)).executionId();
        awaitRecords(kernel, id, "StepFailed");

        String cancel = kernel.submit(cancel("bob", id, "customer called")).executionId();

        Execution done = awaitEnd(kernel, id);
        assertEquals(ExecutionState.COMPENSATED, done.state());
        assertEquals(ErrorCode.CANCELLED, done.failure().code());
        assertTrue(done.failure().message().contains("cancelled by bob (execution " + cancel + "): customer called"),
                done.failure().message());
        assertTrue(calls.contains("payment.refund p-80") && calls.contains("stock.release r-F6"), calls.toString());
        IntentException again = assertThrows(IntentException.class, () -> kernel.submit(cancel("bob", id, null)));
        assertEquals(ErrorCode.NOT_CANCELLABLE, again.code());
        assertEquals(ExecutionState.COMPLETED, awaitEnd(kernel, cancel).state());
    }

    @Test
    void aCancellationAcknowledgedWhileTheLastStepRunsUndoesEveryStep() throws Exception {
        block = new CountDownLatch(1);
        Kernel kernel = start();
        String id = kernel.submit(order("L2", 12)).executionId();
        awaitRecords(kernel, id, "StepStarted", 3);

        kernel.submit(cancel("bob", id, "too late?"));
        block.countDown();

        Execution done = awaitEnd(kernel, id);
        assertEquals(ExecutionState.COMPENSATED, done.state());
        assertEquals(ErrorCode.CANCELLED, done.failure().code());
        assertTrue(done.failure().message().contains("after its last step"), done.failure().message());
        assertEquals(List.of("payment.refund p-12", "stock.release r-L2"), calls.subList(3, calls.size()));
    }

    @Test
    void aSingleStepExecutionIsCancelledBeforeItsNextAttempt() throws Exception {
        failuresLeft.put("test.flaky", new AtomicInteger(100));
        policies.put("test.flaky", new RetryPolicy(5, Duration.ofSeconds(1), 1.0, Duration.ofSeconds(1), 0, Set.of()));
        Kernel kernel = start();
        String id = kernel.submit(intent("test.flaky", "{}")).executionId();
        awaitRecords(kernel, id, "StepFailed");

        kernel.submit(cancel("bob", id, null));

        Execution done = awaitEnd(kernel, id);
        assertEquals(ExecutionState.FAILED, done.state());
        assertEquals(ErrorCode.CANCELLED, done.failure().code());
        assertEquals(1, calls.size());
    }

    @Test
    void aStepThatOutlivesItsTimeoutFailsAndTheSagaCompensates() throws Exception {
        saga = SagaDefinition.builder("orders.place")
                .step(SagaStep.builder("reserve", "stock.reserve").map("/sku", "/input/sku").compensateWith("stock.release",
                        PayloadMapping.of("/reservation", "/steps/reserve/artifacts/stock.reservation/id")).build())
                .step(SagaStep.builder("ship", "parcel.ship").timeout(Duration.ofMillis(100))
                        .map("/reservation", "/steps/reserve/artifacts/stock.reservation/id").build())
                .build();
        policies.put("parcel.ship", ONCE);
        block = new CountDownLatch(1);
        Kernel kernel = start();
        String id = kernel.submit(order("G7", 1)).executionId();

        Execution done = awaitEnd(kernel, id);
        assertEquals(ExecutionState.COMPENSATED, done.state());
        assertEquals(ErrorCode.STEP_TIMEOUT, done.failure().code());
        assertTrue(calls.contains("stock.release r-G7"), calls.toString());
    }

    @Test
    void aSagaThatOutlivesItsOwnTimeoutGivesUpAndCompensates() throws Exception {
        saga = order(Duration.ofMillis(300));
        failuresLeft.put("parcel.ship", new AtomicInteger(100));
        policies.put("parcel.ship", new RetryPolicy(10, Duration.ofMillis(100), 1.0, Duration.ofMillis(100), 0, Set.of()));
        Kernel kernel = start();
        String id = kernel.submit(order("H8", 2)).executionId();

        Execution done = awaitEnd(kernel, id);
        assertEquals(ExecutionState.COMPENSATED, done.state());
        assertEquals(ErrorCode.STEP_TIMEOUT, done.failure().code());
        assertTrue(done.failure().message().contains("did not complete within its timeout"), done.failure().message());
    }

    @Test
    void aSagaResumesByTheDefinitionItWasAcceptedWithWhateverIsDeployedLater() throws Exception {
        failuresLeft.put("parcel.ship", new AtomicInteger(1));
        policies.put("parcel.ship", SLOW);
        Kernel kernel = start();
        String id = kernel.submit(order("J9", 9)).executionId();
        awaitRecords(kernel, id, "StepFailed");
        kernel.close();
        kernels.remove(kernel);
        saga = null; // the saga's bundle is gone: the recorded definition still drives it

        assertEquals(ExecutionState.COMPLETED, awaitEnd(start(), id).state());
    }

    @Test
    void aStepDueWhileItsBundleDrainsWaitsForTheSwapAndRunsOnTheNewRevision() throws Exception {
        stepDuringASwap(false);
    }

    @Test
    void aStepDueWhileNothingServesItDuringASwapWaitsForTheSwapInsteadOfFailing() throws Exception {
        stepDuringASwap(true);
    }

    /**
     * Step 2 is held while the bundle serving step 3 ({@code org.acme.parcels}) is swapped; the swap is held too, with
     * the old handler still registered or ({@code withdrawnFirst}) already withdrawn, as a framework update does. Step
     * 3, due meanwhile, waits (no retries allowed: a failure would fail the saga) and runs on the new revision.
     */
    private void stepDuringASwap(boolean withdrawnFirst) throws Exception {
        CountDownLatch charging = new CountDownLatch(1);
        CountDownLatch swapping = new CountDownLatch(1);
        CountDownLatch swapDone = new CountDownLatch(1);
        policies.put("parcel.ship", ONCE);
        registry.serve("payment.charge", (intent, context) -> {
            await(charging);
            return Result.of(Artifact.of("payment.receipt", Json.of("{\"id\":\"p-1\"}")));
        });
        registry.serve("parcel.ship", "org.acme.parcels", "1.0.0", (intent, context) -> {
            throw new AssertionError("the old revision is drained: it never runs again");
        });
        Kernel kernel = start();
        String id = kernel.submit(order("S1", 5)).executionId();
        awaitRecords(kernel, id, "StepStarted", 2);

        Thread swap = new Thread(() -> kernel.drain().drained("org.acme.parcels", "1.0.0", Duration.ofSeconds(20), () -> {
            if (withdrawnFirst) {
                registry.withdraw("parcel.ship");
            }
            swapping.countDown();
            await(swapDone);
            registry.serve("parcel.ship", "org.acme.parcels", "1.1.0", (intent, context) ->
                    Result.of(Artifact.of("parcel.label", Json.of("{\"by\":\"1.1.0\"}"))));
        }));
        swap.start();
        assertTrue(swapping.await(10, TimeUnit.SECONDS));
        charging.countDown();
        awaitRecords(kernel, id, "StepCompleted", 2);
        Thread.sleep(200); // step 3 is due now, its bundle mid-swap: it waits
        assertEquals(2, types(kernel, id).stream().filter("StepStarted"::equals).count(), String.valueOf(types(kernel, id)));

        swapDone.countDown();
        swap.join(10_000);
        Execution done = awaitEnd(kernel, id);
        assertEquals(ExecutionState.COMPLETED, done.state(), String.valueOf(done.failure()));
        assertEquals("1.1.0", done.steps().get(2).handler().bundleVersion());
        assertEquals("{\"by\":\"1.1.0\"}", done.artifacts().get(2).text());
        assertEquals(List.of("IntentAccepted", "StepStarted", "StepCompleted", "StepStarted", "StepCompleted", "StepStarted",
                "StepCompleted", "ExecutionCompleted"), types(kernel, id));
    }

    @Test
    void aStepRunningWhenItsBundleIsSwappedHoldsTheSwapUntilItReturns() throws Exception {
        block = new CountDownLatch(1); // holds parcel.ship
        Kernel kernel = start();
        String id = kernel.submit(order("S2", 6)).executionId();
        awaitRecords(kernel, id, "StepStarted", 3);
        java.util.concurrent.atomic.AtomicBoolean swapped = new java.util.concurrent.atomic.AtomicBoolean();
        Thread swap = new Thread(() -> kernel.drain().drained("org.acme.test", "1.0.0", Duration.ofSeconds(20),
                () -> swapped.set(true)));
        swap.start();
        Thread.sleep(200);
        assertTrue(!swapped.get(), "the swap waits for the step running on the bundle");

        block.countDown();
        swap.join(10_000);
        assertTrue(swapped.get());
        assertEquals(ExecutionState.COMPLETED, awaitEnd(kernel, id).state());
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("held too long");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        }
    }

    private Kernel start() {
        Kernel kernel = new Kernel(dir.resolve("wal"), config(2_000, "fsync"), registry, roles,
                session -> Optional.empty(), type -> policies.getOrDefault(type, QUICK),
                type -> type.equals("orders.place") ? Optional.ofNullable(saga) : Optional.empty());
        kernels.add(kernel);
        return kernel;
    }

    /** A handler that records its call (type and the value at {@code pointer}), fails while told to, else answers. */
    private org.symphainy.sdk.intent.IntentHandler handler(String kind, String content, String pointer) {
        return (Intent intent, org.symphainy.sdk.intent.RuntimeContext context) -> {
            String value = pointer == null ? "" : valueAt(intent.payload(), pointer.substring(1));
            calls.add((intent.type() + " " + value).trim());
            AtomicInteger failures = failuresLeft.get(intent.type());
            if (intent.type().equals("payment.refund") || intent.type().equals("parcel.ship")) {
                try {
                    if (block.getCount() > 0 && !block.await(5, TimeUnit.SECONDS)) {
                        throw new IllegalStateException("blocked too long");
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted");
                }
            }
            if (failures != null && failures.getAndDecrement() > 0) {
                throw new IllegalStateException(intent.type() + " is down");
            }
            return kind == null ? Result.empty() : Result.of(Artifact.of(kind, Json.of(String.format(content, value))));
        };
    }

    private static String valueAt(Json payload, String field) {
        String text = payload.text();
        int at = text.indexOf("\"" + field + "\":");
        if (at < 0) {
            return "?";
        }
        String rest = text.substring(at + field.length() + 3).trim();
        return rest.startsWith("\"") ? rest.substring(1, rest.indexOf('"', 1)) : rest.replaceAll("[^0-9].*", "");
    }

    private static Intent order(String sku, int amount) {
        return intent("orders.place", "{\"sku\":\"" + sku + "\",\"amount\":" + amount + "}");
    }

    private static Intent cancel(String actor, String executionId, String reason) {
        return Intent.builder(PlatformIntents.CANCEL).tenant("acme").session("s-2").actor(actor).correlationId("c-2")
                .payload(Json.of("{\"executionId\":\"" + executionId + "\"" + (reason == null ? "" : ",\"reason\":\"" + reason + "\"")
                        + "}")).build();
    }

    private static List<String> types(Kernel kernel, String executionId) {
        return kernel.ledger().execution(executionId).stream().map(LedgerRecord::type).toList();
    }

    private static void awaitRecords(Kernel kernel, String executionId, String type) throws InterruptedException {
        awaitRecords(kernel, executionId, type, 1);
    }

    private static void awaitRecords(Kernel kernel, String executionId, String type, int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            if (types(kernel, executionId).stream().filter(type::equals).count() >= count) {
                return;
            }
            Thread.sleep(2);
        }
        throw new AssertionError("no " + type + " record of " + executionId + ": " + types(kernel, executionId));
    }
}
