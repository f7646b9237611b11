package org.symphainy.sdk.governance;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * The Librarian role, stage {@link Stage#LIBRARIAN} of the governance pipeline. Checks the payload against the schema of the intent type and version.
 */
@ConsumerType
public interface Librarian extends GovernanceRole {

    /**
     * The problems of a step's artifacts under the artifact kinds the intent of {@code handler} declares
     * ({@code @ProvidesIntent(artifacts = ...)}): an undeclared kind, or content that does not match its kind's schema;
     * one sentence each, saying what to fix. Empty if they may be recorded, or if the intent declares no kinds. The
     * Runtime fails the step with {@code ARTIFACT_REJECTED} otherwise. The default checks nothing.
     */
    default java.util.List<String> artifactProblems(org.symphainy.sdk.intent.HandlerRef handler,
            java.util.List<org.symphainy.sdk.intent.Artifact> artifacts) {
        return java.util.List.of();
    }

    /** Always {@link Stage#LIBRARIAN}. */
    @Override
    default Stage stage() {
        return Stage.LIBRARIAN;
    }
}
