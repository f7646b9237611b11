package org.symphainy.sdk.intent;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Serves one intent type: domain and solution bundles implement it, declare the intent with {@link ProvidesIntent} and
 * register the handler as an OSGi service. The Runtime calls it inside an execution, possibly more than once (retries,
 * recovery, replay), so a handler must be a function of its intent and its {@link RuntimeContext}: it reads time and
 * randomness only from the context, performs no side effects (no I/O, no writes, no calls to other handlers) and returns
 * what it produced as a {@link Result}, which the Runtime records. A thrown exception fails the attempt; the Runtime
 * retries or fails the step by its retry policy.
 */
@ConsumerType
public interface IntentHandler {

    /** Handles {@code intent} and returns the artifacts and events it produced; never null. */
    Result handle(Intent intent, RuntimeContext context) throws Exception;
}
