package org.symphainy.securityguard.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.symphainy.sdk.governance.Decision;
import org.symphainy.sdk.governance.GovernanceContext;
import org.symphainy.sdk.identity.Principal;
import org.symphainy.sdk.intent.Intent;

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
        return new GovernanceContext() {
            @Override
            public String executionId() {
                return "e-1";
            }

            @Override
            public Instant receivedAt() {
                return Instant.EPOCH;
            }

            @Override
            public List<Decision> decisions() {
                return List.of();
            }

            @Override
            public Optional<Principal> principal() {
                return Optional.ofNullable(principal);
            }
        };
    }
}
