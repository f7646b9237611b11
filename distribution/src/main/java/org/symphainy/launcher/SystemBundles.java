package org.symphainy.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.startlevel.BundleStartLevel;
import org.osgi.framework.wiring.BundleRevision;
import org.symphainy.foundations.osgi.ResolutionDiagnosis;

/**
 * The platform bundles of {@code system/}: one folder per start level ({@code system/1/}, {@code system/10/}, ...).
 *
 * <p>Each is installed under a location that carries a checksum of the jar's content (reproducible builds give every jar
 * the same modification time), so the framework cache keeps them between starts, a changed jar is reinstalled, and a jar
 * removed from {@code system/} is uninstalled.
 */
final class SystemBundles {

    static final String LOCATION_PREFIX = "symphainy:system/";

    /** One jar of {@code system/} and the start level its folder gives it. */
    record Jar(Path path, int startLevel, String location) {
    }

    private final List<Jar> jars;
    private final List<Bundle> bundles = new ArrayList<>();

    private SystemBundles(List<Jar> jars) {
        this.jars = jars;
    }

    /** Lists the jars under {@code system/<start level>/}, ordered by start level, then name. */
    static SystemBundles scan(Path system) throws LaunchException {
        List<Jar> jars = new ArrayList<>();
        try (DirectoryStream<Path> levels = Files.newDirectoryStream(system, Files::isDirectory)) {
            for (Path level : levels) {
                int startLevel = startLevelOf(level);
                try (DirectoryStream<Path> files = Files.newDirectoryStream(level, "*.jar")) {
                    for (Path jar : files) {
                        jars.add(new Jar(jar, startLevel, location(system, jar)));
                    }
                }
            }
        } catch (IOException e) {
            throw new LaunchException(LaunchException.ENVIRONMENT, "cannot read the system bundles in " + system + ": " + e);
        }
        if (jars.isEmpty()) {
            throw new LaunchException(LaunchException.ENVIRONMENT, "no bundles in " + system + ": the installation is incomplete");
        }
        jars.sort(Comparator.comparingInt(Jar::startLevel).thenComparing(j -> j.path().getFileName().toString()));
        return new SystemBundles(jars);
    }

    /**
     * Brings the framework's installed system bundles in line with {@code system/}: installs new jars, reinstalls changed
     * ones, uninstalls removed ones, sets start levels and marks every non-fragment bundle to start. Call between
     * {@code init()} and {@code start()}.
     */
    void reconcile(BundleContext context) throws LaunchException {
        Map<String, Bundle> installed = new HashMap<>();
        for (Bundle bundle : context.getBundles()) {
            if (bundle.getLocation().startsWith(LOCATION_PREFIX)) {
                installed.put(bundle.getLocation(), bundle);
            }
        }
        for (Jar jar : jars) {
            Bundle bundle = installed.remove(jar.location());
            if (bundle == null) {
                bundle = install(context, jar);
            }
            bundle.adapt(BundleStartLevel.class).setStartLevel(jar.startLevel());
            bundles.add(bundle);
        }
        for (Bundle stale : installed.values()) {
            try {
                stale.uninstall();
            } catch (BundleException e) {
                LifecycleLog.LOG.warn("could not uninstall " + ResolutionDiagnosis.name(stale)
                        + ", no longer in system/: " + e.getMessage());
            }
        }
        for (Bundle bundle : bundles) {
            if (!isFragment(bundle)) {
                try {
                    bundle.start();
                } catch (BundleException e) {
                    throw new LaunchException(LaunchException.BUNDLE_FAILURE, "system bundle " + ResolutionDiagnosis.name(bundle)
                            + " cannot be marked for start: " + ResolutionDiagnosis.oneLine(e));
                }
            }
        }
    }

    /** The installed system bundles, in start order. */
    List<Bundle> bundles() {
        return bundles;
    }

    /** The jar a system bundle came from, relative to {@code system/}. */
    static String source(Bundle bundle) {
        String location = bundle.getLocation();
        int query = location.indexOf('?');
        return "system/" + location.substring(LOCATION_PREFIX.length(), query < 0 ? location.length() : query);
    }

    /** True if the bundle is where it should be: active, or resolved for a fragment. */
    static boolean isReady(Bundle bundle) {
        return isFragment(bundle) ? bundle.getState() == Bundle.RESOLVED : bundle.getState() == Bundle.ACTIVE;
    }

    static boolean isFragment(Bundle bundle) {
        BundleRevision revision = bundle.adapt(BundleRevision.class);
        return revision != null && (revision.getTypes() & BundleRevision.TYPE_FRAGMENT) != 0;
    }

    private static Bundle install(BundleContext context, Jar jar) throws LaunchException {
        try (InputStream in = Files.newInputStream(jar.path())) {
            return context.installBundle(jar.location(), in);
        } catch (IOException | BundleException e) {
            throw new LaunchException(LaunchException.BUNDLE_FAILURE, "system bundle " + jar.path().getFileName()
                    + " cannot be installed: " + ResolutionDiagnosis.oneLine(e));
        }
    }

    private static String location(Path system, Path jar) throws IOException {
        String relative = system.relativize(jar).toString().replace('\\', '/');
        CRC32 crc = new CRC32();
        crc.update(ByteBuffer.wrap(Files.readAllBytes(jar)));
        return LOCATION_PREFIX + relative + "?crc32=" + Long.toHexString(crc.getValue());
    }

    private static int startLevelOf(Path folder) throws LaunchException {
        String name = folder.getFileName().toString();
        try {
            int level = Integer.parseInt(name);
            if (level >= 1) {
                return level;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new LaunchException(LaunchException.ENVIRONMENT, "system/" + name
                + " is not a start level: system/ holds one folder per start level (1, 10, 20, ...)");
    }
}
