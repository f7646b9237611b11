package org.symphainy.itest.handler.next;

import org.osgi.service.component.annotations.Component;
import org.symphainy.sdk.intent.Artifact;
import org.symphainy.sdk.intent.Intent;
import org.symphainy.sdk.intent.IntentHandler;
import org.symphainy.sdk.intent.Json;
import org.symphainy.sdk.intent.ProvidesIntent;
import org.symphainy.sdk.intent.Result;
import org.symphainy.sdk.intent.RuntimeContext;

/** {@code test.greet} 2.0.0: the next major version's greeting, told apart from 1.0.0's by {@code "version": 2}. */
@ProvidesIntent(value = "test.greet", version = "2.0.0")
@Component(service = IntentHandler.class)
public final class GreetHandler implements IntentHandler {

    @Override
    public Result handle(Intent intent, RuntimeContext context) {
        return Result.of(Artifact.of("test.greeting", Json.of("{\"greeting\":\"hello\",\"version\":2,\"payload\":"
                + intent.payload().text() + "}")));
    }
}
