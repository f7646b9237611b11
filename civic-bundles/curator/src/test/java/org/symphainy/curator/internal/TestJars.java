package org.symphainy.curator.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.osgi.framework.Constants;

/** Jars made in memory for the deployer's tests: bundles with the headers a test gives, and things that are not. */
final class TestJars {

    private TestJars() {
    }

    /** A bundle {@code symbolicName} {@code version} declaring {@code intent} ("type 1.0.0") if not null. */
    static byte[] bundle(String symbolicName, String version, String intent) {
        Map<String, String> headers = new java.util.LinkedHashMap<>();
        headers.put(Constants.BUNDLE_MANIFESTVERSION, "2");
        headers.put(Constants.BUNDLE_SYMBOLICNAME, symbolicName);
        headers.put(Constants.BUNDLE_VERSION, version);
        if (intent != null) {
            String[] parts = intent.split(" ");
            headers.put(Constants.PROVIDE_CAPABILITY,
                    "symphainy.intent;symphainy.intent=\"" + parts[0] + "\";version:Version=\"" + parts[1] + "\"");
        }
        return jar(headers);
    }

    /** A jar whose manifest has exactly {@code headers} (and Manifest-Version). */
    static byte[] jar(Map<String, String> headers) {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        headers.forEach(main::putValue);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(bytes, manifest)) {
            jar.putNextEntry(new JarEntry("readme.txt"));
            jar.write("a test bundle".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            jar.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** A zip without a manifest. */
    static byte[] zipWithoutManifest() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("readme.txt"));
            zip.write(1);
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
