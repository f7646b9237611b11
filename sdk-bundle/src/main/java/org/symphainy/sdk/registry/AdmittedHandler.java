package org.symphainy.sdk.registry;

import java.util.Objects;

import org.symphainy.sdk.intent.HandlerRef;
import org.symphainy.sdk.intent.IntentHandler;

/**
 * A handler the Curator admitted for an intent its bundle declares, with the reference the Runtime records in the WAL.
 *
 * @param ref the serving bundle and the intent (type and version)
 * @param handler the handler service object
 */
public record AdmittedHandler(HandlerRef ref, IntentHandler handler) {

    public AdmittedHandler {
        Objects.requireNonNull(ref, "ref is required");
        Objects.requireNonNull(handler, "handler is required");
    }
}
