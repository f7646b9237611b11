package org.symphainy.librarian.internal;

import java.util.ArrayList;
import java.util.List;

import org.osgi.framework.Version;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.resource.Capability;
import org.symphainy.sdk.intent.IntentNamespace;

/**
 * An intent a bundle revision declares ({@code Provide-Capability: symphainy.intent}) and the path of its payload
 * schema inside that bundle, from the capability's {@code schema} attribute; null when it names none.
 */
record DeclaredSchema(String intentType, Version intentVersion, String schemaPath, List<String> artifacts) {

    /** The intents {@code revision} declares, in manifest order, each (type, version) once. */
    static List<DeclaredSchema> of(BundleRevision revision) {
        List<DeclaredSchema> declared = new ArrayList<>();
        for (Capability capability : revision.getCapabilities(IntentNamespace.NAMESPACE)) {
            Object type = capability.getAttributes().get(IntentNamespace.INTENT_ATTRIBUTE);
            if (type == null) {
                continue;
            }
            DeclaredSchema intent = new DeclaredSchema(type.toString(),
                    version(capability.getAttributes().get(IntentNamespace.VERSION_ATTRIBUTE)),
                    path(capability.getAttributes().get(IntentNamespace.SCHEMA_ATTRIBUTE)),
                    artifacts(capability.getAttributes().get(IntentNamespace.ARTIFACTS_ATTRIBUTE)));
            if (declared.stream().noneMatch(d -> d.sameIntent(intent))) {
                declared.add(intent);
            }
        }
        return declared;
    }

    private static Version version(Object attribute) {
        if (attribute instanceof Version version) {
            return version;
        }
        try {
            return Version.parseVersion(attribute == null ? null : attribute.toString());
        } catch (IllegalArgumentException e) {
            return Version.emptyVersion;
        }
    }

    /** The {@code artifacts} attribute's entries ({@code kind} or {@code kind=path}), whatever its declared type. */
    private static List<String> artifacts(Object attribute) {
        List<String> entries = new ArrayList<>();
        if (attribute instanceof Iterable<?> values) {
            values.forEach(value -> add(entries, value));
        } else if (attribute instanceof Object[] values) {
            for (Object value : values) {
                add(entries, value);
            }
        } else if (attribute != null) {
            for (String value : attribute.toString().split(",")) {
                add(entries, value);
            }
        }
        return List.copyOf(entries);
    }

    private static void add(List<String> entries, Object value) {
        if (value != null && !value.toString().isBlank()) {
            entries.add(value.toString().trim());
        }
    }

    private static String path(Object attribute) {
        return attribute == null || attribute.toString().isBlank() ? null : attribute.toString().trim();
    }

    /** True if {@code other} declares the same intent type and version. */
    boolean sameIntent(DeclaredSchema other) {
        return intentType.equals(other.intentType) && intentVersion.equals(other.intentVersion);
    }
}
