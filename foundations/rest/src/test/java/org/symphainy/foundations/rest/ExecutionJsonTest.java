package org.symphainy.foundations.rest;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.symphainy.sdk.intent.ErrorCode;
import org.symphainy.sdk.intent.HandlerRef;
import org.symphainy.sdk.intent.Intent;
import org.symphainy.sdk.intent.Json;
import org.symphainy.sdk.runtime.AttemptFailure;
import org.symphainy.sdk.runtime.Effect;
import org.symphainy.sdk.runtime.Execution;
import org.symphainy.sdk.runtime.ExecutionState;
import org.symphainy.sdk.runtime.Failure;
import org.symphainy.sdk.runtime.RecordedContext;
import org.symphainy.sdk.runtime.SagaStatus;
import org.symphainy.sdk.runtime.Step;
import org.symphainy.sdk.runtime.StepState;

class ExecutionJsonTest {

    private static final Instant AT = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void aSagaThatCouldNotUndoAStepShowsItsStepsByNameWhatIsNotUndoneAndEveryFailure() {
        HandlerRef refund = new HandlerRef("org.acme", "1.0.0", "payment.refund", "1.0.0");
        Failure down = new Failure(ErrorCode.HANDLER_FAILED, "payment.refund is down");
        Step undo = new Step(3, "payment.refund", refund, StepState.FAILED, 2,
                new RecordedContext("e-1", 1, "acme", "alice", 2, AT, 7, List.of()), AT, AT, List.of(), down, "charge", true);
        SagaStatus status = new SagaStatus("ship", List.of(), List.of("charge", "reserve"),
                List.of(new AttemptFailure("charge", true, 1, AT, down), new AttemptFailure("charge", true, 2, AT, down)));
        Intent intent = Intent.builder("orders.place").tenant("acme").session("s").actor("alice").correlationId("c")
                .payload(Json.of("{}")).build();
        Execution execution = new Execution("e-1", intent, ExecutionState.COMPENSATION_FAILED,
                new HandlerRef("org.acme", "1.0.0", "orders.place", "1.0.0"), List.of(), List.of(undo), List.of(), AT, AT,
                new Failure(ErrorCode.HANDLER_FAILED, "step 'ship' failed"), null, List.of(), status);

        String json = new String(ExecutionJson.execution(execution, id -> URI.create("/a/" + id)), StandardCharsets.UTF_8);

        assertTrue(json.contains("\"state\":\"COMPENSATION_FAILED\""), json);
        assertTrue(json.contains("\"number\":3,\"name\":\"charge\",\"compensation\":true,\"type\":\"payment.refund\""), json);
        assertTrue(json.contains("\"saga\":{\"failedStep\":\"ship\",\"compensated\":[],\"uncompensated\":[\"charge\",\"reserve\"]"), json);
        assertTrue(json.contains("{\"step\":\"charge\",\"compensation\":true,\"attempt\":2,\"at\":\"2026-01-01T00:00:00Z\","
                + "\"failure\":{\"code\":\"HANDLER_FAILED\",\"message\":\"payment.refund is down\"}}"), json);
    }

    @Test
    void aCompletedDeployShowsWhatCameOfItAsItsEffectsAndAnExecutionWithoutNoneAtAll() {
        Intent intent = Intent.builder("platform.bundle.update").tenant("system").session("s").actor("deploy-folder")
                .correlationId("c").payload(Json.of("{}")).build();
        HandlerRef handler = new HandlerRef("org.symphainy.curator", "1.0.0", "platform.bundle.update", "1.0.0");
        Effect rolledBack = new Effect("org.symphainy.curator", AT, false, "updated org.acme.good from 1.0.0 to 1.1.0, "
                + "but it was not ready (no license key); rolled back through platform.bundle.update (execution e-2)");
        Execution execution = new Execution("e-1", intent, ExecutionState.COMPLETED, handler, List.of(), List.of(),
                List.of(), AT, AT, null, null, List.of(), null, List.of(rolledBack));

        String json = new String(ExecutionJson.execution(execution, id -> URI.create("/a/" + id)), StandardCharsets.UTF_8);
        String without = new String(ExecutionJson.execution(new Execution("e-1", intent, ExecutionState.COMPLETED, handler,
                List.of(), List.of(), List.of(), AT, AT, null), id -> URI.create("/a/" + id)), StandardCharsets.UTF_8);

        assertTrue(json.endsWith(",\"effects\":[{\"by\":\"org.symphainy.curator\",\"at\":\"2026-01-01T00:00:00Z\","
                + "\"applied\":false,\"summary\":\"updated org.acme.good from 1.0.0 to 1.1.0, but it was not ready "
                + "(no license key); rolled back through platform.bundle.update (execution e-2)\"}]}"), json);
        assertFalse(without.contains("effects"), without);
    }
}
