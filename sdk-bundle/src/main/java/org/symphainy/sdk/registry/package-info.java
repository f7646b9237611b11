/**
 * The intent registry: which intents the deployed bundles declare, which handler serves each, and which handlers were
 * refused. The Curator keeps it from the bundles' {@code symphainy.intent} capabilities and their registered
 * {@link org.symphainy.sdk.intent.IntentHandler} services; the Runtime resolves intents through it, the admin console
 * shows it.
 */
@Export
@Version("1.1.0")
package org.symphainy.sdk.registry;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
