package org.symphainy.itest.handler;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.osgi.service.component.annotations.Component;
import org.symphainy.sdk.intent.Artifact;
import org.symphainy.sdk.intent.Intent;
import org.symphainy.sdk.intent.IntentHandler;
import org.symphainy.sdk.intent.Json;
import org.symphainy.sdk.intent.ProvidesIntent;
import org.symphainy.sdk.intent.Result;
import org.symphainy.sdk.intent.RuntimeContext;

/**
 * {@code test.pause}: waits {@code {"millis": n}} (at most a minute) before echoing its payload, so that an execution
 * stays running long enough for clients to subscribe to its updates (the SSE fan-out benchmark).
 */
@ProvidesIntent(value = "test.pause", version = "1.0.0")
@Component(service = IntentHandler.class)
public final class PauseHandler implements IntentHandler {

    private static final Pattern MILLIS = Pattern.compile("\"millis\"\\s*:\\s*(\\d{1,5})");

    @Override
    public Result handle(Intent intent, RuntimeContext context) {
        Matcher millis = MILLIS.matcher(intent.payload().text());
        try {
            Thread.sleep(millis.find() ? Math.min(60_000, Long.parseLong(millis.group(1))) : 0);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Result.of(Artifact.of("test.paused", intent.payload()));
    }
}
