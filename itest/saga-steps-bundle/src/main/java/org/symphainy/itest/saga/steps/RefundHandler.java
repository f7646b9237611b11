package org.symphainy.itest.saga.steps;

import org.osgi.service.component.annotations.Component;
import org.symphainy.sdk.intent.Intent;
import org.symphainy.sdk.intent.IntentHandler;
import org.symphainy.sdk.intent.ProvidesIntent;
import org.symphainy.sdk.intent.Result;
import org.symphainy.sdk.intent.RuntimeContext;

/** {@code itest.payment.refund}: refunds a charge (the compensation of {@code itest.payment.charge}). */
@ProvidesIntent(value = "itest.payment.refund", version = "1.0.0", schema = "schemas/itest.payment.refund.json",
        artifacts = "itest.refund")
@Component(service = IntentHandler.class)
public final class RefundHandler implements IntentHandler {

    @Override
    public Result handle(Intent intent, RuntimeContext context) {
        return StepWork.run("refund", "itest.refund", "F-", intent, context);
    }
}
