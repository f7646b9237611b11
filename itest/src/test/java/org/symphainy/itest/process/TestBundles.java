package org.symphainy.itest.process;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/** Bundle jars made on the fly: a manifest is all a bundle needs to install, resolve and start. */
final class TestBundles {

    private TestBundles() {
    }

    /** A bundle {@code symbolicName} {@code version}, with extra manifest headers given as name, value pairs. */
    static Path bundle(Path dir, String symbolicName, String version, String... headers) throws IOException {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", symbolicName);
        main.putValue("Bundle-Version", version);
        for (int i = 0; i + 1 < headers.length; i += 2) {
            main.putValue(headers[i], headers[i + 1]);
        }
        return jar(dir.resolve(symbolicName + "-" + version + ".jar"), manifest);
    }

    /** A valid jar whose manifest has no bundle headers. */
    static Path plainJar(Path dir) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        return jar(dir.resolve("plain.jar"), manifest);
    }

    /** A file named .jar that is not a zip at all. */
    static Path corruptJar(Path dir) throws IOException {
        byte[] noise = new byte[4096];
        new java.util.Random(42).nextBytes(noise);
        return Files.write(dir.resolve("corrupt.jar"), noise);
    }

    private static Path jar(Path file, Manifest manifest) throws IOException {
        try (OutputStream out = Files.newOutputStream(file); JarOutputStream jar = new JarOutputStream(out, manifest)) {
            jar.flush();
        }
        return file;
    }
}
