package org.symphainy.sdk.registry;

/**
 * A handler service the Curator did not admit.
 *
 * @param bundleSymbolicName the bundle that registered it
 * @param bundleVersion that bundle's version
 * @param handlerClass the handler's class name
 * @param reason why it was refused and what to do, in words
 */
public record RefusedHandler(String bundleSymbolicName, String bundleVersion, String handlerClass, String reason) {

    public RefusedHandler {
        if (bundleSymbolicName == null || handlerClass == null || reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a refused handler needs its bundle, its class and a reason");
        }
    }
}
