package org.symphainy.sdk.registry;

import org.symphainy.sdk.intent.HandlerRef;

/**
 * One intent declared by one bundle: who declares it, in which version, and whether a handler serves it.
 *
 * @param declaredBy the declaring bundle and the intent (type and version)
 * @param ready true when the bundle's handler for the intent is registered and admitted
 * @param detail in words: what serves it, or what is missing and what to do
 */
public record RegisteredIntent(HandlerRef declaredBy, boolean ready, String detail) {

    public RegisteredIntent {
        if (declaredBy == null || detail == null || detail.isBlank()) {
            throw new IllegalArgumentException("a registered intent needs its declaring bundle and a detail in words");
        }
    }
}
