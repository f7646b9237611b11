package ${package};

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.symphainy.sdk.intent.Artifact;
import org.symphainy.sdk.intent.ErrorCode;
import org.symphainy.sdk.intent.Intent;
import org.symphainy.sdk.intent.IntentException;
import org.symphainy.sdk.intent.Json;
import org.symphainy.sdk.intent.Result;
import org.symphainy.sdk.testkit.HandlerTestKit;

/** Runs the handler with the SDK's test kit, as the platform would run it, minus the write-ahead log. */
class ${handlerClass}Test {

    private final ${handlerClass} handler = new ${handlerClass}();

    @Test
    void greetsTheNamedPersonAtTheRecordedTime() throws Exception {
        Intent intent = HandlerTestKit.intent(${handlerClass}.INTENT).payload(Json.of("{\"name\": \"Ada\"}")).build();

        // runs it twice with the same clock, seed and inputs: what replay needs
        Result result = HandlerTestKit.assertDeterministic(handler, intent);

        assertEquals(1, result.artifacts().size());
        Artifact greeting = result.artifacts().get(0);
        assertEquals("${intentType}.greeting", greeting.kind());
        assertEquals(Artifact.JSON, greeting.mediaType());
        assertTrue(greeting.text().startsWith("{\"greeting\":\"Hello, Ada!\",\"at\":\"2026-01-01T00:00:00Z\","
                + "\"luckyNumber\":"), greeting.text());
    }

    @Test
    void aPayloadNamingNoOneIsRefused() {
        Intent intent = HandlerTestKit.intent(${handlerClass}.INTENT).payload(Json.of("{\"nom\": \"Ada\"}")).build();

        IntentException e = assertThrows(IntentException.class, () -> HandlerTestKit.run(handler, intent));

        assertEquals(ErrorCode.PAYLOAD_INVALID, e.code());
        assertTrue(e.getMessage().contains("names no one"), e.getMessage());
    }
}
