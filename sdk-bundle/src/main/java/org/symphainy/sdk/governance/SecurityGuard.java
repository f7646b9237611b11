package org.symphainy.sdk.governance;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * The SecurityGuard role, stage {@link Stage#SECURITY_GUARD} of the governance pipeline. Checks the actor's identity and whether the actor may submit the intent in the tenant.
 */
@ConsumerType
public interface SecurityGuard extends GovernanceRole {

    /** Always {@link Stage#SECURITY_GUARD}. */
    @Override
    default Stage stage() {
        return Stage.SECURITY_GUARD;
    }
}
