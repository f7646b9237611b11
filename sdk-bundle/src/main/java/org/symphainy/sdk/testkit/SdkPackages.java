package org.symphainy.sdk.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.Manifest;

/**
 * The SDK's exported packages with the versions it exports them at, read from the SDK bundle's own manifest: what a
 * test that boots a framework with the SDK on its class path passes as
 * {@code org.osgi.framework.system.packages.extra}, so the bundles under test resolve against the SDK they were built
 * with, whatever its package versions are by then.
 */
public final class SdkPackages {

    /** The SDK bundle's symbolic name. */
    public static final String SDK_SYMBOLIC_NAME = "org.symphainy.sdk";

    private SdkPackages() {
    }

    /**
     * Every package the SDK exports, as {@code name;version=x.y.z} clauses joined by commas.
     *
     * @throws IllegalStateException if no SDK manifest is on the class path (the SDK is missing, or not built by bnd)
     */
    public static String systemPackagesExtra() {
        return String.join(",", clauses(exportPackage()));
    }

    /** The clauses of an Export-Package header reduced to {@code name;version=x.y.z} (other attributes dropped). */
    static List<String> clauses(String exportPackage) {
        List<String> clauses = new ArrayList<>();
        for (String clause : split(exportPackage, ',')) {
            List<String> parts = split(clause, ';');
            String version = null;
            for (String part : parts.subList(1, parts.size())) {
                String trimmed = part.trim();
                if (trimmed.startsWith("version=")) {
                    version = trimmed.substring("version=".length()).replace("\"", "");
                }
            }
            String name = parts.get(0).trim();
            clauses.add(version == null ? name : name + ";version=" + version);
        }
        return clauses;
    }

    private static String exportPackage() {
        try {
            Enumeration<URL> manifests = SdkPackages.class.getClassLoader().getResources("META-INF/MANIFEST.MF");
            while (manifests.hasMoreElements()) {
                try (InputStream in = manifests.nextElement().openStream()) {
                    var attributes = new Manifest(in).getMainAttributes();
                    String name = attributes.getValue("Bundle-SymbolicName");
                    if (name != null && name.split(";")[0].trim().equals(SDK_SYMBOLIC_NAME)) {
                        return attributes.getValue("Export-Package");
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the class path's manifests could not be read", e);
        }
        throw new IllegalStateException("no manifest of bundle " + SDK_SYMBOLIC_NAME + " is on the class path; "
                + "depend on the built SDK bundle (not its sources)");
    }

    /** Splits on {@code separator} outside double quotes. */
    private static List<String> split(String text, char separator) {
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        boolean quoted = false;
        for (char c : text.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == separator && !quoted) {
                parts.add(part.toString());
                part.setLength(0);
            } else {
                part.append(c);
            }
        }
        parts.add(part.toString());
        return parts;
    }
}
