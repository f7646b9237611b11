package org.symphainy.curator.internal;

import java.util.ArrayList;
import java.util.List;

import org.osgi.framework.Bundle;
import org.osgi.framework.Version;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.resource.Capability;
import org.symphainy.sdk.intent.IntentNamespace;

/** An intent a bundle declares in its manifest ({@code Provide-Capability: symphainy.intent}). */
record DeclaredIntent(String type, Version version) {

    /** The intents the bundle's current revision declares; empty for a bundle without any (or uninstalled). */
    static List<DeclaredIntent> of(Bundle bundle) {
        BundleRevision revision = bundle.getState() == Bundle.UNINSTALLED ? null : bundle.adapt(BundleRevision.class);
        if (revision == null) {
            return List.of();
        }
        List<DeclaredIntent> declared = new ArrayList<>();
        for (Capability capability : revision.getCapabilities(IntentNamespace.NAMESPACE)) {
            Object type = capability.getAttributes().get(IntentNamespace.INTENT_ATTRIBUTE);
            Object version = capability.getAttributes().get(IntentNamespace.VERSION_ATTRIBUTE);
            if (type != null) {
                declared.add(new DeclaredIntent(type.toString(),
                        version instanceof Version v ? v : Version.parseVersion(version == null ? null : version.toString())));
            }
        }
        return declared;
    }

    @Override
    public String toString() {
        return type + " " + version;
    }
}
