package org.symphainy.runtime.internal.kernel;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.ToIntFunction;

import org.symphainy.sdk.governance.Decision;
import org.symphainy.sdk.governance.GovernanceContext;
import org.symphainy.sdk.governance.GovernanceRole;
import org.symphainy.sdk.governance.Stage;
import org.symphainy.sdk.identity.Principal;
import org.symphainy.sdk.intent.Intent;

/**
 * The governance stages in order — Traffic Cop, Security Guard, City Manager, Librarian, Data Steward — each a Smart
 * City role service deciding with reasons. A missing role denies (never allow by default), so does a role that throws
 * or answers for another stage; the first denial ends the pipeline.
 */
final class GovernancePipeline {

    private final Function<Stage, GovernanceRole> roles;
    private final Function<String, Optional<Principal>> principals;
    private final ToIntFunction<String> tenantLoad;

    /**
     * {@code roles} gives the role service currently registered for a stage, or null; {@code principals} the principal
     * of an active session by its id; {@code tenantLoad} how many executions a tenant has in flight.
     */
    GovernancePipeline(Function<Stage, GovernanceRole> roles, Function<String, Optional<Principal>> principals,
            ToIntFunction<String> tenantLoad) {
        this.roles = roles;
        this.principals = principals;
        this.tenantLoad = tenantLoad;
    }

    /**
     * What the pipeline found: every decision made, in stage order (the last is a denial if any stage denied), and the
     * principal the intent's session proved, if any.
     */
    record Outcome(List<Decision> decisions, Principal principal) {

        /** True if the decisions end in a denial. */
        boolean denied() {
            return GovernancePipeline.denied(decisions);
        }
    }

    /** Runs every stage on {@code intent} until one denies. */
    Outcome decide(Intent intent, String executionId, Instant receivedAt) {
        Optional<Principal> principal = principal(intent.session());
        int inFlight = tenantLoad.applyAsInt(intent.tenant());
        List<Decision> decisions = new ArrayList<>(Stage.values().length);
        for (Stage stage : Stage.values()) {
            Decision decision = decide(stage, intent, new Context(executionId, receivedAt, List.copyOf(decisions), principal,
                    inFlight));
            decisions.add(decision);
            if (decision.denied()) {
                break;
            }
        }
        return new Outcome(List.copyOf(decisions), principal.orElse(null));
    }

    /** True if the decisions end in a denial. */
    static boolean denied(List<Decision> decisions) {
        return !decisions.isEmpty() && decisions.get(decisions.size() - 1).denied();
    }

    private Decision decide(Stage stage, Intent intent, GovernanceContext context) {
        GovernanceRole role = roles.apply(stage);
        if (role == null) {
            return Decision.deny(stage, Decision.ROLE_UNAVAILABLE, "no " + stage.roleName() + " service is registered, and a "
                    + "missing role denies: deploy the Smart City role bundles or register a " + stage.roleName() + " service");
        }
        try {
            Decision decision = role.decide(intent, context);
            if (decision == null || decision.stage() != stage) {
                return Decision.deny(stage, Decision.ROLE_FAILED, stage.roleName() + " service " + role.getClass().getName()
                        + " answered " + (decision == null ? "nothing" : "for stage " + decision.stage()) + "; fix the role service");
            }
            return decision;
        } catch (RuntimeException e) {
            return Decision.deny(stage, Decision.ROLE_FAILED, stage.roleName() + " service " + role.getClass().getName()
                    + " failed: " + e + "; fix the role service");
        }
    }

    /** The session's principal; a lookup that fails counts as no principal (the Security Guard then denies). */
    private Optional<Principal> principal(String sessionId) {
        try {
            Optional<Principal> principal = principals.apply(sessionId);
            return principal == null ? Optional.empty() : principal;
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** What a role may know of the execution being decided. */
    private record Context(String executionId, Instant receivedAt, List<Decision> decisions, Optional<Principal> principal,
            int tenantInFlight) implements GovernanceContext {
    }
}
