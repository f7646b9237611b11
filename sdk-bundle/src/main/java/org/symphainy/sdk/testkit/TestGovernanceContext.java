package org.symphainy.sdk.testkit;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.symphainy.sdk.governance.Decision;
import org.symphainy.sdk.governance.GovernanceContext;
import org.symphainy.sdk.identity.Principal;

/**
 * A {@link GovernanceContext} for unit tests of a governance role, without a Runtime: what the Runtime would tell the
 * role about the execution being decided, and the principal the intent's session proved (or none).
 *
 * @param executionId the execution id the Runtime would assign
 * @param receivedAt when the intent arrived
 * @param decisions the earlier stages' decisions
 * @param principal the principal of the intent's session, or empty for a session that proves no one
 * @param tenantInFlight how many executions the intent's tenant has in flight
 */
public record TestGovernanceContext(String executionId, Instant receivedAt, List<Decision> decisions,
        Optional<Principal> principal, int tenantInFlight) implements GovernanceContext {

    /** Checks the values; the decisions are copied. */
    public TestGovernanceContext {
        decisions = List.copyOf(decisions);
        principal = principal == null ? Optional.empty() : principal;
    }

    /** A context whose tenant has nothing in flight. */
    public TestGovernanceContext(String executionId, Instant receivedAt, List<Decision> decisions,
            Optional<Principal> principal) {
        this(executionId, receivedAt, decisions, principal, 0);
    }

    /** This context, with the tenant's executions in flight set to {@code count}. */
    public TestGovernanceContext withTenantInFlight(int count) {
        return new TestGovernanceContext(executionId, receivedAt, decisions, principal, count);
    }

    /** The first stage's context for execution {@code test-execution}, with {@code principal} (null: none). */
    public static TestGovernanceContext of(Principal principal) {
        return of("test-execution", principal);
    }

    /** The first stage's context for execution {@code executionId}, with {@code principal} (null: none). */
    public static TestGovernanceContext of(String executionId, Principal principal) {
        return new TestGovernanceContext(executionId, Instant.EPOCH, List.of(), Optional.ofNullable(principal));
    }
}
