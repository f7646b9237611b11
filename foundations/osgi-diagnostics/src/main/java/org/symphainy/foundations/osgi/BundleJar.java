package org.symphainy.foundations.osgi;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.Version;
import org.symphainy.sdk.intent.Intent;
import org.symphainy.sdk.intent.IntentNamespace;

/**
 * What a jar says about itself as a bundle, checked before anything is installed: a manifest, a Bundle-SymbolicName, a
 * valid Bundle-Version, and well-formed {@code symphainy.intent} capabilities (each declared intent a valid type with
 * a version; each required one a valid filter). The one check both deployment doors (the deploy folder and the
 * governed deployer) apply.
 *
 * @param symbolicName its Bundle-SymbolicName, without directives
 * @param version its Bundle-Version
 * @param declaredIntents the intents it provides, as {@code type version}
 * @param requiredIntents the filters of the intents it requires
 */
public record BundleJar(String symbolicName, Version version, List<String> declaredIntents,
        List<String> requiredIntents) {

    /** Copies the lists. */
    public BundleJar {
        declaredIntents = List.copyOf(declaredIntents);
        requiredIntents = List.copyOf(requiredIntents);
    }

    /** Checks the jar at {@code jar}; throws {@link BundleJarException} saying what is wrong and how to fix it. */
    public static BundleJar check(Path jar) {
        Manifest manifest;
        try (JarFile file = new JarFile(jar.toFile())) {
            manifest = file.getManifest();
        } catch (IOException | SecurityException e) {
            throw new BundleJarException(BundleJarException.Problem.NOT_A_JAR, "is not a readable jar ("
                    + e.getMessage() + ")");
        }
        if (manifest == null) {
            throw problem("has no META-INF/MANIFEST.MF; build it as an OSGi bundle (bnd-maven-plugin or the solution "
                    + "archetype)");
        }
        Attributes main = manifest.getMainAttributes();
        String bsn = main.getValue(Constants.BUNDLE_SYMBOLICNAME);
        if (bsn == null || bsn.isBlank() || bsn.split(";", 2)[0].isBlank()) {
            throw problem("is not an OSGi bundle: its manifest has no Bundle-SymbolicName; build it as a bundle "
                    + "(bnd-maven-plugin or the solution archetype)");
        }
        Version version;
        try {
            version = Version.parseVersion(main.getValue(Constants.BUNDLE_VERSION));
        } catch (IllegalArgumentException e) {
            throw problem("has Bundle-Version '" + main.getValue(Constants.BUNDLE_VERSION) + "', which is not an "
                    + "OSGi version (major.minor.micro.qualifier, e.g. 1.2.0)");
        }
        return new BundleJar(bsn.split(";", 2)[0].trim(), version,
                declared(main.getValue(Constants.PROVIDE_CAPABILITY)),
                required(main.getValue(Constants.REQUIRE_CAPABILITY)));
    }

    private static List<String> declared(String header) {
        List<String> intents = new ArrayList<>();
        for (CapabilityHeader clause : clauses(Constants.PROVIDE_CAPABILITY, header)) {
            if (!IntentNamespace.NAMESPACE.equals(clause.namespace())) {
                continue;
            }
            String type = clause.attributes().get(IntentNamespace.INTENT_ATTRIBUTE);
            if (type == null || !Intent.isValidType(type)) {
                throw problem("declares a symphainy.intent capability whose intent type '" + type + "' is not a "
                        + "dotted lower-case name (e.g. content.ingest); declare it with @ProvidesIntent");
            }
            String version = clause.attributes().get(IntentNamespace.VERSION_ATTRIBUTE);
            try {
                if (version == null) {
                    throw new IllegalArgumentException("missing");
                }
                intents.add(type + " " + Version.parseVersion(version));
            } catch (IllegalArgumentException e) {
                throw problem("declares intent " + type + " with version '" + version + "', which is not an OSGi "
                        + "version; give @ProvidesIntent a version such as 1.0.0");
            }
        }
        return intents;
    }

    private static List<String> required(String header) {
        List<String> filters = new ArrayList<>();
        for (CapabilityHeader clause : clauses(Constants.REQUIRE_CAPABILITY, header)) {
            if (!IntentNamespace.NAMESPACE.equals(clause.namespace())) {
                continue;
            }
            String filter = clause.directives().get(Constants.FILTER_DIRECTIVE);
            try {
                if (filter == null) {
                    throw new InvalidSyntaxException("no filter", null);
                }
                FrameworkUtil.createFilter(filter);
                filters.add(filter);
            } catch (InvalidSyntaxException e) {
                throw problem("requires a symphainy.intent capability with filter '" + filter + "', which is not a "
                        + "valid LDAP filter; declare it with @RequiresIntent");
            }
        }
        return filters;
    }

    private static List<CapabilityHeader> clauses(String headerName, String header) {
        try {
            return CapabilityHeader.parse(header);
        } catch (IllegalArgumentException e) {
            throw problem("has a malformed " + headerName + " header: " + e.getMessage());
        }
    }

    private static BundleJarException problem(String message) {
        return new BundleJarException(BundleJarException.Problem.NOT_A_BUNDLE, message);
    }
}
