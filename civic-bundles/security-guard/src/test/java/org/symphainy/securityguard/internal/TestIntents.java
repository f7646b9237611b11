package org.symphainy.securityguard.internal;

import java.util.Set;

import org.symphainy.sdk.governance.GovernanceContext;
import org.symphainy.sdk.identity.Principal;
import org.symphainy.sdk.intent.Intent;
import org.symphainy.sdk.testkit.TestGovernanceContext;

/** Intents and governance contexts for tests. */
final class TestIntents {

    private TestIntents() {
    }

    /** An intent of {@code type} from {@code actor} in {@code tenant}. */
    static Intent intent(String type, String tenant, String actor) {
        return Intent.builder(type).tenant(tenant).actor(actor).session("s-1").correlationId("c-1").build();
    }

    /** A principal authenticated by API key. */
    static Principal principal(String tenant, String actor, String... roles) {
        return new Principal(tenant, actor, Set.of(roles), "api-key");
    }

    /** A context whose session proves {@code principal} (null: no session). */
    static GovernanceContext context(Principal principal) {
        return TestGovernanceContext.of("e-1", principal);
    }
}
