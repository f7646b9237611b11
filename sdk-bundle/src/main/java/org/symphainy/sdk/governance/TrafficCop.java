package org.symphainy.sdk.governance;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * The TrafficCop role, stage {@link Stage#TRAFFIC_COP} of the governance pipeline. Checks the caller's session and the intent's correlation id.
 */
@ConsumerType
public interface TrafficCop extends GovernanceRole {

    /** Always {@link Stage#TRAFFIC_COP}. */
    @Override
    default Stage stage() {
        return Stage.TRAFFIC_COP;
    }
}
