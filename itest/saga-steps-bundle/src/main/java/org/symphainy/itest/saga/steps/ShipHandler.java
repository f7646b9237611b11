package org.symphainy.itest.saga.steps;

import org.osgi.service.component.annotations.Component;
import org.symphainy.sdk.intent.Intent;
import org.symphainy.sdk.intent.IntentHandler;
import org.symphainy.sdk.intent.ProvidesIntent;
import org.symphainy.sdk.intent.Result;
import org.symphainy.sdk.intent.RuntimeContext;

/** {@code itest.shipping.ship}: ships a reserved and charged order; artifact {@code itest.shipment}. */
@ProvidesIntent(value = "itest.shipping.ship", version = "1.0.0", schema = "schemas/itest.shipping.ship.json",
        artifacts = "itest.shipment")
@Component(service = IntentHandler.class)
public final class ShipHandler implements IntentHandler {

    @Override
    public Result handle(Intent intent, RuntimeContext context) {
        return StepWork.run("ship", "itest.shipment", "S-", intent, context);
    }
}
