package org.symphainy.runtime.internal.wal;

import java.util.Arrays;

import org.eclipse.serializer.reference.Lazy;

/**
 * The stored root of a log: its format, its segment capacity and the {@code Lazy} references to its segments, in order.
 * The reference array is stored again only when a segment is added (once per segment capacity records).
 */
final class WalRoot {

    /** The layout this code writes and reads. */
    static final int FORMAT = 1;

    private final int format;
    private final int segmentCapacity;
    private Lazy<Segment>[] segments;
    private int segmentCount;

    /** An empty log whose segments hold {@code segmentCapacity} records each. */
    WalRoot(int segmentCapacity) {
        this.format = FORMAT;
        this.segmentCapacity = segmentCapacity;
        this.segments = newArray(16);
    }

    /** The layout it was written in. */
    int format() {
        return format;
    }

    /** Records per segment, fixed when the log was created. */
    int segmentCapacity() {
        return segmentCapacity;
    }

    /** How many segments it has. */
    int segmentCount() {
        return segmentCount;
    }

    /** The reference to segment {@code index} (0 holds sequences 1 to the capacity). */
    Lazy<Segment> segment(int index) {
        if (index < 0 || index >= segmentCount) {
            throw new IndexOutOfBoundsException("segment " + index + " of " + segmentCount);
        }
        return segments[index];
    }

    /** Adds the reference to a new last segment; store the root and {@link #segmentArray()} with it. */
    void add(Lazy<Segment> segment) {
        if (segmentCount == segments.length) {
            segments = Arrays.copyOf(segments, segments.length * 2);
        }
        segments[segmentCount++] = segment;
    }

    /** The array holding the references, as EclipseStore stores it. */
    Object segmentArray() {
        return segments;
    }

    @SuppressWarnings("unchecked")
    private static Lazy<Segment>[] newArray(int length) {
        return (Lazy<Segment>[]) new Lazy<?>[length];
    }
}
