package org.symphainy.runtime.internal.kernel.saga;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

import org.symphainy.runtime.internal.kernel.saga.SagaEvent.CompensationCompleted;
import org.symphainy.runtime.internal.kernel.saga.SagaEvent.CompensationFailed;
import org.symphainy.runtime.internal.kernel.saga.SagaEvent.SagaEnded;
import org.symphainy.runtime.internal.kernel.saga.SagaEvent.StepCompleted;
import org.symphainy.sdk.intent.ErrorCode;
import org.symphainy.sdk.runtime.RetryPolicy;
import org.symphainy.sdk.saga.SagaDefinition;
import org.symphainy.sdk.saga.SagaStep;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random sagas with random failing steps and compensations, and random crashes (the log keeps what was appended, a
 * restart folds it and resumes): every saga ends COMPLETED, COMPENSATED with compensations in exact reverse order of
 * the completed steps, or COMPENSATION_FAILED with what is not undone; folding the log again gives the same state.
 */
class SagaPropertyTest {

    /** One step: its attempts, how often it and its compensation fail first, and whether its failure is retried. */
    record StepPlan(int maxAttempts, int failures, boolean retryable, boolean compensable, int compensationFailures) {
    }

    record Scenario(List<StepPlan> steps, int compensationAttempts, List<Integer> crashes, Duration timeout) {
    }

    @Property(tries = 400)
    void everySagaEndsCompletedCompensatedInReverseOrderOrVisiblyFailed(@ForAll("scenarios") Scenario scenario)
            throws InterruptedException {
        SagaDefinition definition = definition(scenario);
        SagaHarness harness = harness(definition, scenario);

        SagaProgress progress = harness.run(scenario.crashes());

        SagaOutcome outcome = progress.outcome();
        assertEquals(outcome, assertInstanceOf(SagaEnded.class, harness.log.get(harness.log.size() - 1)).outcome());
        List<Integer> completedInLog = harness.log.stream().filter(e -> e instanceof StepCompleted)
                .map(e -> ((StepCompleted) e).step()).toList();
        List<Integer> compensatedInLog = harness.log.stream().filter(e -> e instanceof CompensationCompleted)
                .map(e -> ((CompensationCompleted) e).step()).toList();
        List<Integer> expectedOrder = new ArrayList<>(completedInLog.stream()
                .filter(step -> scenario.steps().get(step).compensable()).toList());
        Collections.reverse(expectedOrder);
        switch (outcome) {
            case COMPLETED -> {
                assertEquals(range(definition.steps().size()), completedInLog);
                assertEquals(List.of(), compensatedInLog);
            }
            case COMPENSATED -> {
                assertTrue(completedInLog.size() < definition.steps().size(), harness.log::toString);
                assertEquals(expectedOrder, compensatedInLog, "compensations in exact reverse order");
            }
            case COMPENSATION_FAILED -> {
                assertEquals(expectedOrder.subList(0, compensatedInLog.size()), compensatedInLog);
                int stuck = expectedOrder.get(compensatedInLog.size());
                assertEquals(expectedOrder.subList(compensatedInLog.size(), expectedOrder.size()), progress.uncompensated());
                SagaEvent lastFailure = progress.failures().get(progress.failures().size() - 1);
                assertEquals(stuck, assertInstanceOf(CompensationFailed.class, lastFailure).step());
            }
        }
        if (scenario.timeout() == null && harness.crashes == 0) {
            assertEquals(expected(scenario), outcome, harness.log::toString);
        }
        SagaProgress replayed = harness.restart();
        assertEquals(outcome, replayed.outcome());
        assertEquals(progress.completed(), replayed.completed());
        assertEquals(progress.compensated(), replayed.compensated());
        assertEquals(progress.failures(), replayed.failures());
    }

    /** The outcome without crashes, worked out from the plan alone. */
    private static SagaOutcome expected(Scenario scenario) {
        List<StepPlan> done = new ArrayList<>();
        for (StepPlan step : scenario.steps()) {
            boolean succeeds = step.failures() == 0 || (step.retryable() && step.failures() < step.maxAttempts());
            if (!succeeds) {
                for (int i = done.size() - 1; i >= 0; i--) {
                    if (done.get(i).compensable() && done.get(i).compensationFailures() >= scenario.compensationAttempts()) {
                        return SagaOutcome.COMPENSATION_FAILED;
                    }
                }
                return SagaOutcome.COMPENSATED;
            }
            done.add(step);
        }
        return SagaOutcome.COMPLETED;
    }

    @Provide
    Arbitrary<Scenario> scenarios() {
        Arbitrary<StepPlan> step = Combinators.combine(Arbitraries.integers().between(1, 3),
                Arbitraries.integers().between(0, 4), Arbitraries.of(true, false), Arbitraries.of(true, false),
                Arbitraries.integers().between(0, 3)).as(StepPlan::new);
        Arbitrary<Duration> timeout = Arbitraries.of(Duration.ofMillis(5), Duration.ofMillis(150), Duration.ofSeconds(2))
                .injectNull(0.5);
        return Combinators.combine(step.list().ofMinSize(1).ofMaxSize(5), Arbitraries.integers().between(1, 3),
                Arbitraries.integers().between(0, 25).list().ofMaxSize(4), timeout).as(Scenario::new);
    }

    private static SagaDefinition definition(Scenario scenario) {
        SagaDefinition.Builder saga = SagaDefinition.builder("test.saga").timeout(scenario.timeout());
        for (int i = 0; i < scenario.steps().size(); i++) {
            StepPlan plan = scenario.steps().get(i);
            SagaStep.Builder step = SagaStep.builder("s" + i, "test.step" + i).retry(policy(plan.maxAttempts()));
            if (plan.compensable()) {
                step.compensateWith("test.undo" + i);
            }
            saga.step(step.build());
        }
        return saga.build();
    }

    private static SagaHarness harness(SagaDefinition definition, Scenario scenario) {
        RetryPolicy compensations = policy(scenario.compensationAttempts());
        SagaHarness harness = new SagaHarness(definition, type -> compensations);
        for (int i = 0; i < scenario.steps().size(); i++) {
            StepPlan plan = scenario.steps().get(i);
            harness.script(i, false, plan.failures(), plan.retryable() ? ErrorCode.HANDLER_FAILED : ErrorCode.PAYLOAD_INVALID);
            harness.script(i, true, plan.compensationFailures(), ErrorCode.HANDLER_FAILED);
        }
        return harness;
    }

    private static RetryPolicy policy(int maxAttempts) {
        return new RetryPolicy(maxAttempts, Duration.ofMillis(100), 2.0, Duration.ofSeconds(1), 0.2,
                Set.of(ErrorCode.PAYLOAD_INVALID));
    }

    private static List<Integer> range(int n) {
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            all.add(i);
        }
        return all;
    }
}
