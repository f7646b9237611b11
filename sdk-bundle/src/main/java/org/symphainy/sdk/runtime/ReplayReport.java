package org.symphainy.sdk.runtime;

import java.util.List;

import org.symphainy.sdk.intent.HandlerRef;
import org.symphainy.sdk.internal.Checks;

/**
 * The outcome of replaying an execution: which handler recorded it, which replayed it, and every artifact that came out
 * different. Identical means the replay ran to the end and every artifact matched by kind, media type and hash.
 *
 * @param executionId the replayed execution
 * @param recordedHandler the handler that ran the execution originally
 * @param replayedHandler the handler replay ran, perhaps a newer version
 * @param differences the artifacts that differ, by step and position
 * @param failure why the replay itself failed (the handler threw, for example); null if it ran to the end
 */
public record ReplayReport(String executionId, HandlerRef recordedHandler, HandlerRef replayedHandler,
        List<ArtifactDiff> differences, Failure failure) {

    /** Checks every value and copies the list. */
    public ReplayReport {
        Checks.id("executionId", executionId);
        Checks.present("recordedHandler", recordedHandler);
        Checks.present("replayedHandler", replayedHandler);
        differences = Checks.list("differences", differences);
    }

    /** True if the replay ran to the end and reproduced every artifact. */
    public boolean identical() {
        return failure == null && differences.isEmpty();
    }
}
