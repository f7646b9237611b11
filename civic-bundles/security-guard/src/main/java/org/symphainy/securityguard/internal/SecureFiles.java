package org.symphainy.securityguard.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes files only their owner may read: the key file and the bootstrap administrator's credential. A file is written
 * under a temporary name in the same directory, forced to disk, then renamed over the target in one atomic step, so a
 * reader (or a crash) sees the old content or the new, never half of it. On POSIX file systems the file is created
 * {@code rw-------} and its directory {@code rwx------}; elsewhere the owner-only flags of {@link java.io.File} are the
 * best the platform offers.
 */
final class SecureFiles {

    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private SecureFiles() {
    }

    /** Replaces {@code target} with {@code content} atomically, readable by the owner only. */
    static void writeAtomically(Path target, byte[] content) throws IOException {
        Path directory = target.toAbsolutePath().getParent();
        createOwnerOnlyDirectories(directory);
        Path temporary = POSIX
                ? Files.createTempFile(directory, "." + target.getFileName(), ".tmp", ownerOnly("rw-------"))
                : Files.createTempFile(directory, "." + target.getFileName(), ".tmp");
        try {
            restrict(temporary);
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            move(temporary, target);
        } finally {
            Files.deleteIfExists(temporary);
        }
        forceDirectory(directory);
    }

    /** Creates {@code directory} and its missing parents; the ones created are {@code rwx------} on POSIX. */
    static void createOwnerOnlyDirectories(Path directory) throws IOException {
        if (Files.isDirectory(directory)) {
            return;
        }
        Path parent = directory.getParent();
        if (parent != null) {
            createOwnerOnlyDirectories(parent);
        }
        if (POSIX) {
            Files.createDirectory(directory, ownerOnly("rwx------"));
        } else {
            Files.createDirectory(directory);
            restrict(directory);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Makes the rename durable where the platform lets a directory be forced (Linux, macOS); elsewhere a no-op. */
    private static void forceDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Windows cannot open a directory as a channel; the rename is as durable as NTFS makes it
        }
    }

    private static void restrict(Path path) {
        if (!POSIX) {
            java.io.File file = path.toFile();
            file.setReadable(false, false);
            file.setWritable(false, false);
            file.setReadable(true, true);
            file.setWritable(true, true);
        }
    }

    private static FileAttribute<?> ownerOnly(String permissions) {
        return PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(permissions));
    }
}
