package org.symphainy.runtime.internal.wal;

import java.time.Clock;
import java.util.List;

/** Packs waiting appends into chunks: numbers them, stamps them with the clock and chains their hashes. Writer only. */
final class BatchEncoder {

    private final ChainHasher hasher = new ChainHasher();
    private final Clock clock;
    private byte[] previousHash;
    private int previousHashOffset;

    /** An encoder chaining on from the hash at {@code previousHashOffset} in {@code previousHash}. */
    BatchEncoder(Clock clock, byte[] previousHash, int previousHashOffset) {
        this.clock = clock;
        this.previousHash = previousHash;
        this.previousHashOffset = previousHashOffset;
    }

    /** Encodes {@code count} appends from index {@code from} as the records from {@code firstSequence}. */
    Chunk encode(Chunk previous, long firstSequence, List<PendingAppend> appends, int from, int count) {
        int size = 0;
        for (int i = from; i < from + count; i++) {
            size = Math.addExact(size, RecordCursor.encodedSize(appends.get(i).payload().length));
        }
        byte[] bytes = new byte[size];
        int offset = 0;
        for (int i = 0; i < count; i++) {
            byte[] payload = appends.get(from + i).payload();
            RecordCursor.writeHeader(bytes, offset, appends.get(from + i).type(), clock.millis(), payload.length);
            System.arraycopy(payload, 0, bytes, offset + RecordCursor.HEADER_BYTES, payload.length);
            int contentLength = RecordCursor.HEADER_BYTES + payload.length;
            int hashOffset = offset + contentLength;
            hasher.hash(previousHash, previousHashOffset, firstSequence + i, bytes, offset, contentLength, bytes,
                    hashOffset);
            previousHash = bytes;
            previousHashOffset = hashOffset;
            offset = hashOffset + ChainHasher.HASH_BYTES;
        }
        return new Chunk(previous, firstSequence, count, bytes);
    }
}
