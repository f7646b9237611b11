package org.symphainy.bench.internal;

import org.osgi.service.component.annotations.Component;
import org.symphainy.sdk.intent.Intent;
import org.symphainy.sdk.intent.IntentHandler;
import org.symphainy.sdk.intent.ProvidesIntent;
import org.symphainy.sdk.intent.Result;
import org.symphainy.sdk.intent.RuntimeContext;

/**
 * The saga of the bench's saga scenario, {@code bench.saga.three}: three {@code bench.saga.step} steps, the second's
 * payload mapped from the first's artifact, the third's from the second's (definition: the resource
 * {@code sagas/bench.saga.three.json}, checked by the Conductor). The Runtime runs its steps and never calls this
 * handler; it is registered only because the kernel resolves a saga's intent type through the Curator like any other,
 * which admits no intent without a handler.
 */
@ProvidesIntent(value = ThreeStepSaga.TYPE, version = "1.0.0", saga = "sagas/bench.saga.three.json")
@Component(service = IntentHandler.class)
public final class ThreeStepSaga implements IntentHandler {

    static final String TYPE = "bench.saga.three";

    @Override
    public Result handle(Intent intent, RuntimeContext context) {
        throw new IllegalStateException("the saga " + TYPE + " runs its steps; its own handler is never called");
    }
}
