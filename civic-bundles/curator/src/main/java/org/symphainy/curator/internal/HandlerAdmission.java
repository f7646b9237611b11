package org.symphainy.curator.internal;

import java.util.List;

import org.osgi.framework.Bundle;
import org.osgi.framework.Version;
import org.symphainy.sdk.intent.HandlerRef;
import org.symphainy.sdk.intent.IntentHandler;
import org.symphainy.sdk.intent.ProvidesIntent;

/**
 * Whether a registered handler service may serve: its class names its intent with {@link ProvidesIntent}, and its own
 * bundle declares that intent in the same version. The verdict is a {@link HandlerRef} or a reason in words.
 */
record HandlerAdmission(HandlerRef ref, String refusal) {

    /** Judges {@code handler}, registered by {@code bundle}. */
    static HandlerAdmission judge(Bundle bundle, IntentHandler handler) {
        ProvidesIntent provides = handler.getClass().getAnnotation(ProvidesIntent.class);
        if (provides == null) {
            return refuse("its class " + handler.getClass().getName() + " has no @ProvidesIntent: annotate the handler class "
                    + "with the intent it serves, e.g. @ProvidesIntent(value = \"content.ingest\", version = \"1.0.0\")");
        }
        Version version;
        try {
            version = Version.parseVersion(provides.version());
        } catch (IllegalArgumentException e) {
            return refuse("@ProvidesIntent version '" + provides.version() + "' is not an OSGi version");
        }
        DeclaredIntent wanted = new DeclaredIntent(provides.value(), version);
        List<DeclaredIntent> declared = DeclaredIntent.of(bundle);
        if (!declared.contains(wanted)) {
            return refuse("its bundle does not declare intent " + wanted + " (declares " + (declared.isEmpty() ? "none" : declared)
                    + "): build the bundle with bnd so @ProvidesIntent becomes Provide-Capability: symphainy.intent");
        }
        return new HandlerAdmission(new HandlerRef(bundle.getSymbolicName(), bundle.getVersion().toString(),
                wanted.type(), wanted.version().toString()), null);
    }

    static HandlerAdmission refuse(String reason) {
        return new HandlerAdmission(null, reason);
    }

    boolean admitted() {
        return ref != null;
    }
}
