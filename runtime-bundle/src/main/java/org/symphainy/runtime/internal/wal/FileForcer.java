package org.symphainy.runtime.internal.wal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import org.eclipse.serializer.afs.types.AFile;
import org.eclipse.store.afs.nio.types.NioFileSystem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Forces files EclipseStore has written to the device, and, the first time it meets a file, the directories that hold
 * it (so a new file's name survives a power loss too). Counts the file forces.
 *
 * <p>EclipseStore keeps its file channels to itself, so this opens its own channel on the same file: {@code force} (on
 * Linux {@code fdatasync}, which includes the file's length) flushes the file's data whichever descriptor wrote it.
 */
final class FileForcer {

    private static final Logger LOG = LoggerFactory.getLogger(FileForcer.class);

    private final LongAdder forces = new LongAdder();
    private final Set<Path> known = ConcurrentHashMap.newKeySet();

    /** Forces {@code file} (an EclipseStore NIO file) to the device. */
    void force(AFile file) {
        force(((NioFileSystem) file.fileSystem()).ioHandler().toPath(file));
    }

    /** Forces the file at {@code path} to the device. */
    void force(Path path) {
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.WRITE)) {
            channel.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot force " + path + " to the device: " + e.getMessage(), e);
        }
        forces.increment();
        if (known.add(path)) {
            forceDirectory(path.getParent());
            forceDirectory(path.getParent().getParent());
        }
    }

    /** Forgets {@code file}, about to be deleted. */
    void forget(AFile file) {
        known.remove(((NioFileSystem) file.fileSystem()).ioHandler().toPath(file));
    }

    /** Files forced so far. */
    long forces() {
        return forces.sum();
    }

    /** Forces a directory's entries to the device, where the platform allows it (not on Windows). */
    static void forceDirectory(Path directory) {
        if (directory == null) {
            return;
        }
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            LOG.debug("cannot force directory {} (this platform may not allow it): {}", directory, e.toString());
        }
    }
}
