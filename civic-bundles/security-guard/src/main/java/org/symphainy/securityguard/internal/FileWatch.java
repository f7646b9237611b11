package org.symphainy.securityguard.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Notices that a file changed on disk, looking at most once a second (its modification time, size and file key), so
 * callers on a request path can ask on every request. Thread-safe; {@link #changed()} answers true once per change.
 */
final class FileWatch {

    private static final long INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final Path file;
    private final LongSupplier nanoTime;
    private volatile long nextLook;
    private Stamp seen;

    /** A watch that takes the file's current state as already seen. */
    FileWatch(Path file, LongSupplier nanoTime) {
        this.file = file;
        this.nanoTime = nanoTime;
        this.seen = stamp(file);
        this.nextLook = nanoTime.getAsLong() + INTERVAL_NANOS;
    }

    /** True if the file changed since the last look that said so (or since {@link #seenNow()}); looks once a second. */
    boolean changed() {
        long now = nanoTime.getAsLong();
        if (now - nextLook < 0) {
            return false;
        }
        synchronized (this) {
            if (now - nextLook < 0) {
                return false;
            }
            nextLook = now + INTERVAL_NANOS;
            Stamp current = stamp(file);
            if (Objects.equals(current, seen)) {
                return false;
            }
            seen = current;
            return true;
        }
    }

    /** Takes the file's current state as seen: after this bundle wrote it itself. */
    synchronized void seenNow() {
        seen = stamp(file);
    }

    private static Stamp stamp(Path file) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return new Stamp(attributes.lastModifiedTime().toMillis(), attributes.size(), attributes.fileKey());
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            return new Stamp(-1, -1, e.getClass().getName());
        }
    }

    private record Stamp(long modified, long size, Object fileKey) {
    }
}
