package org.symphainy.datasteward.internal;

import java.util.Set;

import org.symphainy.sdk.governance.GovernanceContext;
import org.symphainy.sdk.identity.Principal;
import org.symphainy.sdk.intent.Intent;
import org.symphainy.sdk.intent.Json;
import org.symphainy.sdk.testkit.TestGovernanceContext;

/** Intents, principals and governance contexts for tests. */
final class Intents {

    private Intents() {
    }

    /** An intent of {@code tenant} with {@code payload} (JSON text). */
    static Intent intent(String tenant, String payload) {
        return Intent.builder("content.ingest").tenant(tenant).session("ses-1").actor("alice")
                .correlationId("corr-1").payload(Json.of(payload)).build();
    }

    /** A principal {@code alice@tenant} with {@code roles}. */
    static Principal principal(String tenant, String... roles) {
        return new Principal(tenant, "alice", Set.of(roles), "api-key");
    }

    /** A context whose session proves {@code principal}; null for a session that proves no one. */
    static GovernanceContext context(Principal principal) {
        return TestGovernanceContext.of("ex-1", principal);
    }
}
