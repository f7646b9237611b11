package org.symphainy.curator.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Version;
import org.symphainy.curator.internal.DroppedFile.Kind;

class DroppedFileTest {

    @TempDir
    Path dir;

    @Test
    void aBundleJarIsABundleWithItsNameAndVersion() throws IOException {
        DroppedFile file = DroppedFile.inspect(jar("app.jar", "org.acme.app;singleton:=true", "2.1.0.beta"));

        assertEquals(Kind.BUNDLE, file.kind());
        assertEquals("org.acme.app", file.symbolicName());
        assertEquals(new Version(2, 1, 0, "beta"), file.version());
    }

    @Test
    void aFileThatIsNotAJarIsIgnoredWithAReason() throws IOException {
        DroppedFile file = DroppedFile.inspect(Files.writeString(dir.resolve("readme.md"), "# hi"));

        assertEquals(Kind.IGNORED, file.kind());
        assertTrue(file.reason().startsWith("not a jar"), file.reason());
    }

    @Test
    void aCorruptJarIsRejectedWithAdviceAboutCopying() throws IOException {
        DroppedFile file = DroppedFile.inspect(Files.write(dir.resolve("half.jar"), new byte[] {'P', 'K', 3, 4, 0}));

        assertEquals(Kind.REJECTED, file.kind());
        assertTrue(file.reason().startsWith("not a readable jar") && file.reason().contains("rename it into the deploy folder"),
                file.reason());
    }

    @Test
    void aJarWithoutBundleHeadersIsRejected() throws IOException {
        DroppedFile file = DroppedFile.inspect(jar("plain.jar", null, null));

        assertEquals(Kind.REJECTED, file.kind());
        assertTrue(file.reason().contains("no Bundle-SymbolicName"), file.reason());
    }

    @Test
    void aMalformedVersionIsRejectedNamingTheVersion() throws IOException {
        DroppedFile file = DroppedFile.inspect(jar("bad.jar", "org.acme.bad", "one.two"));

        assertEquals(Kind.REJECTED, file.kind());
        assertTrue(file.reason().contains("Bundle-Version 'one.two', which is not an OSGi version"), file.reason());
    }

    @Test
    void aMalformedIntentCapabilityIsRejectedAsInStaging() throws IOException {
        DroppedFile file = DroppedFile.inspect(jar("intents.jar", "org.acme.intents", "1.0.0",
                "symphainy.intent;symphainy.intent=\"Not A Type\";version:Version=\"1.0.0\""));

        assertEquals(Kind.REJECTED, file.kind());
        assertTrue(file.reason().contains("intent type 'Not A Type' is not a dotted lower-case name"), file.reason());
    }

    private Path jar(String name, String symbolicName, String version) throws IOException {
        return jar(name, symbolicName, version, null);
    }

    private Path jar(String name, String symbolicName, String version, String provided) throws IOException {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        if (symbolicName != null) {
            main.putValue("Bundle-SymbolicName", symbolicName);
        }
        if (version != null) {
            main.putValue("Bundle-Version", version);
        }
        if (provided != null) {
            main.putValue("Provide-Capability", provided);
        }
        Path file = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(file); JarOutputStream jar = new JarOutputStream(out, manifest)) {
            jar.flush();
        }
        return file;
    }
}
