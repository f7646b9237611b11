package org.symphainy.sdk.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.symphainy.sdk.intent.Artifact;
import org.symphainy.sdk.intent.Intent;
import org.symphainy.sdk.intent.IntentHandler;
import org.symphainy.sdk.intent.Json;
import org.symphainy.sdk.intent.Result;

class HandlerTestKitTest {

    private static final Intent INTENT = HandlerTestKit.intent("report.summarise").payload(Json.of("{}")).build();

    @Test
    void aDeterministicHandlerPassesAndItsResultIsReturned() throws Exception {
        Result result = HandlerTestKit.assertDeterministic(new SummaryHandler(), INTENT);

        assertEquals(1, result.artifacts().size());
        assertEquals("report.summary", result.artifacts().get(0).kind());
        assertTrue(result.artifacts().get(0).text().startsWith("{\"at\":\"2026-01-01T00:00:00Z\","),
                result.artifacts().get(0).text());
    }

    @Test
    void theSeedDecidesWhatTheHandlerDraws() throws Exception {
        String seed42 = hashOf(HandlerTestKit.run(new SummaryHandler(), INTENT));
        String seed7 = hashOf(HandlerTestKit.run(new SummaryHandler(), INTENT, context().seed(7L).build()));

        assertEquals(seed42, hashOf(HandlerTestKit.run(new SummaryHandler(), INTENT)));
        assertNotEquals(seed42, seed7);
    }

    @Test
    void aHandlerUsingItsOwnRandomFails() {
        IntentHandler ownRandom = (intent, context) -> Result.of(
                Artifact.of("report.summary", "text/plain", bytes("draw " + new Random().nextLong())));

        AssertionError e = assertThrows(AssertionError.class,
                () -> HandlerTestKit.assertDeterministic(ownRandom, INTENT));

        assertTrue(e.getMessage().contains(" is not deterministic: two runs of report.summarise with the same clock, "
                + "seed and inputs differ:\n  artifact 0: report.summary (text/plain) sha256="), e.getMessage());
        assertTrue(e.getMessage().contains("in the first run, report.summary (text/plain) sha256="), e.getMessage());
        assertTrue(e.getMessage().contains("randomness only from context.random()"), e.getMessage());
    }

    @Test
    void aHandlerReadingTheSystemClockFails() {
        IntentHandler systemClock = (intent, context) -> Result.of(
                Artifact.of("report.summary", "text/plain", bytes("at " + System.nanoTime())));

        AssertionError e = assertThrows(AssertionError.class,
                () -> HandlerTestKit.assertDeterministic(systemClock, INTENT));

        assertTrue(e.getMessage().contains("artifact 0: report.summary (text/plain) sha256="), e.getMessage());
        assertTrue(e.getMessage().contains("never System.currentTimeMillis(), System.nanoTime()"), e.getMessage());
    }

    @Test
    void differingEventsAndArtifactCountsAreReported() {
        int[] calls = {0};
        IntentHandler growing = (intent, context) -> {
            Result.Builder result = Result.builder().event("report.counted", Json.of("{\"n\":" + calls[0] + "}"));
            if (calls[0]++ > 0) {
                result.artifact(Artifact.of("report.extra", "text/plain", bytes("x")));
            }
            return result.build();
        };

        AssertionError e = assertThrows(AssertionError.class, () -> HandlerTestKit.assertDeterministic(growing, INTENT));

        assertTrue(e.getMessage().contains("artifact 0: nothing in the first run, report.extra (text/plain) sha256="),
                e.getMessage());
        assertTrue(e.getMessage().contains("event 0: report.counted {\"n\":0} in the first run, report.counted "
                + "{\"n\":1} in the second"), e.getMessage());
    }

    @Test
    void aNullResultFailsAsTheRuntimeWould() {
        AssertionError e = assertThrows(AssertionError.class,
                () -> HandlerTestKit.run((intent, context) -> null, INTENT));
        assertTrue(e.getMessage().contains("returned null for report.summarise; return Result.empty()"),
                e.getMessage());
    }

    @Test
    void handlerExceptionsPropagate() {
        IllegalStateException thrown = new IllegalStateException("parser rejected page 3");
        assertEquals(thrown, assertThrows(IllegalStateException.class,
                () -> HandlerTestKit.run((intent, context) -> { throw thrown; }, INTENT)));
    }

    @Test
    void refusesAContextOfAnotherTenant() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> HandlerTestKit.run(new SummaryHandler(), INTENT, context().tenant("globex").build()));
        assertEquals("the context's tenant 'globex' is not the intent's 'test-tenant'; the Runtime always runs an "
                + "intent with its own tenant", e.getMessage());
    }

    @Test
    void inputsReachTheHandlerAndChangeItsResult() throws Exception {
        Artifact page = Artifact.of("content.page", "text/plain", bytes("page one"));

        Result withInput = HandlerTestKit.assertDeterministic(new SummaryHandler(), INTENT,
                context().input(page).build());

        assertTrue(withInput.artifacts().get(0).text().contains("\"inputs\":\"test-input-1=page one;\""),
                withInput.artifacts().get(0).text());
    }

    private static TestContext.Builder context() {
        return TestContext.builder().tenant("test-tenant").actor("test-actor");
    }

    private static String hashOf(Result result) {
        return result.artifacts().get(0).contentHash();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
