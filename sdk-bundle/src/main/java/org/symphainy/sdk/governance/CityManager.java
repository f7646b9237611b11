package org.symphainy.sdk.governance;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * The CityManager role, stage {@link Stage#CITY_MANAGER} of the governance pipeline. Applies the tenant's policy and quotas: whether the tenant may run this intent now.
 */
@ConsumerType
public interface CityManager extends GovernanceRole {

    /** Always {@link Stage#CITY_MANAGER}. */
    @Override
    default Stage stage() {
        return Stage.CITY_MANAGER;
    }
}
