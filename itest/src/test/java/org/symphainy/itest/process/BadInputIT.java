package org.symphainy.itest.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files in {@code deploy/} that cannot be deployed: each gets one clear line naming the file and the reason, the
 * container keeps running, and no other bundle is disturbed.
 */
class BadInputIT {

    @TempDir
    Path work;

    @Test
    void eachBadFileGetsOneLineAndTheContainerCarriesOn() throws Exception {
        Path home = ContainerProcess.copyOfDistribution(work.resolve("home"));
        Path files = Files.createDirectories(work.resolve("files"));
        Path notes = Files.writeString(files.resolve("notes.txt"), "not a bundle");
        Path corrupt = TestBundles.corruptJar(files);
        Path plain = TestBundles.plainJar(files);
        Path needy = TestBundles.bundle(files, "org.acme.needy", "1.0.0",
                "Import-Package", "org.nowhere.api;version=\"[1.0,2.0)\"");
        Path good = TestBundles.bundle(files, "org.acme.good", "2.0.0");

        try (ContainerProcess container = ContainerProcess.start(home, work.resolve("data"), Map.of())) {
            container.awaitReady();
            container.deploy(good, "good.jar");
            container.await("bundle started org\\.acme\\.good 2\\.0\\.0");

            container.deploy(notes, "notes.txt");
            container.await("WARN deploy - notes\\.txt: ignored: not a jar");
            container.deploy(corrupt, "corrupt.jar");
            container.await("ERROR deploy - corrupt\\.jar: rejected: not a readable jar");
            container.deploy(plain, "plain.jar");
            container.await("ERROR deploy - plain\\.jar: rejected: not an OSGi bundle: its manifest has no Bundle-SymbolicName");
            container.deploy(needy, "needy.jar");
            container.await("ERROR deploy - needy\\.jar: rejected for now: 'needy\\.jar' "
                    + "\\(org\\.acme\\.needy 1\\.0\\.0\\) would not resolve against the running system: "
                    + "nothing installed provides osgi\\.wiring\\.package "
                    + "\\(&\\(osgi\\.wiring\\.package=org\\.nowhere\\.api\\)");

            container.deploy(good, "good-again.jar");
            container.await("ERROR deploy - good-again\\.jar: rejected: org\\.acme\\.good 2\\.0\\.0 is deployed from good\\.jar "
                    + "already");

            container.deploy(corrupt, "good.jar");
            container.await("ERROR deploy - good\\.jar: rejected: not a readable jar .*; org\\.acme\\.good 2\\.0\\.0 keeps running");

            container.deploy(TestBundles.failingActivator(files, "org.acme.fragile", "no license key"), "fragile.jar");
            container.await("ERROR deploy - org\\.acme\\.fragile 1\\.0\\.0 did not start \\(execution \\S+ by "
                    + "deploy-folder@system\\): .*no license key");
            // activation threw: the install is rolled back through a recorded uninstall intent of the deployer
            container.await("INFO deploy - uninstalled org\\.acme\\.fragile 1\\.0\\.0 \\(execution \\S+ by "
                    + "deployer@system\\): rolled back: org\\.acme\\.fragile 1\\.0\\.0 was not ready: .*no license key");

            Path late = TestBundles.bundle(files, "org.acme.late", "1.0.0");
            container.deploy(late, "late.jar");
            container.await("bundle started org\\.acme\\.late 1\\.0\\.0");

            assertEquals(0, container.terminate(), container.output());
            String beforeStop = container.output().substring(0, container.output().indexOf("SIGTERM received"));
            assertFalse(beforeStop.contains("bundle stopped org.acme.good"), "a bad file disturbed a running bundle:\n" + beforeStop);
            assertEquals(1, count(container.output(), "corrupt.jar: rejected"), "one line per bad file:\n" + container.output());
        }
    }

    private static int count(String text, String part) {
        int count = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            count++;
        }
        return count;
    }
}
