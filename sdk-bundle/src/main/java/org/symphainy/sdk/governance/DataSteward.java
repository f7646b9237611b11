package org.symphainy.sdk.governance;

import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;
import org.symphainy.sdk.intent.Artifact;

/**
 * The DataSteward role, stage {@link Stage#DATA_STEWARD} of the governance pipeline. Checks the data boundaries of the data and artifacts the intent refers to.
 */
@ConsumerType
public interface DataSteward extends GovernanceRole {

    /** Always {@link Stage#DATA_STEWARD}. */
    @Override
    default Stage stage() {
        return Stage.DATA_STEWARD;
    }

    /**
     * The provenance rules every artifact must satisfy, applied by the Runtime to a step's artifacts — stamped with
     * their provenance, before they are recorded. Returns one sentence per problem, saying what to fix; empty if the
     * artifacts may be recorded. A step whose artifacts break a rule fails with {@code ARTIFACT_REJECTED} and the
     * problems, and nothing of it is recorded as an artifact. Must be quick: it runs for every completed step.
     * The default has no rules.
     */
    default List<String> provenanceProblems(String executionId, List<Artifact> artifacts) {
        return List.of();
    }
}
