package org.symphainy.sdk.runtime;

import org.symphainy.sdk.intent.ErrorCode;
import org.symphainy.sdk.internal.Checks;

/**
 * Why a step or an execution failed: a stable code and a message for people. Messages never carry stack traces.
 *
 * @param code the stable code, such as {@link ErrorCode#HANDLER_FAILED}
 * @param message what happened and, where possible, what to do
 */
public record Failure(ErrorCode code, String message) {

    /** Checks every value. */
    public Failure {
        Checks.present("code", code);
        Checks.text("message", message);
    }
}
