package org.symphainy.itest.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A container that cannot start says why in plain words and exits non-zero, instead of claiming to be ready:
 * an unwritable data directory, a taken port, a data directory already in use, a system bundle that cannot resolve.
 */
class StartupFailureIT {

    @TempDir
    Path work;

    @Test
    void helpExplainsTheOptionsAndExitsZero() throws Exception {
        try (ContainerProcess container = ContainerProcess.start(ContainerProcess.distribution(), work, Map.of(), "--help")) {
            assertEquals(0, container.exitCode());
            assertTrue(container.output().contains("Usage: symphainy") && container.output().contains("SYMPHAINY_DATA"),
                    container.output());
        }
    }

    @Test
    void anUnknownOptionIsAUsageError() throws Exception {
        try (ContainerProcess container = ContainerProcess.start(ContainerProcess.distribution(), work, Map.of(), "--frobnicate")) {
            assertEquals(2, container.exitCode());
            assertTrue(container.output().contains("unknown option '--frobnicate'; see symphainy --help"), container.output());
        }
    }

    @Test
    void anUnwritableDataDirectoryIsRefused() throws Exception {
        Path file = Files.writeString(work.resolve("a-file"), "not a directory");
        try (ContainerProcess container = ContainerProcess.start(ContainerProcess.distribution(), file.resolve("data"), Map.of())) {
            assertEquals(3, container.exitCode());
            assertTrue(container.output().contains("data directory " + file.resolve("data") + " is not writable"), container.output());
            assertTrue(container.output().contains("point SYMPHAINY_DATA at a writable directory"), container.output());
        }
    }

    @Test
    void aTakenPortIsRefused() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            try (ContainerProcess container = ContainerProcess.start(ContainerProcess.distribution(), work.resolve("data"),
                    taken.getLocalPort(), Map.of())) {
                assertEquals(3, container.exitCode());
                assertTrue(container.output().contains("cannot listen on 127.0.0.1:" + taken.getLocalPort()), container.output());
                assertFalse(container.output().contains(" ready in "), container.output());
            }
        }
    }

    @Test
    void aPortThatIsNotANumberIsAUsageError() throws Exception {
        try (ContainerProcess container = ContainerProcess.start(ContainerProcess.distribution(), work.resolve("data"),
                Map.of("SYMPHAINY_HTTP_PORT", "eighty"))) {
            assertEquals(2, container.exitCode());
            assertTrue(container.output().contains("HTTP port 'eighty' is not a port number"), container.output());
            try (var archives = Files.list(work.resolve("data/cds"))) {
                assertTrue(archives.anyMatch(p -> p.toString().endsWith(".jsa.failed")),
                        "a failed start must mark its class-data archive for re-recording");
            }
        }
    }

    @Test
    void aSecondContainerOnTheSameDataDirectoryIsRefused() throws Exception {
        Path home = ContainerProcess.copyOfDistribution(work.resolve("home"));
        Path data = work.resolve("data");
        try (ContainerProcess first = ContainerProcess.start(home, data, Map.of())) {
            first.awaitReady();
            try (ContainerProcess second = ContainerProcess.start(home, data, Map.of())) {
                assertEquals(3, second.exitCode());
                assertTrue(second.output().contains("another Symphainy container is running on data directory"), second.output());
            }
            assertEquals(0, first.terminate(), first.output());
        }
    }

    @Test
    void aSystemBundleThatCannotResolveIsNamedWithWhatItMisses() throws Exception {
        Path home = ContainerProcess.copyOfDistribution(work.resolve("home"));
        TestBundles.bundle(home.resolve("system/20"), "org.acme.broken", "1.0.0",
                "Import-Package", "org.nowhere.spi;version=\"[3.0,4.0)\"");
        try (ContainerProcess container = ContainerProcess.start(home, work.resolve("data"), Map.of())) {
            assertEquals(1, container.exitCode());
            assertTrue(container.output().contains("system bundle org.acme.broken 1.0.0 (system/20/org.acme.broken-1.0.0.jar) "
                    + "cannot resolve: it imports package org.nowhere.spi version >=3.0.0 <4.0.0, which no installed bundle provides"),
                    container.output());
            assertFalse(container.output().contains(" ready in "), container.output());
        }
    }

    @Test
    void aSystemBundleWhoseActivatorThrowsIsNamedWithTheError() throws Exception {
        Path home = ContainerProcess.copyOfDistribution(work.resolve("home"));
        TestBundles.failingActivator(home.resolve("system/20"), "org.acme.fragile", "database unreachable");
        try (ContainerProcess container = ContainerProcess.start(home, work.resolve("data"), Map.of())) {
            assertEquals(1, container.exitCode());
            assertTrue(container.output().contains("system bundle org.acme.fragile 1.0.0 (system/20/org.acme.fragile.jar) "
                    + "failed to start: "), container.output());
            assertTrue(container.output().contains("database unreachable"), container.output());
            assertTrue(container.output().contains("not ready: 1 system bundle(s) failed: org.acme.fragile 1.0.0"), container.output());
        }
    }

    @Test
    void aKernelThatCannotStartFailsTheStartAtOnceWithItsReason() throws Exception {
        Path home = ContainerProcess.copyOfDistribution(work.resolve("home"));
        Files.writeString(home.resolve("etc/org.symphainy.runtime.cfg"), "durability = sometimes\n");
        try (ContainerProcess container = ContainerProcess.start(home, work.resolve("data"), Map.of())) {
            assertEquals(1, container.exitCode(), container.output());
            assertTrue(container.output().contains("durability 'sometimes' is not known: use fsync (the default) or async"),
                    container.output());
            // etc/*.cfg reach ConfigAdmin before the platform bundles start: the kernel never ran with the defaults first
            assertFalse(container.output().contains("runtime ready"), container.output());
            // the bundle's stop is noticed at once (by the bundle check, or while waiting for the Runtime service), not
            // after symphainy.ready.timeoutMs ("did not come up within")
            assertTrue(java.util.regex.Pattern.compile("not ready: (system bundle|1 system bundle\\(s\\) failed:) "
                    + "org\\.symphainy\\.runtime ").matcher(container.output()).find(), container.output());
            assertFalse(container.output().contains("did not come up within"), container.output());
            assertFalse(container.output().contains(" ready in "), container.output());
        }
    }

    @Test
    void ctrlCStopsCleanly() throws Exception {
        try (ContainerProcess container = ContainerProcess.start(ContainerProcess.copyOfDistribution(work.resolve("home")),
                work.resolve("data"), Map.of())) {
            container.awaitReady();
            new ProcessBuilder("kill", "-INT", Long.toString(container.pid())).inheritIO().start().waitFor();
            assertEquals(0, container.exitCode(), container.output());
            container.await("SIGINT received: stopping");
            container.await("Symphainy stopped in \\d+ ms");
        }
    }
}
