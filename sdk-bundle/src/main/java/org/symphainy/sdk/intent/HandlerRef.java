package org.symphainy.sdk.intent;

import org.symphainy.sdk.internal.Checks;

/**
 * Which handler served an intent: the bundle (symbolic name and version) and the intent type and version it declared.
 * The Runtime records it when it accepts an intent, so an execution stays pinned to the revision that admitted it, and
 * on every artifact's {@link Provenance}.
 *
 * @param bundleSymbolicName the handler bundle's symbolic name
 * @param bundleVersion the handler bundle's version, an OSGi version
 * @param intentType the intent type the handler declares
 * @param intentVersion the intent version the handler declares, an OSGi version
 */
public record HandlerRef(String bundleSymbolicName, String bundleVersion, String intentType, String intentVersion) {

    /** Checks every value. */
    public HandlerRef {
        Checks.id("bundleSymbolicName", bundleSymbolicName);
        Checks.version("bundleVersion", bundleVersion);
        Checks.name("intentType", intentType, 2, "content.ingest");
        Checks.version("intentVersion", intentVersion);
    }

    /** {@code org.acme.content 1.2.0 (content.ingest 1.0.0)}, as logs and reports name a handler. */
    @Override
    public String toString() {
        return bundleSymbolicName + " " + bundleVersion + " (" + intentType + " " + intentVersion + ")";
    }
}
