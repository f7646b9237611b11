package org.symphainy.admin.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.symphainy.sdk.intent.Artifact;
import org.symphainy.sdk.intent.ErrorCode;
import org.symphainy.sdk.intent.HandlerRef;
import org.symphainy.sdk.intent.Intent;
import org.symphainy.sdk.intent.IntentException;
import org.symphainy.sdk.intent.Json;
import org.symphainy.sdk.runtime.ArtifactDiff;
import org.symphainy.sdk.runtime.Execution;
import org.symphainy.sdk.runtime.ExecutionQuery;
import org.symphainy.sdk.runtime.ExecutionSummary;
import org.symphainy.sdk.runtime.ExecutionUpdate;
import org.symphainy.sdk.runtime.Page;
import org.symphainy.sdk.runtime.ReplayReport;
import org.symphainy.sdk.runtime.Runtime;
import org.symphainy.sdk.runtime.Submission;
import org.symphainy.sdk.runtime.Subscription;

class ReplayResourceTest {

    private static final HandlerRef V1 = new HandlerRef("org.acme", "1.0.0", "a.b", "1.0.0");
    private static final HandlerRef V2 = new HandlerRef("org.acme", "2.0.0", "a.b", "1.0.0");

    @Test
    void countsIdenticalChangedAndFailedAndListsOnlyTheReportsThatDiffer() {
        ReplayReport same = new ReplayReport("e1", V1, V2, List.of(), null);
        ReplayReport changed = new ReplayReport("e2", V1, V2, List.of(new ArtifactDiff(1, 0,
                Artifact.of("k", Json.of("{\"v\":1}")), Artifact.of("k", Json.of("{\"v\":2}")))), null);
        ReplayReport failed = new ReplayReport("e3", V1, V1, List.of(),
                new org.symphainy.sdk.runtime.Failure(ErrorCode.NOT_REPLAYABLE, "no recorded clock"));
        String json = new String(ReplayResource.summary("a.b", List.of(same, changed, failed)), StandardCharsets.UTF_8);
        assertTrue(json.startsWith("{\"type\":\"a.b\",\"replayed\":3,\"identical\":1,\"changed\":1,\"failed\":1,"), json);
        assertFalse(json.contains("\"executionId\":\"e1\""), "identical reports are only counted: " + json);
        assertTrue(json.contains("\"executionId\":\"e2\",\"identical\":false"), json);
        assertTrue(json.contains("\"failure\":{\"code\":\"NOT_REPLAYABLE\",\"message\":\"no recorded clock\"}"), json);
    }

    @Test
    void anExecutionThatCannotBeReplayedIsAFailedReportNotAnError() {
        Runtime runtime = new Replaying();
        List<ReplayReport> reports = ReplayResource.replayAll(runtime, List.of(summary("ok"), summary("broken"),
                summary("gone")));
        assertEquals(2, reports.size(), reports.toString());
        assertTrue(reports.get(0).identical());
        assertEquals(ErrorCode.NOT_REPLAYABLE, reports.get(1).failure().code());
    }

    private static ExecutionSummary summary(String id) {
        return new ExecutionSummary(id, "a.b", "acme", "bob", org.symphainy.sdk.runtime.ExecutionState.COMPLETED,
                java.time.Instant.EPOCH, java.time.Instant.EPOCH);
    }

    /** Replays "ok", refuses "broken" (an execution it knows) and "gone" (one it does not). */
    private static final class Replaying implements Runtime {
        @Override
        public ReplayReport replay(String executionId) {
            if (executionId.equals("ok")) {
                return new ReplayReport(executionId, V1, V2, List.of(), null);
            }
            throw new IntentException(ErrorCode.NOT_REPLAYABLE, "cannot replay " + executionId);
        }

        @Override
        public Optional<Execution> execution(String executionId) {
            if (!executionId.equals("broken")) {
                return Optional.empty();
            }
            Intent intent = Intent.builder("a.b").tenant("acme").actor("bob").session("ses_x").correlationId("c")
                    .build();
            return Optional.of(new Execution("broken", intent, org.symphainy.sdk.runtime.ExecutionState.COMPLETED, V1,
                    List.of(), List.of(), List.of(), java.time.Instant.EPOCH, java.time.Instant.EPOCH, null));
        }

        @Override
        public Submission submit(Intent intent) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Page<ExecutionSummary> query(ExecutionQuery query) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Subscription subscribe(String executionId, Consumer<ExecutionUpdate> listener) {
            throw new UnsupportedOperationException();
        }
    }
}
