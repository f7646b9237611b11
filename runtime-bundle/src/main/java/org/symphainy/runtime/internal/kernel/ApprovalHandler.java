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
 * {@code platform.execution.approve}: a second principal's approval of an execution waiting for one. The kernel checks
 * the approval and moves the waiting execution when it accepts this intent (so the move is durable before the approver
 * hears back); the handler only records the verdict as an artifact, so the approval is an execution of its own in the
 * log: who approved what, when and why.
 */
@ProvidesIntent(value = PlatformIntents.APPROVE, version = "1.0.0", schema = "schemas/platform.execution.approve.json")
@Component(service = IntentHandler.class)
public final class ApprovalHandler implements IntentHandler {

    @Override
    public Result handle(Intent intent, RuntimeContext context) {
        return Result.of(Artifact.of(PlatformIntents.APPROVAL_ARTIFACT, ApprovalRequest.of(intent).verdict(intent.actor())));
    }
}
