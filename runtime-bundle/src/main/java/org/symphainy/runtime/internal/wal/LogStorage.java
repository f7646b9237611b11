package org.symphainy.runtime.internal.wal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;

import org.eclipse.store.storage.embedded.types.EmbeddedStorageManager;

/**
 * A log's storage once opened: the started EclipseStore storage, its root (created on first use), the forcer counting
 * its forces and the verified {@link ChainState} to continue from.
 */
record LogStorage(EmbeddedStorageManager storage, WalRoot root, FileForcer forcer, ChainState state) {

    /** The EclipseStore storage's folder inside the log's directory. */
    static final String STORAGE_FOLDER = "storage";

    /** Starts the storage in {@code directory}, creates or checks its root and verifies its chain. */
    static LogStorage open(Path directory, WalOptions options, Consumer<WalRecord> verified) {
        FileForcer forcer = new FileForcer();
        EmbeddedStorageManager storage = start(directory, options, forcer);
        try {
            WalRoot root = root(storage, directory, options);
            return new LogStorage(storage, root, forcer, ChainVerifier.open(root, options.chainCheck(), directory, verified));
        } catch (RuntimeException | Error e) {
            storage.shutdown();
            throw e;
        }
    }

    private static EmbeddedStorageManager start(Path directory, WalOptions options, FileForcer forcer) {
        Path storageDirectory = directory.resolve(STORAGE_FOLDER);
        try {
            TransactionLogRepair.repair(storageDirectory);
        } catch (IOException e) {
            throw new WalException("cannot check the transaction log of the WAL's storage in " + storageDirectory
                    + " (" + e + "); check that the directory is readable and writable by this user", e);
        }
        try {
            return WalStorage.start(storageDirectory, options.durability(), forcer);
        } catch (RuntimeException e) {
            throw new WalException("cannot start the WAL's storage in " + storageDirectory + " (" + e
                    + "); if its files are damaged, restore the directory from a backup", e);
        }
    }

    private static WalRoot root(EmbeddedStorageManager storage, Path directory, WalOptions options) {
        Object root = storage.root();
        if (root == null) {
            WalRoot created = new WalRoot(options.segmentCapacity());
            storage.setRoot(created);
            storage.storeRoot();
            FileForcer.forceDirectory(directory);
            return created;
        }
        if (!(root instanceof WalRoot existing)) {
            throw new WalException(directory + " holds an EclipseStore storage that is not a WAL (its root is a "
                    + root.getClass().getName() + "); give the WAL a directory of its own");
        }
        if (existing.format() != WalRoot.FORMAT) {
            throw new WalException("the WAL in " + directory + " has format " + existing.format() + ", this runtime "
                    + "reads format " + WalRoot.FORMAT + "; open it with the runtime version that wrote it");
        }
        return existing;
    }
}
