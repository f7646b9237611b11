package org.symphainy.conductor.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.symphainy.sdk.intent.ErrorCode;
import org.symphainy.sdk.saga.PayloadMapping;
import org.symphainy.sdk.saga.SagaDefinition;
import org.symphainy.sdk.saga.SagaStep;

class SagaJsonTest {

    @Test
    void aDefinitionReadsWithItsMappingsCompensationRetryAndTimeouts() throws Exception {
        SagaDefinition saga = read("""
                {"timeout": "PT1M", "steps": [
                  {"name": "reserve", "intent": "stock.reserve", "payload": {"/sku": "/input/sku", "/n": "/input/count"},
                   "compensation": {"intent": "stock.release",
                                    "payload": {"/id": "/steps/reserve/artifacts/stock.reservation/id"}},
                   "retry": {"maxAttempts": 3, "initialInterval": "PT0.5S", "nonRetryable": ["PAYLOAD_INVALID"]},
                   "timeout": "PT5S"},
                  {"name": "charge", "intent": "payment.charge"}]}
                """);

        assertEquals("orders.place", saga.intentType());
        assertEquals(Duration.ofMinutes(1), saga.timeout());
        SagaStep reserve = saga.steps().get(0);
        assertEquals(List.of(PayloadMapping.of("/sku", "/input/sku"), PayloadMapping.of("/n", "/input/count")), reserve.payload());
        assertEquals("stock.reserve", reserve.intentType());
        assertEquals("stock.release", reserve.compensation().intentType());
        assertEquals("reserve", reserve.compensation().payload().get(0).sourceStep());
        assertEquals(3, reserve.retry().maxAttempts());
        assertEquals(Duration.ofMillis(500), reserve.retry().initialInterval());
        assertEquals(Set.of(ErrorCode.PAYLOAD_INVALID), reserve.retry().nonRetryable());
        assertEquals(Duration.ofSeconds(5), reserve.timeout());
        assertNull(saga.steps().get(1).retry());
        assertNull(saga.steps().get(1).compensation());
    }

    @Test
    void aStepWithoutIntentOrWithABadMappingIsNamedInTheError() {
        SagaJson.InvalidSaga missing = assertThrows(SagaJson.InvalidSaga.class,
                () -> read("{\"steps\": [{\"name\": \"reserve\"}]}"));
        assertEquals("reserve", missing.step());
        assertTrue(missing.getMessage().contains("\"intent\" must be a string"), missing.getMessage());

        SagaJson.InvalidSaga mapping = assertThrows(SagaJson.InvalidSaga.class,
                () -> read("{\"steps\": [{\"name\": \"a\", \"intent\": \"x.y\", \"payload\": {\"/v\": \"/output/v\"}}]}"));
        assertEquals("a", mapping.step());
        assertTrue(mapping.getMessage().contains("/steps/<step>/artifacts/<kind>"), mapping.getMessage());
    }

    @Test
    void aResourceThatIsNotJsonOrHasNoStepsOrABadDurationIsRefusedSayingWhatToWrite() {
        assertTrue(assertThrows(SagaJson.InvalidSaga.class, () -> read("{\"steps\": [")).getMessage()
                .startsWith("the resource is not JSON"));
        assertTrue(assertThrows(SagaJson.InvalidSaga.class, () -> read("{\"steps\": []}")).getMessage()
                .contains("non-empty array"));
        SagaJson.InvalidSaga duration = assertThrows(SagaJson.InvalidSaga.class,
                () -> read("{\"steps\": [{\"name\": \"a\", \"intent\": \"x.y\", \"timeout\": \"5s\"}]}"));
        assertTrue(duration.getMessage().contains("ISO-8601 duration such as PT5S"), duration.getMessage());
        SagaJson.InvalidSaga code = assertThrows(SagaJson.InvalidSaga.class, () -> read(
                "{\"steps\": [{\"name\": \"a\", \"intent\": \"x.y\", \"retry\": {\"nonRetryable\": [\"NOPE\"]}}]}"));
        assertTrue(code.getMessage().contains("'NOPE' is not an ErrorCode"), code.getMessage());
    }

    private static SagaDefinition read(String json) throws SagaJson.InvalidSaga {
        return SagaJson.read("orders.place", new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }
}
