package org.symphainy.sdk.governance;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;
import org.symphainy.sdk.identity.Principal;

/**
 * What the Runtime tells a governance role besides the intent: the execution id it will use, when the intent arrived and
 * what earlier stages decided. Methods may be added in minor versions.
 */
@ProviderType
public interface GovernanceContext {

    /** The execution id the Runtime assigned; a denied intent keeps it in the records. */
    String executionId();

    /** When the Runtime received the intent. */
    Instant receivedAt();

    /** The decisions of the earlier stages, in pipeline order (all allowances, or this stage would not run). */
    List<Decision> decisions();

    /**
     * The principal of the intent's session as the Traffic Cop's {@link org.symphainy.sdk.identity.Sessions} service
     * knows it now; empty if the session is unknown, expired or revoked, or no such service is registered (then the
     * Security Guard denies: there is no anonymous path).
     */
    default Optional<Principal> principal() {
        return Optional.empty();
    }

    /**
     * How many executions of the intent's tenant are in flight now: accepted and not yet ended, not counting those
     * waiting for approval. What the City Manager's in-flight quota compares with; 0 if the Runtime does not say.
     */
    default int tenantInFlight() {
        return 0;
    }
}
