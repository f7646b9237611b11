package org.symphainy.runtime.internal.kernel;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Version;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.resource.Capability;
import org.symphainy.sdk.intent.IntentNamespace;

/**
 * Which intent versions the installed bundles declare — active or not, so that a bundle still starting after a
 * restart keeps the executions pinned to its intents waiting for it instead of sending them elsewhere.
 */
final class InstalledIntents {

    private final BundleContext context;

    InstalledIntents(BundleContext context) {
        this.context = context;
    }

    /** True if some installed bundle's current revision declares intent {@code type} in exactly {@code version}. */
    boolean declares(String type, String version) {
        Version wanted = Version.parseVersion(version);
        for (Bundle bundle : context.getBundles()) {
            BundleRevision revision = bundle.getState() == Bundle.UNINSTALLED ? null : bundle.adapt(BundleRevision.class);
            if (revision == null) {
                continue;
            }
            for (Capability capability : revision.getCapabilities(IntentNamespace.NAMESPACE)) {
                Object declared = capability.getAttributes().get(IntentNamespace.VERSION_ATTRIBUTE);
                if (type.equals(capability.getAttributes().get(IntentNamespace.INTENT_ATTRIBUTE)) && declared != null
                        && Version.parseVersion(declared.toString()).equals(wanted)) {
                    return true;
                }
            }
        }
        return false;
    }
}
