package org.symphainy.sdk.testkit;

import org.symphainy.sdk.intent.Artifact;
import org.symphainy.sdk.intent.Intent;
import org.symphainy.sdk.intent.IntentHandler;
import org.symphainy.sdk.intent.Json;
import org.symphainy.sdk.intent.Result;
import org.symphainy.sdk.intent.RuntimeContext;

/** A well-behaved handler: time, randomness and inputs come from the context only. */
final class SummaryHandler implements IntentHandler {

    @Override
    public Result handle(Intent intent, RuntimeContext context) {
        StringBuilder inputs = new StringBuilder();
        context.inputs().forEach(input -> inputs.append(input.id()).append('=').append(input.text()).append(';'));
        String summary = "{\"at\":\"" + context.clock().instant() + "\",\"sample\":" + context.random().nextLong()
                + ",\"inputs\":\"" + inputs + "\"}";
        return Result.builder()
                .artifact(Artifact.of("report.summary", Json.of(summary)))
                .event("report.summarised", Json.of("{\"tenant\":\"" + context.tenant() + "\"}"))
                .build();
    }
}
