package org.symphainy.sdk.runtime;

import org.symphainy.sdk.intent.Artifact;
import org.symphainy.sdk.internal.Checks;

/**
 * An artifact that replay did not reproduce: at the same step and position, the recorded and the replayed artifact
 * differ (kind, media type or content hash), or one of them is missing.
 *
 * @param step the step, 1 for the first
 * @param index the artifact's position within the step's result, 0 for the first
 * @param recorded the artifact the execution recorded; null if replay produced an extra one
 * @param replayed the artifact replay produced; null if replay produced fewer
 */
public record ArtifactDiff(int step, int index, Artifact recorded, Artifact replayed) {

    /** Checks every value: at least one side is present. */
    public ArtifactDiff {
        Checks.atLeast("step", step, 1);
        Checks.atLeast("index", index, 0);
        if (recorded == null && replayed == null) {
            throw new IllegalArgumentException("artifact diff at step " + step + ", index " + index
                    + " has neither a recorded nor a replayed artifact");
        }
    }

    /** The kind of the artifact that differs (the recorded one's, if any). */
    public String kind() {
        return recorded != null ? recorded.kind() : replayed.kind();
    }
}
