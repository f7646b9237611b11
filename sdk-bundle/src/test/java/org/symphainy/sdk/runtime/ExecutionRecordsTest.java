package org.symphainy.sdk.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.symphainy.sdk.governance.Decision;
import org.symphainy.sdk.governance.Stage;
import org.symphainy.sdk.intent.Artifact;
import org.symphainy.sdk.intent.ErrorCode;
import org.symphainy.sdk.intent.HandlerRef;
import org.symphainy.sdk.intent.Intent;

class ExecutionRecordsTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private static final Instant T1 = Instant.parse("2026-03-01T10:00:02Z");
    private static final HandlerRef HANDLER = new HandlerRef("org.acme.content", "1.2.0", "content.ingest", "1.0.0");
    private static final Intent INTENT = Intent.builder("content.ingest").tenant("acme").session("s-1").actor("alice")
            .correlationId("c-1").build();
    private static final RecordedContext CONTEXT =
            new RecordedContext("exec-1", 1, "acme", "alice", 1, T0, 42L, List.of());
    private static final Failure BOOM = new Failure(ErrorCode.HANDLER_FAILED, "parser rejected page 3");

    @Test
    void anEndedExecutionHasAnEndAndOnlyAFailedOneHasAFailure() {
        Execution completed = execution(ExecutionState.COMPLETED, T1, null);
        assertEquals("acme", completed.tenant());
        execution(ExecutionState.FAILED, T1, BOOM);
        execution(ExecutionState.RUNNING, null, null);

        IllegalArgumentException noEnd = assertThrows(IllegalArgumentException.class,
                () -> execution(ExecutionState.COMPLETED, null, null));
        assertEquals("execution exec-1 is COMPLETED: endedAt must be set", noEnd.getMessage());
        IllegalArgumentException noFailure = assertThrows(IllegalArgumentException.class,
                () -> execution(ExecutionState.FAILED, T1, null));
        assertEquals("execution exec-1 is FAILED: failure must be set", noFailure.getMessage());
        assertThrows(IllegalArgumentException.class, () -> execution(ExecutionState.RUNNING, T1, null));
        assertThrows(IllegalArgumentException.class, () -> execution(ExecutionState.COMPLETED, T1, BOOM));
    }

    @Test
    void aStepFollowsTheSameRules() {
        new Step(1, "content.ingest", HANDLER, StepState.RUNNING, 2, CONTEXT, T0, null, List.of(), null);
        new Step(1, "content.ingest", HANDLER, StepState.FAILED, 3, CONTEXT, T0, T1, List.of(), BOOM);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Step(1, "content.ingest", HANDLER, StepState.COMPLETED, 1, CONTEXT, T0, null, List.of(), null));
        assertEquals("step 1 is COMPLETED: endedAt must be set", e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> new Step(0, "content.ingest", HANDLER, StepState.RUNNING, 1, CONTEXT, T0, null, List.of(), null));
    }

    @Test
    void aRecordedContextHoldsOnlyRecordedInputs() {
        Artifact unrecorded = Artifact.of("text.note", "text/plain", new byte[] {'a'});

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new RecordedContext("exec-1", 1, "acme", "alice", 1, T0, 42L, List.of(unrecorded)));
        assertEquals("inputs[0] is not a recorded artifact; inputs always are", e.getMessage());
    }

    @Test
    void aReplayIsIdenticalOnlyIfItRanToTheEndWithoutDifferences() {
        Artifact recorded = Artifact.of("text.note", "text/plain", new byte[] {'a'});
        Artifact replayed = Artifact.of("text.note", "text/plain", new byte[] {'b'});
        ArtifactDiff diff = new ArtifactDiff(1, 0, recorded, replayed);

        assertTrue(new ReplayReport("exec-1", HANDLER, HANDLER, List.of(), null).identical());
        assertFalse(new ReplayReport("exec-1", HANDLER, HANDLER, List.of(diff), null).identical());
        assertFalse(new ReplayReport("exec-1", HANDLER, HANDLER, List.of(), BOOM).identical());
        assertEquals("text.note", new ArtifactDiff(1, 1, null, replayed).kind());
        assertThrows(IllegalArgumentException.class, () -> new ArtifactDiff(1, 0, null, null));
    }

    @Test
    void anUpdateOfAFailedExecutionSaysWhy() {
        new ExecutionUpdate("exec-1", 3, T1, ExecutionState.FAILED, null, BOOM);

        assertThrows(IllegalArgumentException.class,
                () -> new ExecutionUpdate("exec-1", 3, T1, ExecutionState.FAILED, null, null));
        assertThrows(IllegalArgumentException.class,
                () -> new ExecutionUpdate("exec-1", 0, T1, ExecutionState.RUNNING, null, null));
    }

    private static Execution execution(ExecutionState state, Instant endedAt, Failure failure) {
        return new Execution("exec-1", INTENT, state, HANDLER,
                List.of(Decision.allow(Stage.TRAFFIC_COP, "session s-1 is open")), List.of(), List.of(), T0, endedAt,
                failure);
    }
}
