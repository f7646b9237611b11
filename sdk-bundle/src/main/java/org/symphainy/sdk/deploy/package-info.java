/**
 * Deploying solution bundles, governed: a jar is staged and checked first, then installed, updated, started, stopped
 * or uninstalled only through platform intents ({@link org.symphainy.sdk.deploy.DeployIntents}), so the write-ahead log
 * holds who changed the platform, what and why. The admin console and the deploy folder are two doors to this service.
 */
@Export
@Version("1.1.0")
package org.symphainy.sdk.deploy;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
