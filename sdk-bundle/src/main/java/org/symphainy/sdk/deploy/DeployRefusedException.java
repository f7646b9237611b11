package org.symphainy.sdk.deploy;

import java.util.Objects;

import org.symphainy.sdk.intent.ErrorCode;
import org.symphainy.sdk.intent.IntentException;
import org.symphainy.sdk.intent.Json;

/**
 * A deploy refused before the live framework is touched, with what a tool needs to act on it as a JSON object
 * ({@link #details()}): for a trial resolve that fails, {@code missing} (each with {@code namespace}, {@code filter}
 * and the {@code candidates} installed, with their versions); for a duplicate intent, the {@code intent} and both
 * bundles; for an uninstall or update, the {@code blastRadius}; always {@code refusal} (a stable kind) and
 * {@code action} (what to do). REST answers carry these members in the problem document.
 */
public class DeployRefusedException extends IntentException {

    private static final long serialVersionUID = 1L;

    private final transient Json details;

    /** A refusal with a stable code, a message saying what to do, and its structured details (a JSON object). */
    public DeployRefusedException(ErrorCode code, String message, Json details) {
        super(code, message);
        this.details = Objects.requireNonNull(details, "details is required");
    }

    /** The refusal's structured details: a JSON object with {@code refusal}, {@code action} and kind-specific members. */
    public Json details() {
        return details;
    }
}
