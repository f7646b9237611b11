package org.symphainy.conductor.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.symphainy.sdk.saga.PayloadMapping;
import org.symphainy.sdk.saga.SagaDefinition;
import org.symphainy.sdk.saga.SagaProblem;
import org.symphainy.sdk.saga.SagaStep;

class SagaCheckTest {

    private static final Map<String, Set<String>> DEPLOYED = Map.of(
            "stock.reserve", Set.of("stock.reservation"),
            "stock.release", Set.of(),
            "payment.charge", Set.of("payment.receipt"),
            "payment.refund", Set.of());

    private final SagaCheck check = new SagaCheck(type -> Optional.ofNullable(DEPLOYED.get(type)));

    @Test
    void aSagaOfDeployedIntentsReadingDeclaredArtifactsOfEarlierStepsPasses() {
        SagaDefinition saga = SagaDefinition.builder("orders.place")
                .step(SagaStep.builder("reserve", "stock.reserve").map("/sku", "/input/sku")
                        .compensateWith("stock.release", PayloadMapping.of("/id", "/steps/reserve/artifacts/stock.reservation/id"))
                        .build())
                .step(SagaStep.builder("charge", "payment.charge")
                        .map("/reservation", "/steps/reserve/artifacts/stock.reservation/id")
                        .compensateWith("payment.refund", PayloadMapping.of("/receipt", "/steps/charge/artifacts/payment.receipt"))
                        .build())
                .build();

        assertEquals(List.of(), check.problems(saga));
    }

    @Test
    void anUnknownIntentIsNamedWithItsStep() {
        SagaDefinition saga = SagaDefinition.builder("orders.place")
                .step(SagaStep.builder("ship", "parcel.ship").compensateWith("parcel.recall").build()).build();

        List<SagaProblem> problems = check.problems(saga);

        assertEquals(List.of("UNKNOWN_INTENT", "UNKNOWN_INTENT"), codes(problems));
        assertEquals("ship", problems.get(0).step());
        assertTrue(problems.get(0).message().contains("'parcel.ship'"), problems.get(0).message());
        assertTrue(problems.get(1).message().contains("compensation intent 'parcel.recall'"), problems.get(1).message());
    }

    @Test
    void aStepThatReadsItselfOrALaterStepIsACycle() {
        SagaDefinition saga = SagaDefinition.builder("orders.place")
                .step(SagaStep.builder("reserve", "stock.reserve")
                        .map("/receipt", "/steps/charge/artifacts/payment.receipt").build())
                .step(SagaStep.builder("charge", "payment.charge")
                        .map("/again", "/steps/charge/artifacts/payment.receipt").build())
                .step(SagaStep.builder("again", "orders.place").build())
                .build();

        List<SagaProblem> problems = check.problems(saga);

        assertEquals(List.of("FORWARD_REFERENCE", "FORWARD_REFERENCE", "CYCLE"), codes(problems));
        assertEquals(List.of("reserve", "charge", "again"), problems.stream().map(SagaProblem::step).toList());
        assertTrue(problems.get(0).message().contains("step 'charge' does not run before it"), problems.get(0).message());
    }

    @Test
    void aMappingFromAnArtifactKindTheEarlierStepDoesNotDeclareIsRefusedWithTheKindsItDoes() {
        SagaDefinition saga = SagaDefinition.builder("orders.place")
                .step(SagaStep.builder("reserve", "stock.reserve").build())
                .step(SagaStep.builder("charge", "payment.charge")
                        .map("/id", "/steps/reserve/artifacts/stock.hold/id")
                        .map("/x", "/steps/nowhere/artifacts/k").build())
                .build();

        List<SagaProblem> problems = check.problems(saga);

        assertEquals(List.of("UNDECLARED_ARTIFACT", "UNKNOWN_STEP"), codes(problems));
        assertTrue(problems.get(0).message().contains("declares no artifact kind 'stock.hold' (it declares stock.reservation)"),
                problems.get(0).message());
        assertEquals("step 'charge': UNKNOWN_STEP: its payload at '/x' reads /steps/nowhere/artifacts/k, but the saga has "
                + "no step 'nowhere'", problems.get(1).toString());
    }

    @Test
    void twoStepsWithOneNameAreRefused() {
        SagaDefinition saga = SagaDefinition.builder("orders.place")
                .step(SagaStep.builder("reserve", "stock.reserve").build())
                .step(SagaStep.builder("reserve", "payment.charge").build())
                .build();

        assertEquals(List.of("DUPLICATE_STEP"), codes(check.problems(saga)));
    }

    private static List<String> codes(List<SagaProblem> problems) {
        return problems.stream().map(SagaProblem::code).toList();
    }
}
