package org.symphainy.runtime.internal.wal;

/**
 * The records one commit added to one segment, packed into bytes (layout in {@link RecordCursor}) and chained to the
 * segment's chunk before it. Persisted by EclipseStore; never changed once written.
 */
final class Chunk {

    private final Chunk previous;
    private final long firstSequence;
    private final int count;
    private final byte[] records;

    /** {@code count} records from {@code firstSequence}, after {@code previous} (null for a segment's first). */
    Chunk(Chunk previous, long firstSequence, int count, byte[] records) {
        this.previous = previous;
        this.firstSequence = firstSequence;
        this.count = count;
        this.records = records;
    }

    /** The segment's chunk before this one, or null. */
    Chunk previous() {
        return previous;
    }

    /** The sequence of its first record. */
    long firstSequence() {
        return firstSequence;
    }

    /** The sequence of its last record. */
    long lastSequence() {
        return firstSequence + count - 1;
    }

    /** How many records it holds. */
    int count() {
        return count;
    }

    /** The packed records themselves (not a copy: never change them). */
    byte[] records() {
        return records;
    }
}
