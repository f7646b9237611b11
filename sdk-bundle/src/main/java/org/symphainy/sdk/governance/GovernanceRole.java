package org.symphainy.sdk.governance;

import org.osgi.annotation.versioning.ConsumerType;
import org.symphainy.sdk.intent.Intent;

/**
 * A Smart City role deciding on intents before the Runtime accepts them. Implement one of its sub-interfaces (which fix
 * {@link #stage()}) and register the service under it; the Runtime uses the highest-ranked service of each. A role
 * decides how execution may occur, never what should happen: it must not change the intent or have side effects, and
 * should answer fast. If it throws, or its decision names another stage, the Runtime records a denial with
 * {@link Decision#ROLE_FAILED}; if no service serves a role at all, a denial with {@link Decision#ROLE_UNAVAILABLE}.
 */
@ConsumerType
public interface GovernanceRole {

    /** The stage this role decides at. */
    Stage stage();

    /** Allows or denies {@code intent}, with reasons; never null. */
    Decision decide(Intent intent, GovernanceContext context);
}
