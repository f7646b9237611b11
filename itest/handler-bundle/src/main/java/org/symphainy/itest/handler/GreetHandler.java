package org.symphainy.itest.handler;

import org.osgi.service.component.annotations.Component;
import org.symphainy.sdk.intent.Artifact;
import org.symphainy.sdk.intent.Intent;
import org.symphainy.sdk.intent.IntentHandler;
import org.symphainy.sdk.intent.Json;
import org.symphainy.sdk.intent.ProvidesIntent;
import org.symphainy.sdk.intent.Result;
import org.symphainy.sdk.intent.RuntimeContext;

/** {@code test.greet}: greets at the execution's recorded time, with a number from its recorded seed. */
@ProvidesIntent(value = "test.greet", version = "1.0.0")
@Component(service = IntentHandler.class)
public final class GreetHandler implements IntentHandler {

    @Override
    public Result handle(Intent intent, RuntimeContext context) {
        return Result.of(Artifact.of("test.greeting", Json.of("{\"greeting\":\"hello\",\"payload\":" + intent.payload().text()
                + ",\"at\":\"" + context.clock().instant() + "\",\"lucky\":" + context.random().nextInt(100) + "}")));
    }
}
