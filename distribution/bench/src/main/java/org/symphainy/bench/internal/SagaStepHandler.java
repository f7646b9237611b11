package org.symphainy.bench.internal;

import org.osgi.service.component.annotations.Component;
import org.symphainy.sdk.intent.Artifact;
import org.symphainy.sdk.intent.Intent;
import org.symphainy.sdk.intent.IntentHandler;
import org.symphainy.sdk.intent.Json;
import org.symphainy.sdk.intent.ProvidesIntent;
import org.symphainy.sdk.intent.Result;
import org.symphainy.sdk.intent.RuntimeContext;

/**
 * The step of the bench's saga scenario, {@code bench.saga.step}: returns one artifact {@code bench.saga.result}
 * {@code {"id", "payload"}} whose id is drawn from the execution's recorded seed, so the next step's payload maps it.
 * No work beyond that: the scenario measures the Runtime's saga orchestration and its WAL, not a handler.
 */
@ProvidesIntent(value = SagaStepHandler.TYPE, version = "1.0.0", artifacts = SagaStepHandler.RESULT)
@Component(service = IntentHandler.class)
public final class SagaStepHandler implements IntentHandler {

    static final String TYPE = "bench.saga.step";
    static final String RESULT = "bench.saga.result";

    @Override
    public Result handle(Intent intent, RuntimeContext context) {
        return Result.of(Artifact.of(RESULT, Json.of("{\"id\":\"r-" + Long.toHexString(context.random().nextLong())
                + "\",\"payload\":" + intent.payload().text() + "}")));
    }
}
