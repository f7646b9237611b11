package org.symphainy.securityguard.internal;

import org.osgi.service.component.annotations.Component;
import org.symphainy.sdk.intent.Intent;
import org.symphainy.sdk.intent.IntentHandler;
import org.symphainy.sdk.intent.ProvidesIntent;
import org.symphainy.sdk.intent.Result;
import org.symphainy.sdk.intent.RuntimeContext;

/**
 * {@code platform.apikey.create}: records the key to create — id, principal, label and hash, never a secret — as a
 * {@code platform.apikey.change} artifact; the Security Guard stores the key once the execution is recorded
 * ({@link ApiKeyIntents}). The Security Guard checked the request when it was governed (the id is new, the hash well
 * formed, the roles the submitter's to grant); this checks the payload again, a pure function of it.
 */
@ProvidesIntent(value = ApiKeyIntents.CREATE, version = "1.0.0", schema = "schemas/platform.apikey.create.json")
@Component(service = IntentHandler.class)
public final class ApiKeyCreateHandler implements IntentHandler {

    @Override
    public Result handle(Intent intent, RuntimeContext context) {
        return Result.of(ApiKeyIntents.request(intent).artifact());
    }
}
