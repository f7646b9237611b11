package org.symphainy.runtime.internal.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.apache.felix.framework.Felix;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.Version;

/** The deploy-folder installer against a real Felix: what it installs, updates, keeps and removes. */
class DeployFolderInstallerTest {

    @TempDir
    Path work;

    private Felix felix;
    private BundleContext context;
    private Path deploy;
    private DeployFolderInstaller installer;

    @BeforeEach
    void start() throws Exception {
        felix = new Felix(Map.of(Constants.FRAMEWORK_STORAGE, work.resolve("cache").toString()));
        felix.start();
        context = felix.getBundleContext();
        deploy = Files.createDirectories(work.resolve("deploy"));
        installer = new DeployFolderInstaller(context, deploy);
    }

    @AfterEach
    void stop() throws Exception {
        felix.stop();
        felix.waitForStop(10_000);
    }

    @Test
    void handlesOnlyFinishedFilesOfItsOwnFolder() throws IOException {
        assertTrue(installer.canHandle(deploy.resolve("app.jar").toFile()));
        assertTrue(installer.canHandle(deploy.resolve("notes.txt").toFile()), "a stray file must be reported, not ignored silently");
        assertFalse(installer.canHandle(deploy.resolve(".app.jar.tmp").toFile()));
        assertFalse(installer.canHandle(deploy.resolve("app.jar.part").toFile()));
        assertFalse(installer.canHandle(deploy.resolve("org.acme.cfg").toFile()), "configuration belongs to ConfigAdmin");
        assertFalse(installer.canHandle(work.resolve("elsewhere.jar").toFile()));
        assertFalse(new DeployFolderInstaller(context, null).canHandle(deploy.resolve("app.jar").toFile()));
    }

    @Test
    void installsAndStartsABundle() throws IOException {
        Path file = bundle("app.jar", "org.acme.app", "1.0.0");

        installer.install(file.toFile());

        Bundle bundle = context.getBundle(file.toUri().toString());
        assertEquals(Bundle.ACTIVE, bundle.getState());
        assertEquals(new Version(1, 0, 0), bundle.getVersion());
    }

    @Test
    void anUnchangedFileOfferedAgainLeavesItsBundleAlone() throws Exception {
        Path file = bundle("app.jar", "org.acme.app", "1.0.0");
        installer.install(file.toFile());
        Bundle bundle = context.getBundle(file.toUri().toString());
        long installedAt = bundle.getLastModified();
        Thread.sleep(5);

        new DeployFolderInstaller(context, deploy).install(file.toFile()); // as after a restart

        assertEquals(installedAt, bundle.getLastModified(), "an unchanged file updated its bundle");
        assertEquals(Bundle.ACTIVE, bundle.getState());
    }

    @Test
    void updatesInPlaceAndKeepsTheRunningRevisionWhenTheNewFileIsBroken() throws IOException {
        Path file = bundle("app.jar", "org.acme.app", "1.0.0");
        installer.install(file.toFile());
        Bundle bundle = context.getBundle(file.toUri().toString());

        bundle("app.jar", "org.acme.app", "1.1.0");
        installer.update(file.toFile());
        assertEquals(new Version(1, 1, 0), bundle.getVersion());
        assertEquals(Bundle.ACTIVE, bundle.getState());

        Files.write(file, new byte[] {1, 2, 3});
        installer.update(file.toFile());
        assertEquals(new Version(1, 1, 0), bundle.getVersion());
        assertEquals(Bundle.ACTIVE, bundle.getState(), "a broken update must leave the running revision running");
    }

    @Test
    void leavesAnUnresolvableBundleInstalledAndStartsItOnceItsPackageArrives() throws IOException {
        Path needy = bundle("needy.jar", "org.acme.needy", "1.0.0", Constants.IMPORT_PACKAGE, "org.acme.api");
        installer.install(needy.toFile());
        Bundle bundle = context.getBundle(needy.toUri().toString());
        assertEquals(Bundle.INSTALLED, bundle.getState());

        installer.install(bundle("api.jar", "org.acme.api", "1.0.0", Constants.EXPORT_PACKAGE, "org.acme.api").toFile());

        assertEquals(Bundle.ACTIVE, bundle.getState());
    }

    @Test
    void installsNothingForFilesThatAreNotBundles() throws IOException {
        int before = context.getBundles().length;
        installer.install(Files.writeString(deploy.resolve("notes.txt"), "hello").toFile());
        installer.install(Files.write(deploy.resolve("corrupt.jar"), new byte[] {9, 9, 9}).toFile());
        installer.install(jar(deploy.resolve("plain.jar"), new Manifest()).toFile());

        assertEquals(before, context.getBundles().length);
    }

    @Test
    void refusesASecondCopyOfTheSameBundleVersion() throws IOException {
        installer.install(bundle("one.jar", "org.acme.app", "1.0.0").toFile());
        Path second = bundle("two.jar", "org.acme.app", "1.0.0");

        installer.install(second.toFile());

        assertNull(context.getBundle(second.toUri().toString()));
    }

    @Test
    void uninstallsWhenTheFileGoes() throws IOException {
        Path file = bundle("app.jar", "org.acme.app", "1.0.0");
        installer.install(file.toFile());
        Files.delete(file);

        installer.uninstall(file.toFile());

        assertNull(context.getBundle(file.toUri().toString()));
    }

    private Path bundle(String name, String symbolicName, String version, String... headers) throws IOException {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.putValue(Constants.BUNDLE_MANIFESTVERSION, "2");
        main.putValue(Constants.BUNDLE_SYMBOLICNAME, symbolicName);
        main.putValue(Constants.BUNDLE_VERSION, version);
        for (int i = 0; i + 1 < headers.length; i += 2) {
            main.putValue(headers[i], headers[i + 1]);
        }
        return jar(deploy.resolve(name), manifest);
    }

    private static Path jar(Path file, Manifest manifest) throws IOException {
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        try (OutputStream out = Files.newOutputStream(file); JarOutputStream jar = new JarOutputStream(out, manifest)) {
            jar.flush();
        }
        return file;
    }
}
