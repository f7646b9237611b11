package org.symphainy.bench.internal;

import org.osgi.service.component.annotations.Component;
import org.symphainy.sdk.intent.Artifact;
import org.symphainy.sdk.intent.Intent;
import org.symphainy.sdk.intent.IntentHandler;
import org.symphainy.sdk.intent.ProvidesIntent;
import org.symphainy.sdk.intent.Result;
import org.symphainy.sdk.intent.RuntimeContext;

/**
 * The intent of the bench's governance scenario, {@code bench.governed}: its payload has a JSON Schema the Librarian
 * validates, names a data source the Data Steward checks, and is allowed by one of a thousand policy rules. The handler
 * echoes the payload, as {@code platform.echo} does, so the scenario measures governance, not work.
 */
@ProvidesIntent(value = GovernedHandler.TYPE, version = "1.0.0", schema = "schemas/bench.governed.json")
@Component(service = IntentHandler.class)
public final class GovernedHandler implements IntentHandler {

    static final String TYPE = "bench.governed";

    @Override
    public Result handle(Intent intent, RuntimeContext context) {
        return Result.of(Artifact.of("bench.order", intent.payload()));
    }
}
