package org.symphainy.itest.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real {@code bin/symphainy}: starts and says so, hot-deploys a bundle dropped into {@code deploy/}, updates it when
 * the file is replaced, uninstalls it when the file is deleted, logs all of it to the console and the log file, and
 * stops on SIGTERM with exit code 0, bundles stopping in reverse start order.
 */
class HotDeployIT {

    private static final Pattern LIFECYCLE = Pattern.compile("container - bundle (started|stopped) (\\S+) (\\S+)$");

    @TempDir
    Path work;

    @Test
    void deploysUpdatesAndUndeploysABundleThenStopsCleanly() throws Exception {
        Path home = ContainerProcess.copyOfDistribution(work.resolve("home"));
        Path v1 = TestBundles.bundle(Files.createDirectories(work.resolve("v1")), "org.acme.hello", "1.0.0");
        Path v2 = TestBundles.bundle(Files.createDirectories(work.resolve("v2")), "org.acme.hello", "1.1.0");

        try (ContainerProcess container = ContainerProcess.start(home, work.resolve("data"), Map.of())) {
            Matcher ready = container.awaitReady();
            assertTrue(Integer.parseInt(ready.group(2)) >= 10, "too few bundles active: " + ready.group());

            container.deploy(v1, "hello.jar");
            container.await("bundle installed org\\.acme\\.hello 1\\.0\\.0");
            container.await("bundle started org\\.acme\\.hello 1\\.0\\.0");

            container.deploy(v2, "hello.jar");
            container.await("bundle updated org\\.acme\\.hello 1\\.1\\.0");
            container.await("bundle started org\\.acme\\.hello 1\\.1\\.0");

            container.undeploy("hello.jar");
            container.await("bundle uninstalled org\\.acme\\.hello 1\\.1\\.0");

            assertEquals(0, container.terminate(), container.output());
            container.await("Symphainy stopped in \\d+ ms");
            assertStoppedInReverseStartOrder(container.lines());
            String logFile = Files.readString(container.data().resolve("log/symphainy.log"));
            assertTrue(logFile.contains("bundle updated org.acme.hello 1.1.0") && logFile.contains("Symphainy stopped in"),
                    "data/log/symphainy.log lacks the lifecycle lines:\n" + logFile);
        }
    }

    @Test
    void restartKeepsDeployedBundlesAndTheFrameworkCache() throws Exception {
        Path home = ContainerProcess.copyOfDistribution(work.resolve("home"));
        Path data = work.resolve("data");
        Path v1 = TestBundles.bundle(work, "org.acme.kept", "1.0.0");
        try (ContainerProcess first = ContainerProcess.start(home, data, Map.of())) {
            first.awaitReady();
            first.deploy(v1, "kept.jar");
            first.await("bundle started org\\.acme\\.kept 1\\.0\\.0");
            assertEquals(0, first.terminate(), first.output());
        }
        try (var archives = Files.list(data.resolve("cds"))) {
            assertEquals(1, archives.filter(p -> p.toString().endsWith(".jsa")).count(),
                    "the first clean stop records one class-data archive for later starts");
        }
        try (ContainerProcess second = ContainerProcess.start(home, data, Map.of())) {
            second.awaitReady();
            assertTrue(second.lines().stream().noneMatch(l -> l.contains("bundle installed")),
                    "a warm start reinstalled bundles from scratch:\n" + second.output());
            assertTrue(second.lines().stream().anyMatch(l -> l.endsWith("bundle started org.acme.kept 1.0.0")),
                    "the deployed bundle did not come back:\n" + second.output());
            assertEquals(0, second.terminate(), second.output());
        }
    }

    @Test
    void aFileInDeployBeforeTheStartGoesThroughTheGovernedDeployerNotAroundIt() throws Exception {
        Path home = ContainerProcess.copyOfDistribution(work.resolve("home"));
        Files.copy(TestBundles.bundle(work, "org.acme.early", "1.0.0"), home.resolve("deploy").resolve("early.jar"));
        try (ContainerProcess container = ContainerProcess.start(home, work.resolve("data"), Map.of())) {
            container.awaitReady();
            // the folder's watcher starts before the Runtime has recovered; FileInstall would install an unclaimed jar
            // itself, with no intent, no checks and no WAL record
            container.awaitAnywhere("INFO deploy - early\\.jar: platform\\.bundle\\.install org\\.acme\\.early 1\\.0\\.0 "
                    + "submitted as execution");
            container.awaitAnywhere("installed org\\.acme\\.early 1\\.0\\.0 as bundle \\d+ \\(execution \\S+ by "
                    + "deploy-folder@system\\): dropped into deploy/ as early\\.jar");
            container.awaitAnywhere("bundle started org\\.acme\\.early 1\\.0\\.0");
            assertEquals(0, container.terminate(), container.output());
        }
    }

    private static void assertStoppedInReverseStartOrder(List<String> lines) {
        List<String> started = new ArrayList<>();
        List<String> stopped = new ArrayList<>();
        for (String line : lines) {
            Matcher m = LIFECYCLE.matcher(line);
            if (m.find() && !m.group(2).equals("org.apache.felix.framework") && !m.group(2).startsWith("org.acme")) {
                (m.group(1).equals("started") ? started : stopped).add(m.group(2));
            }
        }
        Collections.reverse(stopped);
        assertTrue(started.size() >= 10, "too few bundles started: " + started);
        assertEquals(started, stopped, "bundles must stop in reverse start order");
    }
}
