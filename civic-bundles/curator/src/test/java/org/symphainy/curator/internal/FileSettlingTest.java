package org.symphainy.curator.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSettlingTest {

    @TempDir
    Path dir;

    @Test
    void aFileThatStopsChangingIsSettled() throws Exception {
        Path file = Files.writeString(dir.resolve("a.jar"), "whole");

        assertTrue(new FileSettling(20, 2_000).settled(file));
    }

    @Test
    void aWholeJarIsSettledAtOnceAndAPartOfOneIsNot() throws Exception {
        byte[] bundle = TestJars.bundle("org.acme.whole", "1.0.0", "acme.go 1.0.0");
        Path whole = Files.write(dir.resolve("whole.jar"), bundle);
        Path half = Files.write(dir.resolve("half.jar"), Arrays.copyOf(bundle, bundle.length / 2));
        Path text = Files.writeString(dir.resolve("text.jar"), "not a zip");

        assertTrue(FileSettling.wholeJar(whole));
        assertFalse(FileSettling.wholeJar(half), "a jar still being copied has no central directory yet");
        assertFalse(FileSettling.wholeJar(text));
        // the settling interval is never waited for a whole jar (this would take ten minutes otherwise)
        assertTimeoutPreemptively(Duration.ofMinutes(1), () -> assertTrue(new FileSettling(600_000, 900_000).settled(whole)));
    }

    @Test
    void aFileThatKeepsGrowingIsGivenUpOnAndAMissingOneIsNeverSettled() throws Exception {
        Path file = Files.writeString(dir.resolve("growing.jar"), "x");
        AtomicBoolean writing = new AtomicBoolean(true);
        Thread writer = new Thread(() -> {
            while (writing.get()) {
                try {
                    Files.writeString(file, "more", StandardOpenOption.APPEND);
                    Thread.sleep(2);
                } catch (Exception e) {
                    return;
                }
            }
        });
        writer.start();
        try {
            assertFalse(new FileSettling(30, 300).settled(file));
        } finally {
            writing.set(false);
            writer.join();
        }
        assertFalse(new FileSettling(20, 100).settled(dir.resolve("gone.jar")));
    }
}
