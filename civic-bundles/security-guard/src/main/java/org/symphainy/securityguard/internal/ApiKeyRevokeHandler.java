package org.symphainy.securityguard.internal;

import org.osgi.service.component.annotations.Component;
import org.symphainy.sdk.intent.Intent;
import org.symphainy.sdk.intent.IntentHandler;
import org.symphainy.sdk.intent.ProvidesIntent;
import org.symphainy.sdk.intent.Result;
import org.symphainy.sdk.intent.RuntimeContext;

/**
 * {@code platform.apikey.revoke}: records the key to revoke, and why, as a {@code platform.apikey.change} artifact; the
 * Security Guard revokes the key once the execution is recorded ({@link ApiKeyIntents}). The Security Guard checked the
 * request when it was governed (the key exists, is active, and is not the administrators' last way in).
 */
@ProvidesIntent(value = ApiKeyIntents.REVOKE, version = "1.0.0", schema = "schemas/platform.apikey.revoke.json")
@Component(service = IntentHandler.class)
public final class ApiKeyRevokeHandler implements IntentHandler {

    @Override
    public Result handle(Intent intent, RuntimeContext context) {
        return Result.of(ApiKeyIntents.request(intent).artifact());
    }
}
