package org.symphainy.runtime.internal.wal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

import org.eclipse.serializer.reference.Lazy;

/**
 * Reads records, segment by segment, up to the tip published when the read starts. Any thread, concurrently with the
 * writer: a filled segment never changes, and the last one is read through the published tip, bounded by its sequence.
 */
final class LogReader {

    /** Filled segments kept loaded after a read: a lookup of a recent record should not load its segment each time. */
    private static final int RECENT_SEGMENTS = 8;

    private final SegmentedLog log;
    private final Map<Long, Segment> recent = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Segment> eldest) {
            return size() > RECENT_SEGMENTS;
        }
    };

    /** A reader of {@code log}. */
    LogReader(SegmentedLog log) {
        this.log = log;
    }

    /** Passes the records from {@code from} to {@code to} (both included, as far as they exist) to {@code consumer}. */
    void read(long from, long to, Consumer<WalRecord> consumer) {
        LogTip tip = log.tip();
        long first = Math.max(from, 1);
        long last = Math.min(to, tip.lastSequence());
        int capacity = log.root().segmentCapacity();
        for (long index = (first - 1) / capacity; first <= last && index <= (last - 1) / capacity; index++) {
            if (index == tip.tailIndex()) {
                readSegment(tip.tail(), first, last, consumer);
            } else {
                readSegment(filled(index), first, last, consumer);
            }
        }
    }

    /**
     * A filled segment, loaded if need be. The stored graph lets go of it again at once (only the reader's few recent
     * ones stay in memory), so reading the whole log never holds more than a few segments.
     */
    private Segment filled(long index) {
        synchronized (recent) {
            Segment segment = recent.get(index);
            if (segment != null) {
                return segment;
            }
        }
        Lazy<Segment> reference = log.root().segment((int) index);
        boolean wasLoaded = reference.peek() != null;
        Segment segment = reference.get();
        if (!wasLoaded) {
            reference.clear();
        }
        synchronized (recent) {
            recent.put(index, segment);
        }
        return segment;
    }

    private static void readSegment(Segment segment, long first, long last, Consumer<WalRecord> consumer) {
        for (Chunk chunk : segment.chunksUpTo(last)) {
            if (chunk.lastSequence() < first) {
                continue;
            }
            RecordCursor cursor = new RecordCursor(chunk);
            while (cursor.next() && cursor.sequence() <= last) {
                if (cursor.sequence() >= first) {
                    consumer.accept(cursor.record());
                }
            }
        }
    }
}
