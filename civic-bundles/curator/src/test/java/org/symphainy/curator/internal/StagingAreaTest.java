package org.symphainy.curator.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Constants;
import org.symphainy.sdk.deploy.StagedBundle;
import org.symphainy.sdk.intent.ErrorCode;
import org.symphainy.sdk.intent.IntentException;

/** Staging checks a jar before keeping it, and keeps it whole under its hash. */
class StagingAreaTest {

    @TempDir
    Path data;

    private StagingArea staging() {
        return new StagingArea(data.resolve("staging"), 64 * 1024);
    }

    @Test
    void keepsABundleUnderItsSha256WithWhatItDeclares() throws Exception {
        byte[] jar = TestJars.bundle("org.acme.orders", "1.2.0", "acme.orders.place 1.0.0");

        StagedBundle staged = staging().stage("uploads/orders.jar", new ByteArrayInputStream(jar));

        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(jar));
        assertEquals(sha, staged.sha256());
        assertEquals("orders.jar", staged.fileName());
        assertEquals(jar.length, staged.size());
        assertEquals("org.acme.orders", staged.symbolicName());
        assertEquals("1.2.0", staged.version());
        assertEquals(List.of("acme.orders.place 1.0.0"), staged.declaredIntents());
        assertArrayEquals(jar, Files.readAllBytes(data.resolve("staging").resolve(sha + ".jar")));
        assertEquals(Optional.of(staged), staging().staged(sha));
        assertEquals(List.of(sha + ".jar", sha + ".name"), files(), "no temporary file is left behind");
    }

    @Test
    void readsRequiredIntentFilters() {
        byte[] jar = TestJars.jar(Map.of(Constants.BUNDLE_SYMBOLICNAME, "org.acme.ui", Constants.BUNDLE_VERSION, "1.0.0",
                Constants.REQUIRE_CAPABILITY, "symphainy.intent;filter:=\"(symphainy.intent=acme.orders.place)\","
                        + "osgi.ee;filter:=\"(osgi.ee=JavaSE)\""));

        StagedBundle staged = staging().stage("ui.jar", new ByteArrayInputStream(jar));

        assertEquals(List.of("(symphainy.intent=acme.orders.place)"), staged.requiredIntents());
    }

    @Test
    void refusesWhatIsNotAJar() {
        assertProblem("is not a jar", "hello".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void refusesAnEmptyUpload() {
        assertProblem("is empty", new byte[0]);
    }

    @Test
    void refusesAJarWithoutAManifest() {
        assertProblem("has no META-INF/MANIFEST.MF", TestJars.zipWithoutManifest());
    }

    @Test
    void refusesAJarWithoutABundleSymbolicName() {
        assertProblem("no Bundle-SymbolicName", TestJars.jar(Map.of(Constants.BUNDLE_VERSION, "1.0.0")));
    }

    @Test
    void refusesABadBundleVersion() {
        assertProblem("Bundle-Version '1.x'",
                TestJars.jar(Map.of(Constants.BUNDLE_SYMBOLICNAME, "org.acme.x", Constants.BUNDLE_VERSION, "1.x")));
    }

    @Test
    void refusesAMalformedIntentCapability() {
        assertProblem("intent type 'Not A Type'", TestJars.jar(Map.of(Constants.BUNDLE_SYMBOLICNAME, "org.acme.x",
                Constants.PROVIDE_CAPABILITY, "symphainy.intent;symphainy.intent=\"Not A Type\";version:Version=1.0.0")));
        assertProblem("with version 'one'", TestJars.jar(Map.of(Constants.BUNDLE_SYMBOLICNAME, "org.acme.x",
                Constants.PROVIDE_CAPABILITY, "symphainy.intent;symphainy.intent=\"acme.x\";version:Version=one")));
        assertProblem("not a valid LDAP filter", TestJars.jar(Map.of(Constants.BUNDLE_SYMBOLICNAME, "org.acme.x",
                Constants.REQUIRE_CAPABILITY, "symphainy.intent;filter:=\"(symphainy.intent=acme.x\"")));
        assertProblem("malformed Provide-Capability", TestJars.jar(Map.of(Constants.BUNDLE_SYMBOLICNAME, "org.acme.x",
                Constants.PROVIDE_CAPABILITY, "symphainy.intent;symphainy.intent=\"acme.x")));
    }

    @Test
    void refusesAJarLargerThanTheCapAndKeepsNothing() throws IOException {
        StagingArea small = new StagingArea(data.resolve("staging"), 100);
        byte[] jar = TestJars.bundle("org.acme.big", "1.0.0", null);

        IntentException e = assertThrows(IntentException.class, () -> small.stage("big.jar", new ByteArrayInputStream(jar)));

        assertEquals(ErrorCode.PAYLOAD_INVALID, e.code());
        assertTrue(e.getMessage().contains("larger than the 100 bytes"), e.getMessage());
        assertEquals(List.of(), files());
    }

    @Test
    void aMalformedHashNamesNoStagedJar() {
        staging().stage("a.jar", new ByteArrayInputStream(TestJars.bundle("org.acme.a", "1.0.0", null)));

        assertEquals(Optional.empty(), staging().staged("../staging/x"));
        assertEquals(Optional.empty(), staging().staged("0".repeat(64)));
    }

    private void assertProblem(String expected, byte[] jar) {
        IntentException e = assertThrows(IntentException.class,
                () -> staging().stage("upload.jar", new ByteArrayInputStream(jar)));
        assertEquals(ErrorCode.PAYLOAD_INVALID, e.code());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertTrue(e.getMessage().contains("'upload.jar'"), e.getMessage());
        try {
            assertEquals(List.of(), files(), "a refused jar is not kept");
        } catch (IOException io) {
            throw new java.io.UncheckedIOException(io);
        }
    }

    private List<String> files() throws IOException {
        Path directory = data.resolve("staging");
        if (!Files.exists(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
