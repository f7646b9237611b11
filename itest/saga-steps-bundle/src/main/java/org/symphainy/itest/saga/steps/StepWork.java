package org.symphainy.itest.saga.steps;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.symphainy.sdk.intent.Artifact;
import org.symphainy.sdk.intent.Intent;
import org.symphainy.sdk.intent.Json;
import org.symphainy.sdk.intent.Result;
import org.symphainy.sdk.intent.RuntimeContext;

/**
 * What every step and compensation of the test saga does: reads its switch in the payload's {@code behaviour} object
 * ({@code "<name>": "fail-always" | "fail-<n>" | "pause-<millis>" | "undeclared-kind"}), fails or pauses accordingly,
 * and otherwise returns one artifact {@code {"id", "step", "attempt", "payload"}} whose id is drawn from the execution's
 * recorded seed. {@code fail-<n>} fails attempts 1 to n, so attempt n + 1 completes; {@code undeclared-kind} returns the
 * artifact as kind {@value #UNDECLARED}, which no intent declares.
 */
final class StepWork {

    /** The kind {@code undeclared-kind} returns. */
    static final String UNDECLARED = "itest.undeclared";

    private StepWork() {
    }

    /** Runs step {@code name}, returning an artifact of {@code kind} with an id starting with {@code idPrefix}. */
    static Result run(String name, String kind, String idPrefix, Intent intent, RuntimeContext context) {
        String payload = intent.payload().text();
        Matcher behaviour = Pattern.compile("\"" + name
                + "\"\\s*:\\s*\"(fail-always|fail-(\\d{1,4})|pause-(\\d{1,6})|undeclared-kind)\"").matcher(payload);
        boolean steered = behaviour.find();
        String steer = steered ? behaviour.group(1) : "";
        if (steer.equals("fail-always")
                || (steered && behaviour.group(2) != null && context.attempt() <= Integer.parseInt(behaviour.group(2)))) {
            throw new IllegalStateException(name + " is steered to fail (" + steer + "), attempt " + context.attempt());
        }
        if (steered && behaviour.group(3) != null) {
            pause(Long.parseLong(behaviour.group(3)));
        }
        String id = idPrefix + Long.toHexString(context.random().nextLong());
        return Result.of(Artifact.of(steer.equals("undeclared-kind") ? UNDECLARED : kind, Json.of("{\"id\":\"" + id
                + "\",\"step\":\"" + name + "\",\"attempt\":" + context.attempt() + ",\"payload\":" + payload + "}")));
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
