package org.symphainy.itest.saga.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.symphainy.sdk.intent.Intent;
import org.symphainy.sdk.intent.Json;
import org.symphainy.sdk.intent.Result;
import org.symphainy.sdk.testkit.HandlerTestKit;
import org.symphainy.sdk.testkit.TestContext;

class StepWorkTest {

    private static Intent charge(String behaviour) {
        return Intent.builder("itest.payment.charge").tenant("acme").session("s").actor("alice").correlationId("c")
                .payload(Json.of("{\"order\":\"o-1\",\"amount\":3,\"reservationId\":\"R-1\",\"behaviour\":" + behaviour + "}"))
                .build();
    }

    @Test
    void aStepNotSteeredReturnsItsKindWithAnIdFromTheSeedAndItsPayload() throws Exception {
        Result result = HandlerTestKit.assertDeterministic(new ChargeHandler(), charge("{\"ship\":\"fail-always\"}"));

        assertEquals("itest.charge", result.artifacts().get(0).kind());
        String content = result.artifacts().get(0).text();
        assertTrue(content.matches("\\{\"id\":\"C-[0-9a-f]+\",\"step\":\"charge\",\"attempt\":1,\"payload\":\\{.*\"reservationId\":\"R-1\".*"),
                content);
    }

    @Test
    void failNFailsTheFirstNAttemptsOnly() {
        ChargeHandler handler = new ChargeHandler();
        Intent intent = charge("{\"charge\":\"fail-2\"}");

        assertThrows(IllegalStateException.class, () -> handler.handle(intent, TestContext.builder().attempt(2).build()));
        assertEquals("itest.charge", handler.handle(intent, TestContext.builder().attempt(3).build()).artifacts().get(0).kind());
    }

    @Test
    void failAlwaysFailsEveryAttemptAndUndeclaredKindReturnsAKindNoIntentDeclares() {
        ChargeHandler handler = new ChargeHandler();

        IllegalStateException failed = assertThrows(IllegalStateException.class,
                () -> handler.handle(charge("{\"charge\":\"fail-always\"}"), TestContext.builder().attempt(99).build()));
        assertTrue(failed.getMessage().contains("attempt 99"), failed.getMessage());
        assertEquals(StepWork.UNDECLARED, handler.handle(charge("{\"charge\":\"undeclared-kind\"}"),
                TestContext.builder().build()).artifacts().get(0).kind());
    }
}
