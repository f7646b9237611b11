package org.symphainy.sdk.intent;

import java.time.Instant;
import java.util.List;

import org.symphainy.sdk.internal.Checks;

/**
 * Where a recorded artifact came from: the execution and step that produced it, the handler that ran, the input
 * artifacts it read, and when the Runtime recorded it. Provenance is what the lineage graph is built from.
 *
 * @param executionId the execution that produced the artifact
 * @param step the step within that execution, 1 for the first
 * @param handler the handler that produced it
 * @param inputArtifactIds the ids of the artifacts the step had as inputs, in order
 * @param recordedAt when the Runtime recorded the artifact
 */
public record Provenance(String executionId, int step, HandlerRef handler, List<String> inputArtifactIds,
        Instant recordedAt) {

    /** Checks every value and copies the list. */
    public Provenance {
        Checks.id("executionId", executionId);
        Checks.atLeast("step", step, 1);
        Checks.present("handler", handler);
        inputArtifactIds = Checks.list("inputArtifactIds", inputArtifactIds);
        inputArtifactIds.forEach(id -> Checks.id("inputArtifactIds element", id));
        Checks.present("recordedAt", recordedAt);
    }
}
