package org.symphainy.runtime.internal.wal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The operating-system lock on {@code wal.lock} that keeps a second log (in this process or another) out of a
 * directory. The system drops it when the process dies, even by {@code kill -9}, so a crash never leaves it stale.
 */
final class DirectoryLock implements AutoCloseable {

    /** The lock file's name inside the log's directory. */
    static final String FILE_NAME = "wal.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private DirectoryLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the lock on {@code directory}, or throws {@link WalException} saying who may hold it. */
    static DirectoryLock acquire(Path directory) {
        Path file = directory.resolve(FILE_NAME);
        FileChannel channel = null;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock != null) {
                return new DirectoryLock(channel, lock);
            }
        } catch (OverlappingFileLockException e) {
            // this process holds it already: reported below
        } catch (IOException e) {
            closeQuietly(channel);
            throw new WalException("cannot lock the WAL directory " + directory + " (" + e.getMessage()
                    + "); check that it is writable by this user", e);
        }
        closeQuietly(channel);
        throw new WalException("the WAL in " + directory + " is already open (" + file + " is locked by this or "
                + "another process); close that log, or give this one a directory of its own");
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException e) {
            // closing the channel below releases it as well
        }
        closeQuietly(channel);
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        } catch (IOException e) {
            // nothing more to release
        }
    }
}
