package org.symphainy.runtime.internal.wal;

import java.nio.file.Path;
import java.util.function.BiConsumer;

import org.eclipse.store.storage.embedded.types.EmbeddedStorageManager;

/** Changes stored records behind the log's back, through EclipseStore itself, as an attacker with file access could. */
final class Tamperer {

    private Tamperer() {
    }

    /** Flips one bit of the payload of record {@code sequence} in the closed log in {@code directory}. */
    static void flipPayloadBit(Path directory, long sequence) {
        change(directory, sequence, (bytes, cursor) -> bytes[cursor.offset() + RecordCursor.HEADER_BYTES] ^= 1);
    }

    /** Changes the timestamp of record {@code sequence}. */
    static void shiftTimestamp(Path directory, long sequence) {
        change(directory, sequence, (bytes, cursor) -> bytes[cursor.offset() + 11] ^= 1);
    }

    /** Overwrites the stored hash of record {@code sequence} with zeros. */
    static void zeroHash(Path directory, long sequence) {
        change(directory, sequence, (bytes, cursor) -> {
            for (int i = 0; i < ChainHasher.HASH_BYTES; i++) {
                bytes[cursor.hashOffset() + i] = 0;
            }
        });
    }

    private static void change(Path directory, long sequence, BiConsumer<byte[], RecordCursor> change) {
        EmbeddedStorageManager storage = WalFixtures.openStorage(directory);
        try {
            WalRoot root = (WalRoot) storage.root();
            Segment segment = root.segment((int) ((sequence - 1) / root.segmentCapacity())).get();
            for (Chunk chunk : segment.chunksUpTo(sequence)) {
                RecordCursor cursor = new RecordCursor(chunk);
                while (cursor.next()) {
                    if (cursor.sequence() == sequence) {
                        change.accept(chunk.records(), cursor);
                        storage.store(chunk.records());
                        return;
                    }
                }
            }
            throw new IllegalArgumentException("no record " + sequence + " to tamper with");
        } finally {
            storage.shutdown();
        }
    }
}
