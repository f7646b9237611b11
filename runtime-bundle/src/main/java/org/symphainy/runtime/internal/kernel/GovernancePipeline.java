package org.symphainy.runtime.internal.kernel;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.ToIntFunction;

import org.symphainy.sdk.governance.Decision;
import org.symphainy.sdk.governance.GovernanceContext;
import org.symphainy.sdk.governance.GovernanceRole;
import org.symphainy.sdk.governance.Stage;
import org.symphainy.sdk.identity.Principal;
import org.symphainy.sdk.intent.Intent;
import org.symphainy.sdk.saga.SagaDefinition;
import org.symphainy.sdk.saga.SagaStep;

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

    /**
     * A saga's steps and compensations run intents of their own, so its principal must be allowed each of them, not
     * only the saga: the Security Guard decides every distinct intent type {@code saga} runs, as if {@code intent}'s
     * principal submitted it, when the saga is submitted. Each decision follows the saga's own, naming the step; the
     * first denial denies the saga. (A step's payload is known only when it runs: the Librarian checks it then.)
     */
    Outcome steps(Outcome governed, Intent intent, SagaDefinition saga, String executionId, Instant receivedAt) {
        Map<String, String> runs = new LinkedHashMap<>(); // intent type -> the first step or compensation that runs it
        for (SagaStep step : saga.steps()) {
            runs.putIfAbsent(step.intentType(), "step '" + step.name() + "'");
            if (step.compensation() != null) {
                runs.putIfAbsent(step.compensation().intentType(), "the compensation of step '" + step.name() + "'");
            }
        }
        List<Decision> decisions = new ArrayList<>(governed.decisions());
        Optional<Principal> principal = Optional.ofNullable(governed.principal());
        for (Map.Entry<String, String> run : runs.entrySet()) {
            Intent step = intent.toBuilder().type(run.getKey()).versionRange(null).idempotencyKey(null).build();
            Decision decision = decide(Stage.SECURITY_GUARD, step, new Context(executionId, receivedAt,
                    List.copyOf(decisions), principal, 0));
            String reason = run.getValue() + " of saga " + intent.type() + " runs " + run.getKey() + ": "
                    + String.join("; ", decision.reasons());
            decisions.add(decision.denied() ? Decision.deny(Stage.SECURITY_GUARD, decision.code(), reason)
                    : Decision.allow(Stage.SECURITY_GUARD, reason));
            if (decision.denied()) {
                break;
            }
        }
        return new Outcome(List.copyOf(decisions), governed.principal());
    }

    /**
     * The Librarian's denial of the payload a saga's step (or compensation) is about to run with — mapped from the
     * saga's input and earlier artifacts, so known only now — or empty if it allows it. A missing Librarian denies,
     * as it does at submission.
     */
    Optional<Decision> stepPayloadDenial(Intent step, String executionId, Instant at, Principal principal) {
        Decision decision = decide(Stage.LIBRARIAN, step, new Context(executionId, at, List.of(),
                Optional.ofNullable(principal), 0));
        return decision.denied() ? Optional.of(decision) : Optional.empty();
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
