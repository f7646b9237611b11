package org.symphainy.curator.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.zip.ZipFile;

/**
 * Waits until a dropped file stops changing — the same size and modification time over a settling interval — so a jar
 * still being copied is never read half. Bounded: a file that keeps changing is given up on. A jar that is whole already
 * (its central directory, written last, reads back, and the file did not change meanwhile: an atomic move, or a copy
 * that finished before FileInstall's scan saw it twice unchanged) is settled at once.
 */
final class FileSettling {

    private final long settleMillis;
    private final long maxMillis;

    FileSettling(long settleMillis, long maxMillis) {
        this.settleMillis = Math.max(10, settleMillis);
        this.maxMillis = Math.max(this.settleMillis, maxMillis);
    }

    /** True once {@code path} stayed unchanged for the settling interval; false if it kept changing or is gone. */
    boolean settled(Path path) {
        long deadline = System.nanoTime() + maxMillis * 1_000_000;
        String before = stamp(path);
        if (before != null && wholeJar(path) && before.equals(stamp(path))) {
            return true;
        }
        while (before != null) {
            try {
                Thread.sleep(settleMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            String after = stamp(path);
            if (before.equals(after)) {
                return true;
            }
            if (System.nanoTime() > deadline) {
                return false;
            }
            before = after;
        }
        return false;
    }

    long maxMillis() {
        return maxMillis;
    }

    /** True if {@code path} reads as a complete zip: its end record and central directory are there and parse. */
    static boolean wholeJar(Path path) {
        try (ZipFile zip = new ZipFile(path.toFile())) {
            return zip.size() > 0;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static String stamp(Path path) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
            return attributes.size() + "/" + attributes.lastModifiedTime().toMillis();
        } catch (IOException e) {
            return null;
        }
    }
}
