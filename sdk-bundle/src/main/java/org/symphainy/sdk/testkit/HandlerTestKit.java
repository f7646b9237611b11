package org.symphainy.sdk.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

import org.symphainy.sdk.intent.Artifact;
import org.symphainy.sdk.intent.Event;
import org.symphainy.sdk.intent.Intent;
import org.symphainy.sdk.intent.IntentHandler;
import org.symphainy.sdk.intent.Result;
import org.symphainy.sdk.internal.Checks;

/**
 * Runs intent handlers in unit tests the way the Runtime runs them, minus the write-ahead log: against a
 * {@link TestContext}, checking what the Runtime would refuse. {@link #assertDeterministic} runs a handler twice with the
 * same clock, seed and inputs and fails if the results differ, which is what would make replay report a difference.
 */
public final class HandlerTestKit {

    private HandlerTestKit() {
    }

    /**
     * A builder for an intent of {@code type} with test values for what a caller would supply: tenant
     * {@code test-tenant}, session {@code test-session}, actor {@code test-actor}, correlation id
     * {@code test-correlation}; set the payload, and override anything else.
     */
    public static Intent.Builder intent(String type) {
        return Intent.builder(type).tenant("test-tenant").session("test-session").actor("test-actor")
                .correlationId("test-correlation");
    }

    /** Runs {@code handler} on {@code intent} in a default {@link TestContext} for the intent's tenant and actor. */
    public static Result run(IntentHandler handler, Intent intent) throws Exception {
        return run(handler, intent, contextFor(intent));
    }

    /**
     * Runs {@code handler} on {@code intent} in a fresh copy of {@code context} and returns its result. Exceptions from
     * the handler propagate; a null result fails with an AssertionError, as the Runtime fails the step.
     */
    public static Result run(IntentHandler handler, Intent intent, TestContext context) throws Exception {
        Checks.present("handler", handler);
        Checks.present("intent", intent);
        Checks.present("context", context);
        requireSame("tenant", intent.tenant(), context.tenant());
        requireSame("actor", intent.actor(), context.actor());
        Result result = handler.handle(intent, context.fresh());
        if (result == null) {
            throw new AssertionError("handler " + handler.getClass().getName() + " returned null for " + intent.type()
                    + "; return Result.empty() when there is nothing to report (the Runtime fails a null result "
                    + "with HANDLER_RETURNED_NULL)");
        }
        return result;
    }

    /** Like {@link #assertDeterministic(IntentHandler, Intent, TestContext)} in a default context for the intent. */
    public static Result assertDeterministic(IntentHandler handler, Intent intent) throws Exception {
        return assertDeterministic(handler, intent, contextFor(intent));
    }

    /**
     * Runs {@code handler} twice on {@code intent} with the same clock, seed and inputs and returns the first result;
     * throws an AssertionError naming every artifact (kind and hash) and event that differs between the runs.
     */
    public static Result assertDeterministic(IntentHandler handler, Intent intent, TestContext context)
            throws Exception {
        Result first = run(handler, intent, context);
        Result second = run(handler, intent, context);
        List<String> differences = new ArrayList<>();
        compare("artifact", first.artifacts(), second.artifacts(), HandlerTestKit::describe, differences);
        compare("event", first.events(), second.events(), HandlerTestKit::describe, differences);
        if (!differences.isEmpty()) {
            throw new AssertionError("handler " + handler.getClass().getName() + " is not deterministic: two runs of "
                    + intent.type() + " with the same clock, seed and inputs differ:\n  "
                    + String.join("\n  ", differences) + "\nRead time only from context.clock() and randomness only "
                    + "from context.random(); never System.currentTimeMillis(), System.nanoTime(), Instant.now(), "
                    + "new Random() or UUID.randomUUID(), and do not depend on hash iteration order.");
        }
        return first;
    }

    private static TestContext contextFor(Intent intent) {
        Checks.present("intent", intent);
        return TestContext.builder().tenant(intent.tenant()).actor(intent.actor()).build();
    }

    private static void requireSame(String what, String ofIntent, String ofContext) {
        if (!ofIntent.equals(ofContext)) {
            throw new IllegalArgumentException("the context's " + what + " '" + ofContext + "' is not the intent's '"
                    + ofIntent + "'; the Runtime always runs an intent with its own " + what);
        }
    }

    private static <T> void compare(String what, List<T> first, List<T> second,
            Function<T, String> describe, List<String> differences) {
        for (int i = 0; i < Math.max(first.size(), second.size()); i++) {
            String a = i < first.size() ? describe.apply(first.get(i)) : "nothing";
            String b = i < second.size() ? describe.apply(second.get(i)) : "nothing";
            if (!Objects.equals(a, b)) {
                differences.add(what + " " + i + ": " + a + " in the first run, " + b + " in the second");
            }
        }
    }

    private static String describe(Artifact artifact) {
        return artifact.kind() + " (" + artifact.mediaType() + ") sha256=" + artifact.contentHash();
    }

    private static String describe(Event event) {
        String payload = event.payload().text();
        return event.type() + " " + (payload.length() > 120 ? payload.substring(0, 120) + "..." : payload);
    }
}
