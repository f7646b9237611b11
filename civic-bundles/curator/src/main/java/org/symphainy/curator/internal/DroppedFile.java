package org.symphainy.curator.internal;

import java.nio.file.Files;
import java.nio.file.Path;

import org.osgi.framework.Version;
import org.symphainy.foundations.osgi.BundleJar;
import org.symphainy.foundations.osgi.BundleJarException;

/**
 * What a file dropped into the deploy folder is, checked before the framework is touched — with the same jar check as
 * the governed deployer's staging ({@link BundleJar}: manifest, symbolic name, version, intent capabilities).
 */
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
        try {
            BundleJar bundle = BundleJar.check(path);
            return new DroppedFile(path, Kind.BUNDLE, null, bundle.symbolicName(), bundle.version());
        } catch (BundleJarException e) {
            // the check says "<file> is not ...", "<file> has no ...": the log line names the file before "rejected:"
            String reason = e.getMessage().startsWith("is ") ? e.getMessage().substring(3) : e.getMessage();
            return rejected(path, e.problem() == BundleJarException.Problem.NOT_A_JAR
                    ? reason + "; if it is still being copied, copy it under a temporary name and rename it "
                            + "into the deploy folder"
                    : reason);
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
