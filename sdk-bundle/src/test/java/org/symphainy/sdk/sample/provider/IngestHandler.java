package org.symphainy.sdk.sample.provider;

import org.symphainy.sdk.intent.Intent;
import org.symphainy.sdk.intent.IntentHandler;
import org.symphainy.sdk.intent.ProvidesIntent;
import org.symphainy.sdk.intent.Result;
import org.symphainy.sdk.intent.RuntimeContext;

/** A sample handler bundle's handler, for the manifest header test. */
@ProvidesIntent(value = "content.ingest", version = "1.0.0")
public final class IngestHandler implements IntentHandler {

    @Override
    public Result handle(Intent intent, RuntimeContext context) {
        return Result.empty();
    }
}
