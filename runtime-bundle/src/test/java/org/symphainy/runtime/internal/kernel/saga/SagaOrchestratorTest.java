package org.symphainy.runtime.internal.kernel.saga;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.symphainy.runtime.internal.kernel.saga.SagaAction.RunStep;
import org.symphainy.runtime.internal.kernel.saga.SagaEvent.CompensationFailed;
import org.symphainy.runtime.internal.kernel.saga.SagaEvent.StepFailed;
import org.symphainy.sdk.intent.ErrorCode;
import org.symphainy.sdk.intent.Json;
import org.symphainy.sdk.runtime.RetryPolicy;
import org.symphainy.sdk.saga.PayloadMapping;
import org.symphainy.sdk.saga.SagaDefinition;
import org.symphainy.sdk.saga.SagaStep;

class SagaOrchestratorTest {

    private static final RetryPolicy THREE = new RetryPolicy(3, Duration.ofSeconds(1), 2.0, Duration.ofSeconds(10), 0,
            Set.of(ErrorCode.PAYLOAD_INVALID));

    /** reserve (undo: release), charge (undo: refund), notify (nothing to undo), ship (undo: recall). */
    private static final SagaDefinition ORDER = SagaDefinition.builder("orders.place")
            .step(SagaStep.builder("reserve", "stock.reserve").map("/sku", "/input/sku").compensateWith("stock.release",
                    PayloadMapping.of("/reservation", "/steps/reserve/artifacts/stock.reserve.result/id")).build())
            .step(SagaStep.builder("charge", "payment.charge")
                    .map("/for", "/steps/reserve/artifacts/stock.reserve.result/id").compensateWith("payment.refund").build())
            .step(SagaStep.builder("notify", "mail.send").build())
            .step(SagaStep.builder("ship", "parcel.ship").compensateWith("parcel.recall").build())
            .build();

    private final SagaHarness harness = new SagaHarness(ORDER, type -> THREE);

    @Test
    void everyStepCompletesInOrder() throws Exception {
        SagaProgress progress = harness.run(List.of());

        assertEquals(SagaOutcome.COMPLETED, progress.outcome());
        assertEquals(List.of("do reserve", "do charge", "do notify", "do ship"), harness.calls);
        assertEquals(List.of(0, 1, 2, 3), progress.completed());
        assertEquals("do reserve {\"sku\":\"A1\"}", harness.payloads.get(0));
        assertEquals("do charge {\"for\":\"reserve-1\"}", harness.payloads.get(1), "mapped from reserve's artifact");
    }

    @Test
    void aCompensationReadsTheArtifactOfItsOwnStep() throws Exception {
        harness.script(1, false, 1, ErrorCode.PAYLOAD_INVALID);

        SagaProgress progress = harness.run(List.of());

        assertEquals(SagaOutcome.COMPENSATED, progress.outcome());
        assertEquals("undo reserve {\"reservation\":\"reserve-1\"}", harness.payloads.get(harness.payloads.size() - 1));
    }

    @Test
    void aStepWhosePayloadCannotBeBuiltFailsWithoutRunningAndTheSagaIsCompensated() throws Exception {
        SagaDefinition saga = SagaDefinition.builder("orders.place")
                .step(SagaStep.builder("reserve", "stock.reserve").compensateWith("stock.release").build())
                .step(SagaStep.builder("charge", "payment.charge").map("/amount", "/input/amount").build())
                .build();
        SagaHarness missing = new SagaHarness(saga, type -> THREE);

        SagaProgress progress = missing.run(List.of());

        assertEquals(SagaOutcome.COMPENSATED, progress.outcome());
        assertEquals(List.of("do reserve", "undo reserve"), missing.calls, "charge never ran");
        assertEquals(ErrorCode.PAYLOAD_INVALID, progress.gaveUp().code());
        assertTrue(progress.gaveUp().message().contains("/input/amount has no value"), progress.gaveUp().message());
    }

    @Test
    void aStepThatFailsForGoodCompensatesTheCompletedStepsInReverseOrderSkippingThoseWithNothingToUndo() throws Exception {
        harness.script(3, false, 1, ErrorCode.PAYLOAD_INVALID);

        SagaProgress progress = harness.run(List.of());

        assertEquals(SagaOutcome.COMPENSATED, progress.outcome());
        assertEquals(List.of("do reserve", "do charge", "do notify", "do ship", "undo charge", "undo reserve"), harness.calls);
        assertEquals(3, progress.gaveUp().step());
        assertTrue(progress.gaveUp().message().contains("step 'ship'"), progress.gaveUp().message());
    }

