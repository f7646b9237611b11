package org.symphainy.sdk.health;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The health of the deployed intents: a service of the Nurse role, replaceable by a higher-ranked one. Readiness is read
 * from the intent registry when asked; execution counts come from the Nurse's latest look at the Runtime (it looks every
 * few seconds on a thread of its own, so asking never slows the Runtime). Without an intent registry or a Runtime the
 * report says so in {@link HealthReport#notices()} and marks what it cannot know.
 */
@ProviderType
public interface IntentHealth {

    /** Everything: where the figures come from, the window, every intent type's status and the refused handlers. */
    HealthReport report();

    /** Every intent type that is declared by an active bundle or ran in the window, ordered by type. */
    List<IntentStatus> intents();

    /** The status of {@code intentType}; empty if it is neither declared nor ran in the window. */
    Optional<IntentStatus> intent(String intentType);
}
