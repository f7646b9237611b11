package org.symphainy.conductor.internal;

import java.util.Optional;
import java.util.Set;

/** What the deployed bundles declare of their intents ({@code symphainy.intent} capabilities). */
interface IntentCatalog {

    /** The artifact kinds {@code intentType} declares (its {@code artifacts} attribute), or empty if no bundle provides it. */
    Optional<Set<String>> artifactKinds(String intentType);
}