    @Test
    void aFailedAttemptIsRetriedAfterTheDurableWaitFromTheRecordedFailure() throws Exception {
        harness.script(1, false, 2, ErrorCode.HANDLER_FAILED);

        SagaProgress progress = harness.run(List.of());

        assertEquals(SagaOutcome.COMPLETED, progress.outcome());
        List<Instant> starts = harness.log.stream().filter(e -> e instanceof SagaEvent.StepStarted s && s.step() == 1)
                .map(SagaEvent::at).toList();
        List<Instant> failures = harness.log.stream().filter(e -> e instanceof StepFailed).map(SagaEvent::at).toList();
        assertEquals(3, starts.size());
        assertFalse(starts.get(1).isBefore(failures.get(0).plusSeconds(1)), "first wait is 1 s: " + harness.log);
        assertFalse(starts.get(2).isBefore(failures.get(1).plusSeconds(2)), "second wait is 2 s: " + harness.log);
    }

    @Test
    void aRestartDuringTheBackoffWaitResumesWithTheDueTimeOfTheRecordedFailure() throws Exception {
        harness.script(0, false, 1, ErrorCode.HANDLER_FAILED);
        SagaProgress progress = harness.run(List.of(2)); // StepStarted, StepFailed; the crash comes during the wait

        assertEquals(SagaOutcome.COMPLETED, progress.outcome());

        SagaProgress folded = new SagaProgress(ORDER, Json.of("{}"), SagaHarness.START, type -> THREE, 42L);
        harness.log.subList(0, 2).forEach(folded::apply);
        RunStep next = assertInstanceOf(RunStep.class, folded.next());
        assertEquals(2, next.attempt());
        assertEquals(harness.log.get(1).at().plus(THREE.delayAfter(1, 42L)), next.due());
        assertFalse(harness.log.get(2).at().isBefore(next.due()), "the resumed attempt waited: " + harness.log);
        assertEquals(1, harness.crashes);
    }

    @Test
    void aCompensationThatKeepsFailingLeavesCompensationFailedWithWhatIsNotUndone() throws Exception {
        harness.script(3, false, 5, ErrorCode.HANDLER_FAILED).script(1, true, 9, ErrorCode.HANDLER_FAILED);

        SagaProgress progress = harness.run(List.of());

        assertEquals(SagaOutcome.COMPENSATION_FAILED, progress.outcome());
        assertEquals(List.of(), progress.compensated());
        assertEquals(List.of(1, 0), progress.uncompensated(), "charge failed to be refunded; reserve never released");
        assertEquals(3, progress.failures().stream().filter(f -> f instanceof CompensationFailed).count(),
                "each attempt of the refund is kept for the operator");
        assertEquals(List.of("do reserve", "do charge", "do notify", "do ship", "do ship", "do ship",
                "undo charge", "undo charge", "undo charge"), harness.calls);
    }

    @Test
    void aSagaWhoseTimeoutPassesBeforeTheNextAttemptGivesUpAtOnceAndIsCompensated() throws Exception {
        SagaDefinition saga = SagaDefinition.builder("orders.place").timeout(Duration.ofMillis(500))
                .step(SagaStep.builder("reserve", "stock.reserve").compensateWith("stock.release").build())
                .step(SagaStep.builder("charge", "payment.charge").build())
                .build();
        SagaHarness timed = new SagaHarness(saga, type -> THREE).script(1, false, 1, ErrorCode.HANDLER_FAILED);

        SagaProgress progress = timed.run(List.of());

        assertEquals(SagaOutcome.COMPENSATED, progress.outcome());
        assertEquals(ErrorCode.STEP_TIMEOUT, progress.gaveUp().code());
        assertTrue(progress.gaveUp().message().contains("within its timeout of PT0.5S (step 'charge' was next)"),
                progress.gaveUp().message());
        assertEquals(List.of("do reserve", "do charge", "undo reserve"), timed.calls);
        assertTrue(timed.now().isBefore(SagaHarness.START.plusSeconds(1)), "it did not wait for the 1 s backoff");
    }

    @Test
    void anEventThatDoesNotFitTheSagaIsRefused() {
        SagaProgress progress = new SagaProgress(ORDER, Json.of("{}"), SagaHarness.START, type -> THREE, 1L);

        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> progress.apply(new SagaEvent.StepStarted(1, 1, Instant.EPOCH)));
        assertTrue(e.getMessage().contains("inconsistent"), e.getMessage());
        assertThrows(IllegalStateException.class,
                () -> progress.apply(new SagaEvent.SagaEnded(SagaOutcome.COMPLETED, Instant.EPOCH)));
    }
}
