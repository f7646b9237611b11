package org.symphainy.runtime.internal.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

import org.osgi.framework.Constants;
import org.osgi.framework.Version;

/** What a file dropped into the deploy folder is, checked before the framework is touched. */
record DroppedFile(Path path, Kind kind, String reason, String symbolicName, Version version) {

    /** How the deploy folder treats a file. */
    enum Kind {
        /** A jar with a bundle manifest: install or update it. */
        BUNDLE,
        /** Not a jar at all: say so once and leave it alone. */
        IGNORED,
        /** A jar that cannot be deployed: say why and leave the running system as it is. */
        REJECTED
    }

    /** Inspects {@code path}: a bundle jar, a file to ignore, or a jar to reject, with the reason in words. */
    static DroppedFile inspect(Path path) {
        if (!path.getFileName().toString().endsWith(".jar")) {
            return new DroppedFile(path, Kind.IGNORED,
                    "not a jar; the deploy folder takes OSGi bundles packaged as .jar files", null, null);
        }
        if (!Files.isRegularFile(path)) {
            return rejected(path, "not a regular file");
        }
        Manifest manifest;
        try (JarFile jar = new JarFile(path.toFile())) {
            manifest = jar.getManifest();
        } catch (IOException | SecurityException e) {
            return rejected(path, "not a readable jar (" + e.getMessage() + "); if it is still being copied, copy it under "
                    + "a temporary name and rename it into the deploy folder");
        }
        Attributes main = manifest == null ? null : manifest.getMainAttributes();
        String symbolicName = main == null ? null : main.getValue(Constants.BUNDLE_SYMBOLICNAME);
        if (symbolicName == null || symbolicName.isBlank()) {
            return rejected(path, "not an OSGi bundle: META-INF/MANIFEST.MF has no Bundle-SymbolicName "
                    + "(build it with bnd-maven-plugin or the solution archetype)");
        }
        try {
            Version version = Version.parseVersion(main.getValue(Constants.BUNDLE_VERSION));
            return new DroppedFile(path, Kind.BUNDLE, null, symbolicName.split(";", 2)[0].trim(), version);
        } catch (IllegalArgumentException e) {
            return rejected(path, "its Bundle-Version '" + main.getValue(Constants.BUNDLE_VERSION)
                    + "' is not an OSGi version (major.minor.micro.qualifier)");
        }
    }

    private static DroppedFile rejected(Path path, String reason) {
        return new DroppedFile(path, Kind.REJECTED, reason, null, null);
    }

    /** The file's name, as log lines show it. */
    String name() {
        return path.getFileName().toString();
    }

    /** {@code org.acme.foo 1.2.0}, as log lines name the bundle inside. */
    String bundleName() {
        return symbolicName + " " + version;
    }
}
