package org.symphainy.sdk.sample.saga;

import org.symphainy.sdk.intent.Intent;
import org.symphainy.sdk.intent.IntentHandler;
import org.symphainy.sdk.intent.ProvidesIntent;
import org.symphainy.sdk.intent.Result;
import org.symphainy.sdk.intent.RuntimeContext;

/** A sample intent that is a saga, for the manifest header test. */
@ProvidesIntent(value = "orders.place", version = "1.0.0", saga = "sagas/orders.place.json")
public final class OrderSaga implements IntentHandler {

    @Override
    public Result handle(Intent intent, RuntimeContext context) {
        return Result.empty();
    }
}
