package org.symphainy.itest.saga.order;

import org.osgi.service.component.annotations.Component;
import org.symphainy.sdk.intent.Intent;
import org.symphainy.sdk.intent.IntentHandler;
import org.symphainy.sdk.intent.ProvidesIntent;
import org.symphainy.sdk.intent.Result;
import org.symphainy.sdk.intent.RuntimeContext;

/**
 * Declares the saga {@code itest.order.place} and stands in as the handler of its own intent type, which the Runtime
 * never calls (it runs the saga's steps). The kernel resolves a saga's intent type through the Curator like any other,
 * so without an admitted handler a saga is refused as UNKNOWN_INTENT; {@code SagaIT} pins that gap with a saga
 * declared without one ({@code aSagaNeedsNoHandlerOfItsOwn}). Once that passes, this class goes and
 * {@code @ProvidesIntent} moves to {@link OrderSaga}.
 */
@ProvidesIntent(value = OrderSaga.TYPE, version = "1.0.0", schema = "schemas/itest.order.place.json",
        saga = "sagas/itest.order.place.json")
@Component(service = IntentHandler.class)
public final class OrderSagaHandler implements IntentHandler {

    @Override
    public Result handle(Intent intent, RuntimeContext context) {
        throw new IllegalStateException("the saga " + OrderSaga.TYPE + " runs its steps; its own handler is never called");
    }
}
