package org.symphainy.sdk.sample.schema;

import org.symphainy.sdk.intent.Intent;
import org.symphainy.sdk.intent.IntentHandler;
import org.symphainy.sdk.intent.ProvidesIntent;
import org.symphainy.sdk.intent.Result;
import org.symphainy.sdk.intent.RuntimeContext;

/** A sample handler whose intent has a payload schema, for the manifest header test. */
@ProvidesIntent(value = "content.classify", version = "2.1.0", schema = "schemas/content.classify.json")
public final class ValidatedHandler implements IntentHandler {

    @Override
    public Result handle(Intent intent, RuntimeContext context) {
        return Result.empty();
    }
}
