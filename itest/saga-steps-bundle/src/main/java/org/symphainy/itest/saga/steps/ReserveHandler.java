package org.symphainy.itest.saga.steps;

import org.osgi.service.component.annotations.Component;
import org.symphainy.sdk.intent.Intent;
import org.symphainy.sdk.intent.IntentHandler;
import org.symphainy.sdk.intent.ProvidesIntent;
import org.symphainy.sdk.intent.Result;
import org.symphainy.sdk.intent.RuntimeContext;

/** {@code itest.stock.reserve}: reserves stock of a SKU for an order; artifact {@code itest.reservation}. */
@ProvidesIntent(value = "itest.stock.reserve", version = "1.0.0", schema = "schemas/itest.stock.reserve.json",
        artifacts = "itest.reservation")
@Component(service = IntentHandler.class)
public final class ReserveHandler implements IntentHandler {

    @Override
    public Result handle(Intent intent, RuntimeContext context) {
        return StepWork.run("reserve", "itest.reservation", "R-", intent, context);
    }
}
