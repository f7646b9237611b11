package org.symphainy.runtime.internal.wal;

import java.nio.ByteBuffer;

import org.eclipse.store.storage.types.StorageFile;
import org.eclipse.store.storage.types.StorageFileProvider;
import org.eclipse.store.storage.types.StorageImportSource;
import org.eclipse.store.storage.types.StorageLiveChannelFile;
import org.eclipse.store.storage.types.StorageLiveDataFile;
import org.eclipse.store.storage.types.StorageWriteController;
import org.eclipse.store.storage.types.StorageFileWriter;

/**
 * EclipseStore's file writer for {@link Durability#FSYNC}: every write, copy and truncation is forced to the device
 * before EclipseStore goes on. EclipseStore 2.1 forces nothing itself; it writes a commit's data file, then its
 * transaction log entry, so forcing each in turn means a transaction entry never reaches the device before the data it
 * vouches for, and a commit returns only once both are there: two forces per commit, whatever its number of records.
 */
final class ForcingFileWriter implements StorageFileWriter {

    private final FileForcer forcer;

    /** A writer forcing through {@code forcer}. */
    ForcingFileWriter(FileForcer forcer) {
        this.forcer = forcer;
    }

    @Override
    public long write(StorageFile file, Iterable<? extends ByteBuffer> buffers) {
        long written = file.writeBytes(buffers);
        forcer.force(file.file());
        return written;
    }

    @Override
    public long writeImport(StorageImportSource source, long sourceOffset, long copyLength,
            StorageLiveDataFile targetFile) {
        long written = StorageFileWriter.super.writeImport(source, sourceOffset, copyLength, targetFile);
        forcer.force(targetFile.file());
        return written;
    }

    @Override
    public long writeTransfer(StorageLiveDataFile sourceFile, long sourceOffset, long copyLength,
            StorageLiveDataFile targetFile) {
        long written = StorageFileWriter.super.writeTransfer(sourceFile, sourceOffset, copyLength, targetFile);
        forcer.force(targetFile.file());
        return written;
    }

    @Override
    public void truncate(StorageLiveChannelFile<?> file, long newLength, StorageFileProvider fileProvider) {
        StorageFileWriter.super.truncate(file, newLength, fileProvider);
        forcer.force(file.file());
    }

    @Override
    public void delete(StorageLiveDataFile file, StorageWriteController writeController,
            StorageFileProvider fileProvider) {
        forcer.forget(file.file());
        StorageFileWriter.super.delete(file, writeController, fileProvider);
    }
}
