package org.symphainy.citymanager.internal;

import org.osgi.service.component.annotations.Component;
import org.symphainy.sdk.intent.Intent;
import org.symphainy.sdk.intent.IntentHandler;
import org.symphainy.sdk.intent.ProvidesIntent;
import org.symphainy.sdk.intent.Result;
import org.symphainy.sdk.intent.RuntimeContext;

/**
 * {@code platform.tenant.resume}: records the request to resume a tenant as an artifact; the City Manager applies it once
 * the execution is recorded ({@link GovernanceIntents}).
 */
@ProvidesIntent(value = GovernanceIntents.TENANT_RESUME, version = "1.0.0", schema = "schemas/platform.tenant.resume.json")
@Component(service = IntentHandler.class)
public final class TenantResumeHandler implements IntentHandler {

    @Override
    public Result handle(Intent intent, RuntimeContext context) {
        return Result.of(GovernanceIntents.request(intent).artifact());
    }
}
