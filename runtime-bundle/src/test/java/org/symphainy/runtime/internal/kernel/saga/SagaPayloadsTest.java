package org.symphainy.runtime.internal.kernel.saga;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.symphainy.sdk.intent.Artifact;
import org.symphainy.sdk.intent.ErrorCode;
import org.symphainy.sdk.intent.IntentException;
import org.symphainy.sdk.intent.Json;
import org.symphainy.sdk.saga.PayloadMapping;

class SagaPayloadsTest {

    private static final Json INPUT = Json.of("{\"sku\":\"A1\",\"amount\":12.50,\"n\":3,\"nested\":{\"a/b\":true},\"none\":null}");
    private static final Map<String, Map<String, Artifact>> ARTIFACTS = Map.of("reserve", Map.of("stock.reservation",
            Artifact.of("stock.reservation", Json.of("{\"id\":\"r-9\",\"items\":[7,8]}"))));

    @Test
    void sourcesFromTheInputAndEarlierArtifactsArePlacedAtTheirTargets() {
        Json payload = SagaPayloads.build("charge", List.of(
                PayloadMapping.of("/sku", "/input/sku"),
                PayloadMapping.of("/money/amount", "/input/amount"),
                PayloadMapping.of("/count", "/input/n"),
                PayloadMapping.of("/flag", "/input/nested/a~1b"),
                PayloadMapping.of("/none", "/input/none"),
                PayloadMapping.of("/reservation", "/steps/reserve/artifacts/stock.reservation/id"),
                PayloadMapping.of("/second", "/steps/reserve/artifacts/stock.reservation/items/1"),
                PayloadMapping.of("/whole", "/steps/reserve/artifacts/stock.reservation")), INPUT, ARTIFACTS);

        assertEquals("{\"sku\":\"A1\",\"money\":{\"amount\":12.50},\"count\":3,\"flag\":true,\"none\":null,"
                + "\"reservation\":\"r-9\",\"second\":8,\"whole\":{\"id\":\"r-9\",\"items\":[7,8]}}", payload.text());
    }

    @Test
    void theWholeInputCanBeThePayload() {
        assertEquals(INPUT.text(),
                SagaPayloads.build("a", List.of(PayloadMapping.of("", "/input")), INPUT, Map.of()).text());
        assertEquals("{}", SagaPayloads.build("a", List.of(), INPUT, Map.of()).text());
    }

    @Test
    void aSourceWithoutAValueOrAMissingArtifactFailsTheStepAsInvalidNamingIt() {
        IntentException missing = assertThrows(IntentException.class, () -> SagaPayloads.build("charge",
                List.of(PayloadMapping.of("/x", "/input/nope")), INPUT, ARTIFACTS));
        assertEquals(ErrorCode.PAYLOAD_INVALID, missing.code());
        assertTrue(missing.getMessage().contains("step 'charge': /input/nope has no value"), missing.getMessage());

        IntentException artifact = assertThrows(IntentException.class, () -> SagaPayloads.build("charge",
                List.of(PayloadMapping.of("/x", "/steps/reserve/artifacts/stock.hold/id")), INPUT, ARTIFACTS));
        assertTrue(artifact.getMessage().contains("returned no artifact of kind 'stock.hold'"), artifact.getMessage());

        IntentException index = assertThrows(IntentException.class, () -> SagaPayloads.build("charge",
                List.of(PayloadMapping.of("/x", "/steps/reserve/artifacts/stock.reservation/items/2")), INPUT, ARTIFACTS));
        assertEquals(ErrorCode.PAYLOAD_INVALID, index.code());
    }
}
