package org.symphainy.runtime.internal.wal;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;

/**
 * A fixed-size run of records (the log's segment capacity), held as a chain of chunks. Persisted by EclipseStore behind
 * a {@code Lazy} reference of the root; an append stores a new chunk and this object's two changed fields. Only the
 * writer changes it, and only while it is the log's last segment. Once full it is sealed: an array of its chunks is
 * stored with it, so loading it again takes EclipseStore a few round trips instead of one per chunk of the chain.
 */
final class Segment {

    private final long firstSequence;
    private int count;
    private Chunk tail;
    private volatile Chunk[] sealed;

    /** An empty segment whose first record will be {@code firstSequence}. */
    Segment(long firstSequence) {
        this.firstSequence = firstSequence;
    }

    /** The sequence of its first record. */
    long firstSequence() {
        return firstSequence;
    }

    /** How many records it holds. */
    int count() {
        return count;
    }

    /** Its newest chunk, or null while empty. */
    Chunk tail() {
        return tail;
    }

    /** Adds the next chunk (the writer's job); seals the segment when it reaches {@code capacity}. */
    void append(Chunk chunk, int capacity) {
        tail = chunk;
        count += chunk.count();
        if (count >= capacity) {
            sealed = chain().toArray(new Chunk[0]);
        }
    }

    /** Whether it is full and sealed. */
    boolean isSealed() {
        return sealed != null;
    }

    /** Its chunks oldest first, leaving out any holding records after {@code lastSequence}. */
    Deque<Chunk> chunksUpTo(long lastSequence) {
        Deque<Chunk> chunks = sealed == null ? chain() : new ArrayDeque<>(Arrays.asList(sealed));
        while (!chunks.isEmpty() && chunks.peekLast().firstSequence() > lastSequence) {
            chunks.removeLast();
        }
        return chunks;
    }

    private Deque<Chunk> chain() {
        Deque<Chunk> chunks = new ArrayDeque<>();
        for (Chunk chunk = tail; chunk != null; chunk = chunk.previous()) {
            chunks.addFirst(chunk);
        }
        return chunks;
    }
}
