package org.symphainy.citymanager.internal;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.symphainy.sdk.governance.Decision;
import org.symphainy.sdk.governance.Stage;
import org.symphainy.sdk.intent.Intent;
import org.symphainy.sdk.runtime.Execution;
import org.symphainy.sdk.runtime.ExecutionState;
import org.symphainy.sdk.runtime.PlatformIntents;
import org.symphainy.sdk.runtime.Runtime;

/**
 * Escalation's second half: whether the principal behind {@code platform.execution.approve} or {@code ...reject} may
 * decide the execution it names. The execution must be the same tenant's and wait for approval, and the approver must be
 * another principal than its submitter — four eyes. A refusal is a denial the Runtime records with its reasons; the
 * Runtime checks the same rules again when it writes (a race, or a City Manager that allows too much, cannot get past).
 */
final class ApprovalCheck {

    private final Supplier<Runtime> runtime;

    /** Checks against the executions of {@code runtime} (the service now, or null while there is none). */
    ApprovalCheck(Supplier<Runtime> runtime) {
        this.runtime = runtime;
    }

    /** True for the approval intent types. */
    static boolean applies(Intent intent) {
        return PlatformIntents.APPROVE.equals(intent.type()) || PlatformIntents.REJECT.equals(intent.type());
    }

    /** A denial if the approval cannot be given; empty if it can. */
    Optional<Decision> refusal(Intent intent) {
        String verb = PlatformIntents.APPROVE.equals(intent.type()) ? "approve" : "reject";
        String executionId = executionId(intent);
        if (executionId == null) {
            return deny(Decision.PAYLOAD_INVALID, intent.type() + " names no execution; send {\"executionId\": \"...\", "
                    + "\"reason\": \"...\"}");
        }
        Runtime current = runtime.get();
        if (current == null) {
            return deny(Decision.ROLE_UNAVAILABLE, "the Runtime is not available to look execution " + executionId
                    + " up; retry once the container is ready");
        }
        Optional<Execution> target = current.execution(executionId)
                .filter(execution -> execution.intent().tenant().equals(intent.tenant()));
        if (target.isEmpty()) {
            return deny(Decision.FORBIDDEN, "tenant '" + intent.tenant() + "' has no execution " + executionId + " to "
                    + verb + "; list its executions awaiting approval to find the id");
        }
        Execution execution = target.get();
        if (execution.state() != ExecutionState.AWAITING_APPROVAL) {
            return deny(Decision.NOT_AWAITING_APPROVAL, "execution " + executionId + " is " + execution.state()
                    + ", not waiting for approval; nothing to " + verb);
        }
        if (execution.intent().actor().equals(intent.actor())) {
            return deny(Decision.FORBIDDEN, intent.actor() + " submitted execution " + executionId + " and cannot " + verb
                    + " it: a second principal of tenant '" + intent.tenant() + "' must (four eyes)");
        }
        return Optional.empty();
    }

    private static Optional<Decision> deny(String code, String reason) {
        return Optional.of(Decision.deny(Stage.CITY_MANAGER, code, reason));
    }

    private static String executionId(Intent intent) {
        try {
            Object payload = PayloadValues.parse(intent.payload().bytes());
            if (payload instanceof Map<?, ?> fields && fields.get("executionId") instanceof String id && !id.isBlank()) {
                return id;
            }
        } catch (IOException e) {
            // not JSON: named no execution
        }
        return null;
    }
}
