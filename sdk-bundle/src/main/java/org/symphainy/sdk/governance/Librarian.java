package org.symphainy.sdk.governance;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * The Librarian role, stage {@link Stage#LIBRARIAN} of the governance pipeline. Checks the payload against the schema of the intent type and version.
 */
@ConsumerType
public interface Librarian extends GovernanceRole {

    /** Always {@link Stage#LIBRARIAN}. */
    @Override
    default Stage stage() {
        return Stage.LIBRARIAN;
    }
}
