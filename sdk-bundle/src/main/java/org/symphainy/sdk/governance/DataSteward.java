package org.symphainy.sdk.governance;

import org.osgi.annotation.versioning.ConsumerType;

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
}
