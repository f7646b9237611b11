package org.symphainy.runtime.internal.wal;

import java.util.function.Consumer;

import org.eclipse.serializer.reference.Lazy;

/**
 * Reads records, segment by segment, up to the tip published when the read starts. Any thread, concurrently with the
 * writer: a filled segment never changes, and the last one is read through the published tip, bounded by its sequence.
 */
final class LogReader {

    private final SegmentedLog log;

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
                readFilled(log.root().segment((int) index), first, last, consumer);
            }
        }
    }

    private static void readFilled(Lazy<Segment> reference, long first, long last, Consumer<WalRecord> consumer) {
        boolean wasLoaded = reference.peek() != null;
        try {
            readSegment(reference.get(), first, last, consumer);
        } finally {
            if (!wasLoaded) {
                reference.clear();
            }
        }
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
