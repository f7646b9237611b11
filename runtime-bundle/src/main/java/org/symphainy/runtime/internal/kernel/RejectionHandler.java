package org.symphainy.runtime.internal.kernel;

import org.osgi.service.component.annotations.Component;
import org.symphainy.sdk.intent.Artifact;
import org.symphainy.sdk.intent.Intent;
import org.symphainy.sdk.intent.IntentHandler;
import org.symphainy.sdk.intent.ProvidesIntent;
import org.symphainy.sdk.intent.Result;
import org.symphainy.sdk.intent.RuntimeContext;
import org.symphainy.sdk.runtime.PlatformIntents;

/**
 * {@code platform.execution.reject}: a second principal turns down an execution waiting for approval. The kernel
 * checks the rejection and fails the waiting execution with {@code APPROVAL_REJECTED} when it accepts this intent (so the move is durable before the approver
 * hears back); the handler only records the verdict as an artifact, so the rejection is an execution of its own in the
 * log: who rejected what, when and why.
 */
@ProvidesIntent(value = PlatformIntents.REJECT, version = "1.0.0", schema = "schemas/platform.execution.reject.json")
@Component(service = IntentHandler.class)
public final class RejectionHandler implements IntentHandler {

    @Override
    public Result handle(Intent intent, RuntimeContext context) {
        return Result.of(Artifact.of(PlatformIntents.APPROVAL_ARTIFACT, ApprovalRequest.of(intent).verdict(intent.actor())));
    }
}
