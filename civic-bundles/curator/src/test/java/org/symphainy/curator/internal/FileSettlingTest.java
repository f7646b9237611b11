package org.symphainy.curator.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
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
