package org.symphainy.sdk.registry;

import org.symphainy.sdk.intent.HandlerRef;

/**
 * One intent declared by one bundle: who declares it, in which version, and whether a handler serves it.
 *
 * @param declaredBy the declaring bundle and the intent (type and version)
 * @param ready true when the intent can be run: the bundle's handler for it is registered and admitted, or it is a
 *        saga the Conductor checked (the Runtime runs its definition; no handler of its own is needed)
 * @param handler true when the bundle's handler for the intent is registered and admitted
 * @param detail in words: what serves it, or what is missing and what to do
 */
public record RegisteredIntent(HandlerRef declaredBy, boolean ready, boolean handler, String detail) {

    /** An intent that is ready exactly when its handler is registered and admitted (not a saga without one). */
    public RegisteredIntent(HandlerRef declaredBy, boolean ready, String detail) {
        this(declaredBy, ready, ready, detail);
    }

    public RegisteredIntent {
        if (declaredBy == null || detail == null || detail.isBlank()) {
            throw new IllegalArgumentException("a registered intent needs its declaring bundle and a detail in words");
        }
    }
}
