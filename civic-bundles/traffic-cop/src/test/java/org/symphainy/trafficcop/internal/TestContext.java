package org.symphainy.trafficcop.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.symphainy.sdk.governance.Decision;
import org.symphainy.sdk.governance.GovernanceContext;
import org.symphainy.sdk.identity.Principal;

/** A governance context as the Runtime gives one to the first stage, with the principal the Runtime says it found. */
record TestContext(String executionId, Instant receivedAt, List<Decision> decisions, Optional<Principal> principal)
        implements GovernanceContext {

    /** The context of execution {@code executionId}, with no principal. */
    static TestContext of(String executionId) {
        return new TestContext(executionId, Instant.parse("2026-01-05T09:00:00Z"), List.of(), Optional.empty());
    }
}
