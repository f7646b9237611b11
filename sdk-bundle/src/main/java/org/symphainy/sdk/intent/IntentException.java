package org.symphainy.sdk.intent;

import java.util.Objects;

/**
 * An error a caller can act on: a stable {@link #code()} to branch on and a message that says what to do. The message
 * never contains a stack trace or internal detail, so Experience may show it as it is.
 */
public class IntentException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ErrorCode code;

    /** An error with a code and a message that says what to do. */
    public IntentException(ErrorCode code, String message) {
        this(code, message, null);
    }

    /** An error with a code, a message that says what to do, and the cause (kept out of the message). */
    public IntentException(ErrorCode code, String message, Throwable cause) {
        super(Objects.requireNonNull(message, "message is required"), cause);
        this.code = Objects.requireNonNull(code, "code is required");
    }

    /** The stable code of this error. */
    public ErrorCode code() {
        return code;
    }

    @Override
    public String toString() {
        return getClass().getName() + "[" + code + "]: " + getMessage();
    }
}
