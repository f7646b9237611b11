package org.symphainy.itest.saga.steps;

import org.osgi.service.component.annotations.Component;
import org.symphainy.sdk.intent.Intent;
import org.symphainy.sdk.intent.IntentHandler;
import org.symphainy.sdk.intent.ProvidesIntent;
import org.symphainy.sdk.intent.Result;
import org.symphainy.sdk.intent.RuntimeContext;

/** {@code itest.stock.release}: releases a reservation (the compensation of {@code itest.stock.reserve}). */
@ProvidesIntent(value = "itest.stock.release", version = "1.0.0", schema = "schemas/itest.stock.release.json",
        artifacts = "itest.release")
@Component(service = IntentHandler.class)
public final class ReleaseHandler implements IntentHandler {

    @Override
    public Result handle(Intent intent, RuntimeContext context) {
        return StepWork.run("release", "itest.release", "L-", intent, context);
    }
}
