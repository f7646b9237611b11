package org.symphainy.runtime.internal.wal;

import java.nio.file.Path;
import java.util.List;

import org.eclipse.serializer.persistence.binary.types.Binary;
import org.eclipse.serializer.persistence.types.PersistenceTypeHandlerManager;
import org.eclipse.serializer.reference.Lazy;

import org.eclipse.serializer.reflect.ClassLoaderProvider;
import org.eclipse.store.storage.embedded.types.EmbeddedStorage;
import org.eclipse.store.storage.embedded.types.EmbeddedStorageFoundation;
import org.eclipse.store.storage.embedded.types.EmbeddedStorageManager;
import org.eclipse.store.storage.types.Storage;
import org.eclipse.store.storage.types.StorageConfiguration;

/**
 * Starts the EclipseStore storage behind a log: one channel (one writer needs no more), entity data cached for a minute
 * after its last read, this bundle's class loader for every persisted type, and for {@link Durability#FSYNC} a file
 * writer that forces each write ({@link ForcingFileWriter}): a configuration-level setting, not a JVM-wide property.
 */
final class WalStorage {

    private static final long CACHE_TIMEOUT_MILLIS = 60_000;
    private static final String TYPE_DICTIONARY = "PersistenceTypeDictionary.ptd";
    private static final List<Class<?>> PERSISTED_TYPES = List.of(WalRoot.class, Lazy[].class, Lazy.Default.class,
            Segment.class, Chunk.class, Chunk[].class, byte[].class);

    private WalStorage() {
    }

    /** A started storage in {@code directory}, forcing writes through {@code forcer} if {@code durability} says so. */
    static EmbeddedStorageManager start(Path directory, Durability durability, FileForcer forcer) {
        StorageConfiguration configuration = Storage.ConfigurationBuilder()
                .setStorageFileProvider(Storage.FileProvider(directory))
                .setChannelCountProvider(Storage.ChannelCountProvider(1))
                .setEntityCacheEvaluator(Storage.EntityCacheEvaluator(CACHE_TIMEOUT_MILLIS))
                .createConfiguration();
        EmbeddedStorageFoundation<?> foundation = EmbeddedStorage.Foundation(configuration);
        if (durability == Durability.FSYNC) {
            foundation.setWriterProvider(() -> new ForcingFileWriter(forcer));
        }
        ClassLoader loader = WalRoot.class.getClassLoader();
        foundation.onConnectionFoundation(
                connection -> connection.setClassLoaderProvider(ClassLoaderProvider.New(loader)));
        EmbeddedStorageManager storage = foundation.createEmbeddedStorageManager().start();
        try {
            registerTypes(foundation, directory, durability, forcer);
        } catch (RuntimeException | Error e) {
            storage.shutdown();
            throw e;
        }
        return storage;
    }

    /**
     * Puts every persisted type into EclipseStore's type dictionary now, and forces it: EclipseStore writes the
     * dictionary file on its own path (not through the file writer), the first time it stores a type, so otherwise
     * the first append would add types to a file nobody forces. A no-op once the types are there.
     */
    private static void registerTypes(EmbeddedStorageFoundation<?> foundation, Path directory, Durability durability,
            FileForcer forcer) {
        PersistenceTypeHandlerManager<Binary> types = foundation.getConnectionFoundation().getTypeHandlerManager();
        for (Class<?> type : PERSISTED_TYPES) {
            types.ensureTypeHandler(type);
        }
        if (durability == Durability.FSYNC) {
            forcer.force(directory.resolve(TYPE_DICTIONARY));
        }
    }
}
