package org.symphainy.runtime.internal.wal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Walks the records packed in a chunk without copying them. Each record is, big-endian: type (int), timestamp millis
 * (long), payload length (int), payload, hash (32 bytes); records follow each other with nothing between them.
 */
final class RecordCursor {

    /** Bytes before a record's payload. */
    static final int HEADER_BYTES = 16;

    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private final byte[] bytes;
    private final long firstSequence;
    private final int count;
    private int index = -1;
    private int offset;
    private int nextOffset;

    /** A cursor before the first record of {@code chunk}. */
    RecordCursor(Chunk chunk) {
        this.bytes = chunk.records();
        this.firstSequence = chunk.firstSequence();
        this.count = chunk.count();
    }

    /** Bytes a record with {@code payloadLength} bytes of payload takes in a chunk. */
    static int encodedSize(int payloadLength) {
        return HEADER_BYTES + payloadLength + ChainHasher.HASH_BYTES;
    }

    /** Writes a record's header at {@code offset}. */
    static void writeHeader(byte[] bytes, int offset, int type, long timestampMillis, int payloadLength) {
        INT.set(bytes, offset, type);
        LONG.set(bytes, offset + 4, timestampMillis);
        INT.set(bytes, offset + 12, payloadLength);
    }

    /** Moves to the next record; false after the last. Throws {@link IllegalStateException} if it overruns. */
    boolean next() {
        if (index + 1 >= count) {
            return false;
        }
        index++;
        offset = nextOffset;
        if (offset < 0 || offset > bytes.length - HEADER_BYTES) {
            throw new IllegalStateException("its header lies outside its chunk's " + bytes.length + " bytes");
        }
        int length = payloadLength();
        if (length < 0 || length > bytes.length - offset - encodedSize(0)) {
            throw new IllegalStateException("its payload length " + length + " overruns its chunk");
        }
        nextOffset = offset + encodedSize(length);
        return true;
    }

    /** Whether the cursor is past the last record and the records used up the chunk's bytes exactly. */
    boolean endsExactly() {
        return index == count - 1 && nextOffset == bytes.length;
    }

    /** The current record's sequence. */
    long sequence() {
        return firstSequence + index;
    }

    /** The current record's type. */
    int type() {
        return (int) INT.get(bytes, offset);
    }

    /** The current record's timestamp. */
    long timestampMillis() {
        return (long) LONG.get(bytes, offset + 4);
    }

    /** The current record's payload length. */
    int payloadLength() {
        return (int) INT.get(bytes, offset + 12);
    }

    /** Where the current record starts in {@link #bytes()}. */
    int offset() {
        return offset;
    }

    /** Bytes of header and payload of the current record (what its hash covers after the chain and sequence). */
    int contentLength() {
        return HEADER_BYTES + payloadLength();
    }

    /** Where the current record's hash starts in {@link #bytes()}. */
    int hashOffset() {
        return offset + contentLength();
    }

    /** The chunk's bytes (not a copy: never change them). */
    byte[] bytes() {
        return bytes;
    }

    /** The current record, copied out. */
    WalRecord record() {
        int payloadOffset = offset + HEADER_BYTES;
        byte[] payload = Arrays.copyOfRange(bytes, payloadOffset, payloadOffset + payloadLength());
        byte[] hash = Arrays.copyOfRange(bytes, hashOffset(), hashOffset() + ChainHasher.HASH_BYTES);
        return new WalRecord(sequence(), type(), timestampMillis(), payload, hash);
    }
}
