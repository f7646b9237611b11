package org.symphainy.runtime.internal.wal;

import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens a log's stored graph: checks its structure (contiguous sequences, full segments, chunks that add up) and its
 * hash chain record by record, and finds where appending continues. One segment is verified while the next one loads;
 * no more than these two are in memory.
 */
final class ChainVerifier {

    private static final Logger LOG = LoggerFactory.getLogger(ChainVerifier.class);

    private final WalRoot root;
    private final Path directory;
    private final ChainHasher hasher = new ChainHasher();
    private final Consumer<WalRecord> verified;
    private long expected = 1;
    private byte[] previousHash = ChainHasher.genesis();
    private int previousHashOffset;

    private ChainVerifier(WalRoot root, Path directory, Consumer<WalRecord> verified) {
        this.root = root;
        this.directory = directory;
        this.verified = verified;
    }

    /**
     * The state to continue from, after {@code check}; throws {@link BrokenChainException} for REQUIRE_INTACT. Each
     * record that verifies is passed to {@code verified} (if not null) in order, so a caller that rebuilds its state
     * from the log reads it once, not twice; after a break (REPORT_BROKEN) the rest is for the caller to read.
     */
    static ChainState open(WalRoot root, ChainCheck check, Path directory, Consumer<WalRecord> verified) {
        if (check == ChainCheck.SKIP) {
            return lastRecord(root, directory);
        }
        try {
            return new ChainVerifier(root, directory, verified).verifyAll();
        } catch (BrokenChainException e) {
            if (check == ChainCheck.REQUIRE_INTACT) {
                throw e;
            }
            LOG.error("{} Opening it anyway (chain check REPORT_BROKEN): new records chain on from the last one.",
                    e.getMessage());
            return lastRecord(root, directory).brokenAt(e.firstBadSequence());
        }
    }

    private ChainState verifyAll() {
        int count = root.segmentCount();
        ExecutorService prefetcher = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "symphainy-wal-verify-prefetch");
            thread.setDaemon(true);
            return thread;
        });
        try {
            Segment segment = null;
            Future<Segment> next = count == 0 ? null : prefetcher.submit(() -> root.segment(0).get());
            for (int index = 0; index < count; index++) {
                segment = loaded(next, index);
                int following = index + 1;
                next = following < count ? prefetcher.submit(() -> root.segment(following).get()) : null;
                verifySegment(segment, index, index == count - 1);
                if (index < count - 1) {
                    root.segment(index).clear();
                }
            }
            return segment == null ? ChainState.empty()
                    : new ChainState(expected - 1, segment, previousHash, previousHashOffset, 0);
        } finally {
            prefetcher.shutdown();
        }
    }

    /** The segment the prefetcher loaded (while the one before it was being verified). */
    private Segment loaded(Future<Segment> segment, int index) {
        try {
            return segment.get();
        } catch (ExecutionException e) {
            throw new WalException("cannot load segment " + index + " of the WAL in " + directory + " ("
                    + e.getCause() + "); if its storage files are damaged, restore the directory from a backup",
                    e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WalException("interrupted while verifying the WAL in " + directory + "; open it again");
        }
    }

    private void verifySegment(Segment segment, int index, boolean last) {
        int capacity = root.segmentCapacity();
        if (segment == null || segment.firstSequence() != expected) {
            throw broken("segment " + index + " should start at sequence " + expected + " but "
                    + (segment == null ? "is missing" : "starts at " + segment.firstSequence()));
        }
        if (segment.count() > capacity || (!last && segment.count() != capacity) || segment.count() == 0) {
            throw broken("segment " + index + " holds " + segment.count() + " records; segments hold " + capacity);
        }
        for (Chunk chunk : segment.chunksUpTo(Long.MAX_VALUE)) {
            verifyChunk(chunk);
        }
        if (expected - segment.firstSequence() != segment.count()) {
            throw broken("segment " + index + " says it holds " + segment.count() + " records, its chunks hold "
                    + (expected - segment.firstSequence()));
        }
    }

    private void verifyChunk(Chunk chunk) {
        if (chunk.firstSequence() != expected) {
            throw broken("a chunk starts at sequence " + chunk.firstSequence() + " where " + expected + " should be");
        }
        RecordCursor cursor = new RecordCursor(chunk);
        while (next(cursor)) {
            if (!hasher.verifies(previousHash, previousHashOffset, expected, cursor.bytes(), cursor.offset(),
                    cursor.contentLength())) {
                throw broken("its hash does not match its content and the hash before it");
            }
            previousHash = cursor.bytes();
            previousHashOffset = cursor.hashOffset();
            expected++;
            if (verified != null) {
                verified.accept(cursor.record()); // its failures are the caller's, not a broken chain
            }
        }
        if (!cursor.endsExactly()) {
            throw broken("its chunk holds bytes beyond its " + chunk.count() + " records");
        }
    }

    /** Moves the cursor to the next record; a record whose framing is damaged breaks the chain. */
    private boolean next(RecordCursor cursor) {
        try {
            return cursor.next();
        } catch (IllegalStateException e) {
            throw broken(e.getMessage());
        }
    }

    private BrokenChainException broken(String reason) {
        return new BrokenChainException(expected, "The WAL in " + directory + " is broken at sequence " + expected
                + ": " + reason + ". Records from " + expected + " on cannot be trusted; restore the directory from a "
                + "backup, or open it with chain check REPORT_BROKEN to read it as it is.");
    }

    /** The state after the last stored record, found without verifying anything before it. */
    static ChainState lastRecord(WalRoot root, Path directory) {
        int count = root.segmentCount();
        if (count == 0) {
            return ChainState.empty();
        }
        Segment segment = root.segment(count - 1).get();
        Chunk chunk = segment == null ? null : segment.tail();
        long last = (long) (count - 1) * root.segmentCapacity() + (segment == null ? 0 : segment.count());
        if (chunk == null || chunk.lastSequence() != last || segment.firstSequence() + segment.count() - 1 != last) {
            throw new WalException("The WAL in " + directory + " has lost track of its last record (segment "
                    + (count - 1) + " is damaged): it cannot be appended to. Restore the directory from a backup.");
        }
        RecordCursor cursor = new RecordCursor(chunk);
        try {
            while (cursor.next()) {
                // walks to the last record
            }
        } catch (IllegalStateException e) {
            throw new WalException("The WAL in " + directory + " has a damaged last record (" + e.getMessage()
                    + "): it cannot be appended to. Restore the directory from a backup.");
        }
        return new ChainState(last, segment, cursor.bytes(), cursor.hashOffset(), 0);
    }
}
