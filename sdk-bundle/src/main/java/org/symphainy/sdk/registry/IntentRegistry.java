package org.symphainy.sdk.registry;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The capability registry the Curator keeps: every intent an active bundle declares in its manifest
 * ({@code Provide-Capability: symphainy.intent}), paired with the handler service the same bundle registers.
 * A handler is admitted only for an intent its own bundle declares; a declared intent without a handler is reported.
 * Bundles coming and going keep the registry exact.
 */
@ProviderType
public interface IntentRegistry {

    /** Every intent declared by an active bundle, ordered by type then version, with whether a handler serves it. */
    List<RegisteredIntent> intents();

    /** Handlers that were registered but not admitted, with the reason. */
    List<RefusedHandler> refusals();

    /**
     * The admitted handler of the highest version of {@code intentType} inside {@code versionRange} (OSGi range syntax,
     * e.g. {@code [1.0,2.0)}; null for any version), or empty if none serves it.
     */
    Optional<AdmittedHandler> resolve(String intentType, String versionRange);
}
