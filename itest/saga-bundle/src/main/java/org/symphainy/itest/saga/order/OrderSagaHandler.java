package org.symphainy.itest.saga.order;

import org.osgi.service.component.annotations.Component;
import org.symphainy.sdk.intent.Intent;
import org.symphainy.sdk.intent.IntentHandler;
import org.symphainy.sdk.intent.ProvidesIntent;
import org.symphainy.sdk.intent.Result;
import org.symphainy.sdk.intent.RuntimeContext;

/**
 * Declares the saga {@code itest.order.place}: {@code @ProvidesIntent(saga = ...)} goes on an {@link IntentHandler}
 * component, so the Curator admits the saga's intent type like any other; the Runtime runs the saga's steps by its
 * recorded definition and never calls this handler.
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
