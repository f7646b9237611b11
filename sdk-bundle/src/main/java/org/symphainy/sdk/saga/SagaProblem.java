package org.symphainy.sdk.saga;

import org.symphainy.sdk.internal.Checks;

/**
 * Why a saga definition was refused: the step it is about (null for the saga as a whole), a stable code and a message
 * that says what to fix.
 *
 * @param step the step's name, or null
 * @param code a stable code: {@code UNKNOWN_INTENT}, {@code DUPLICATE_STEP}, {@code FORWARD_REFERENCE},
 *        {@code UNKNOWN_STEP}, {@code UNDECLARED_ARTIFACT}, {@code EMPTY_SAGA}, {@code INVALID_DEFINITION}
 * @param message what is wrong and what to do
 */
public record SagaProblem(String step, String code, String message) {

    /** Checks the fields. */
    public SagaProblem {
        Checks.present("code", code);
        Checks.present("message", message);
    }

    @Override
    public String toString() {
        return (step == null ? "saga" : "step '" + step + "'") + ": " + code + ": " + message;
    }
}
