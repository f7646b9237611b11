/**
 * Health of the deployed intents, as the Nurse role sees it: for each intent type, whether a handler serves each
 * declared version (from the Curator's {@link org.symphainy.sdk.registry.IntentRegistry}) and, over a sliding window,
 * how many of its executions completed and failed, the failure rate and the most frequent failure codes (from the
 * {@link org.symphainy.sdk.runtime.Runtime}). The admin console serves {@link org.symphainy.sdk.health.IntentHealth} as
 * {@code /admin/v1/health}. Everything here is an immutable snapshot.
 */
@Export
@Version("1.0.0")
package org.symphainy.sdk.health;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
