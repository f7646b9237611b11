package org.symphainy.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RollingLogFileTest {

    @TempDir
    Path dir;

    @Test
    void rollsBySizeKeepsTheNewestFilesAndNeverSplitsAWrite() throws Exception {
        Path file = dir.resolve("symphainy.log");
        try (RollingLogFile log = new RollingLogFile(file, 100, 2)) {
            for (int i = 0; i < 10; i++) {
                log.write(String.format("line %02d %s%n", i, "x".repeat(30)).getBytes(StandardCharsets.UTF_8));
            }
        }

        // 39-byte lines, 100-byte files: two lines a file
        assertEquals(String.format("line 08 %1$s%nline 09 %1$s%n", "x".repeat(30)), Files.readString(file));
        assertTrue(Files.readString(dir.resolve("symphainy.log.1")).startsWith("line 06"));
        assertTrue(Files.readString(dir.resolve("symphainy.log.2")).startsWith("line 04"));
        assertFalse(Files.exists(dir.resolve("symphainy.log.3")), "only two old files are kept");
        for (String name : new String[] {"symphainy.log", "symphainy.log.1", "symphainy.log.2"}) {
            for (String line : Files.readAllLines(dir.resolve(name))) {
                assertTrue(line.matches("line \\d\\d x{30}"), "split line in " + name + ": " + line);
            }
        }
    }

    @Test
    void appendsToTheFileOfAnEarlierRun() throws Exception {
        Path file = dir.resolve("symphainy.log");
        Files.writeString(file, "earlier\n");
        try (RollingLogFile log = new RollingLogFile(file, 1000, 2)) {
            log.write("later\n".getBytes(StandardCharsets.UTF_8));
        }

        assertEquals("earlier\nlater\n", Files.readString(file));
    }
}
