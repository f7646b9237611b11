package org.symphainy.sdk.runtime;

import java.time.Duration;

import org.symphainy.sdk.intent.ErrorCode;
import org.symphainy.sdk.intent.IntentException;

/**
 * A drain did not finish in time: executions were still bound to the bundle's handlers when the bound ran out. Nothing
 * was changed. Code {@link ErrorCode#RUNTIME_UNAVAILABLE}: retry the change later, or give it a longer bound.
 */
public class DrainTimeoutException extends IntentException {

    private static final long serialVersionUID = 1L;

    private final int stillBound;

    /** The drain of {@code bundle} (symbolic name and version) gave up after {@code bound} with {@code stillBound} left. */
    public DrainTimeoutException(String bundle, Duration bound, int stillBound) {
        super(ErrorCode.RUNTIME_UNAVAILABLE, "the drain of " + bundle + " did not finish: " + stillBound
                + " executions were still running on its handlers after " + bound.toMillis() + " ms; nothing was "
                + "changed and its intents are served as before: retry when they have ended, or raise the bound "
                + "(drainTimeoutSeconds, PID org.symphainy.curator.deploy)");
        this.stillBound = stillBound;
    }

    /** How many executions were still bound when the drain gave up. */
    public int stillBound() {
        return stillBound;
    }
}
