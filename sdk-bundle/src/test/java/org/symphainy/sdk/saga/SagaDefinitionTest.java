package org.symphainy.sdk.saga;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

class SagaDefinitionTest {

    @Test
    void aBuiltSagaKeepsItsStepsInOrderWithTheirMappingsAndCompensation() {
        SagaDefinition saga = SagaDefinition.builder("orders.place")
                .step(SagaStep.builder("reserve", "stock.reserve").map("/sku", "/input/sku")
                        .compensateWith("stock.release", PayloadMapping.of("/id", "/steps/reserve/artifacts/stock.reservation/id"))
                        .timeout(Duration.ofSeconds(2)).build())
                .step(SagaStep.builder("charge", "payment.charge").map("", "/input").build())
                .build();

        assertEquals(List.of("reserve", "charge"), saga.steps().stream().map(SagaStep::name).toList());
        assertEquals(1, saga.indexOf("charge"));
        assertEquals(-1, saga.indexOf("ship"));
        assertEquals("stock.release", saga.step("reserve").orElseThrow().compensation().intentType());
        assertNull(saga.step("charge").orElseThrow().compensation());
    }

    @Test
    void aMappingSaysWhichStepAndArtifactKindItReads() {
        PayloadMapping fromStep = PayloadMapping.of("/id", "/steps/reserve/artifacts/stock.reservation/id");
        PayloadMapping fromInput = PayloadMapping.of("/sku", "/input/sku");

        assertEquals("reserve", fromStep.sourceStep());
        assertEquals("stock.reservation", fromStep.sourceArtifactKind());
        assertEquals("/id", fromStep.sourcePointer());
        assertNull(fromInput.sourceStep());
        assertEquals("/sku", fromInput.sourcePointer());
        assertEquals("", PayloadMapping.of("", "/steps/a/artifacts/k").sourcePointer());
    }

    @Test
    void aSourceOutsideInputAndStepsIsRefusedWithTheFormsThatWork() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PayloadMapping.of("/a", "/output/x"));
        assertTrue(e.getMessage().contains("/input[/...]"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> PayloadMapping.of("a", "/input"));
        assertThrows(IllegalArgumentException.class, () -> PayloadMapping.of("/a", "/steps/x/artifacts"));
    }

    @Test
    void aSagaWithoutStepsOrWithABadStepNameIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> SagaDefinition.builder("orders.place").build());
        assertThrows(IllegalArgumentException.class, () -> SagaStep.builder("a b", "x.y").build());
        assertThrows(IllegalArgumentException.class,
                () -> SagaStep.builder("a", "x.y").timeout(Duration.ZERO).build());
    }
}
