package org.symphainy.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.apache.felix.framework.Felix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.startlevel.BundleStartLevel;

class SystemBundlesTest {

    @TempDir
    Path dir;

    @Test
    void installsByStartLevelKeepsUnchangedJarsAndReinstallsChangedOnes() throws Exception {
        Path system = dir.resolve("system");
        TestJars.bundle(Files.createDirectories(system.resolve("10")), "b.jar", "org.acme.b", "1.0.0");
        TestJars.bundle(Files.createDirectories(system.resolve("2")), "a.jar", "org.acme.a", "1.0.0");

        List<Bundle> first = reconcile(system);
        assertEquals(List.of("org.acme.a", "org.acme.b"), first.stream().map(Bundle::getSymbolicName).toList());
        assertEquals(2, first.get(0).adapt(BundleStartLevel.class).getStartLevel());
        assertEquals(10, first.get(1).adapt(BundleStartLevel.class).getStartLevel());

        TestJars.bundle(system.resolve("10"), "b.jar", "org.acme.b", "1.1.0");
        List<Bundle> second = reconcile(system);

        assertEquals(first.get(0).getBundleId(), second.get(0).getBundleId(), "an unchanged jar is kept, not reinstalled");
        assertEquals("1.1.0", second.get(1).getVersion().toString(), "a changed jar is reinstalled");
    }

    @Test
    void aJarRemovedFromSystemIsUninstalled() throws Exception {
        Path system = dir.resolve("system");
        TestJars.bundle(Files.createDirectories(system.resolve("1")), "a.jar", "org.acme.a", "1.0.0");
        Path gone = TestJars.bundle(system.resolve("1"), "gone.jar", "org.acme.gone", "1.0.0");
        reconcile(system);
        Files.delete(gone);

        Felix felix = framework();
        try {
            SystemBundles.scan(system).reconcile(felix.getBundleContext());
            assertTrue(java.util.Arrays.stream(felix.getBundleContext().getBundles())
                    .noneMatch(b -> "org.acme.gone".equals(b.getSymbolicName())), "the removed jar's bundle is still installed");
        } finally {
            felix.stop();
            felix.waitForStop(10_000);
        }
    }

    @Test
    void aFolderThatIsNotAStartLevelIsRefused() throws Exception {
        Path system = dir.resolve("system");
        Files.createDirectories(system.resolve("logging"));

        LaunchException e = assertThrows(LaunchException.class, () -> SystemBundles.scan(system));

        assertTrue(e.getMessage().contains("system/logging is not a start level"), e.getMessage());
    }

    @Test
    void anEmptySystemFolderIsAnIncompleteInstallation() throws Exception {
        LaunchException e = assertThrows(LaunchException.class, () -> SystemBundles.scan(Files.createDirectories(dir.resolve("s"))));

        assertTrue(e.getMessage().contains("the installation is incomplete"), e.getMessage());
    }

    private List<Bundle> reconcile(Path system) throws Exception {
        Felix felix = framework();
        try {
            SystemBundles bundles = SystemBundles.scan(system);
            bundles.reconcile(felix.getBundleContext());
            return bundles.bundles();
        } finally {
            felix.stop();
            felix.waitForStop(10_000);
        }
    }

    private Felix framework() throws Exception {
        Felix felix = new Felix(Map.of(Constants.FRAMEWORK_STORAGE, dir.resolve("cache").toString()));
        felix.init();
        return felix;
    }
}
