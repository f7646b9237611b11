package org.symphainy.itest.saga.steps;

import org.osgi.service.component.annotations.Component;
import org.symphainy.sdk.intent.Intent;
import org.symphainy.sdk.intent.IntentHandler;
import org.symphainy.sdk.intent.ProvidesIntent;
import org.symphainy.sdk.intent.Result;
import org.symphainy.sdk.intent.RuntimeContext;

/** {@code itest.payment.charge}: charges an order's amount against its reservation; artifact {@code itest.charge}. */
@ProvidesIntent(value = "itest.payment.charge", version = "1.0.0", schema = "schemas/itest.payment.charge.json",
        artifacts = "itest.charge")
@Component(service = IntentHandler.class)
public final class ChargeHandler implements IntentHandler {

    @Override
    public Result handle(Intent intent, RuntimeContext context) {
        return StepWork.run("charge", "itest.charge", "C-", intent, context);
    }
}
