package org.symphainy.runtime.internal.wal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import org.eclipse.store.storage.embedded.types.EmbeddedStorageManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The kernel's write-ahead log: records of (type code, payload bytes), numbered from 1 without gaps and hash-chained,
 * stored in an EclipseStore storage embedded in this bundle.
 *
 * <p>Any number of threads may {@link #append} and {@link #read}; one writer thread writes batches of appends with one
 * commit each (group commit) and, with {@link Durability#FSYNC}, forces each batch to the device before completing its
 * callers. {@link #open} verifies the whole chain first (see {@link ChainCheck}). Sequences are only ever assigned to
 * records that were written: after a crash the log continues at {@code lastSequence() + 1}.
 */
public final class WriteAheadLog implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WriteAheadLog.class);

    private final Path directory;
    private final DirectoryLock lock;
    private final EmbeddedStorageManager storage;
    private final FileForcer forcer;
    private final SegmentedLog log;
    private final LogReader reader;
    private final WalWriter writer;
    private final int maxRecordBytes;
    private final long brokenAt;
    private volatile boolean closed;

    private WriteAheadLog(Path directory, DirectoryLock lock, LogStorage opened, WalOptions options) {
        this.directory = directory;
        this.lock = lock;
        this.storage = opened.storage();
        this.forcer = opened.forcer();
        this.log = new SegmentedLog(storage, opened.root(), opened.state(), options.clock());
        this.reader = new LogReader(log);
        this.writer = new WalWriter(log, directory, options);
        this.maxRecordBytes = options.maxRecordBytes();
        this.brokenAt = opened.state().brokenAt();
        writer.start();
    }

    /**
     * Opens (or creates) the log in {@code directory}, verifying its chain as {@code options} say. Throws
     * {@link BrokenChainException} naming the first bad record, or {@link WalException} if the directory is in use or
     * its storage cannot be read.
     */
    public static WriteAheadLog open(Path directory, WalOptions options) {
        return open(directory, options, null);
    }

    /**
     * Opens the log as {@link #open(Path, WalOptions)} does, passing each record to {@code verified} in order as its hash
     * is checked: one pass over the log both verifies it and rebuilds whatever the caller keeps from it. Only records
     * that verify are passed; with {@link ChainCheck#REPORT_BROKEN} the caller reads on from {@link #brokenAt()}; with
     * {@link ChainCheck#SKIP} none are passed (read them after opening).
     */
    public static WriteAheadLog open(Path directory, WalOptions options, Consumer<WalRecord> verified) {
        Objects.requireNonNull(options, "options");
        Path absolute = directory.toAbsolutePath().normalize();
        createDirectory(absolute);
        DirectoryLock lock = DirectoryLock.acquire(absolute);
        try {
            long started = System.nanoTime();
            WriteAheadLog wal = start(absolute, lock, LogStorage.open(absolute, options, verified), options);
            LOG.info("WAL opened in {}: {} records, chain {} in {} ms", absolute, wal.lastSequence(),
                    options.chainCheck() == ChainCheck.SKIP ? "not checked" : "checked",
                    (System.nanoTime() - started) / 1_000_000);
            return wal;
        } catch (RuntimeException | Error e) {
            lock.close();
            throw e;
        }
    }

    private static WriteAheadLog start(Path directory, DirectoryLock lock, LogStorage opened, WalOptions options) {
        try {
            return new WriteAheadLog(directory, lock, opened, options);
        } catch (RuntimeException | Error e) {
            opened.storage().shutdown();
            throw e;
        }
    }

    /**
     * Appends a record. The future completes with its sequence once it is written as the log's {@link Durability}
     * says, or fails with {@link WalException}. The log takes the payload array as it is, without a copy: do not change
     * it afterwards. Waits for room if the queue is full. Stages
     * chained synchronously to the future run on the writer thread: keep them short, or use the async variants.
     */
    public CompletableFuture<Long> append(int type, byte[] payload) {
        Objects.requireNonNull(payload, "payload");
        if (payload.length > maxRecordBytes) {
            throw new IllegalArgumentException("a WAL payload may have at most " + maxRecordBytes + " bytes, this one "
                    + "has " + payload.length + "; store large contents as artifacts and log a reference to them");
        }
        return writer.submit(type, payload);
    }

    /** The sequence of the last written record (0 for an empty log). */
    public long lastSequence() {
        return log.tip().lastSequence();
    }

    /** Passes every record from {@code fromSequence} to the last one written when the call starts, in order. */
    public void read(long fromSequence, Consumer<WalRecord> consumer) {
        read(fromSequence, Long.MAX_VALUE, consumer);
    }

    /** Passes the records from {@code fromSequence} to {@code toSequence} (both included, as far as they exist). */
    public void read(long fromSequence, long toSequence, Consumer<WalRecord> consumer) {
        Objects.requireNonNull(consumer, "consumer");
        ensureOpen();
        reader.read(fromSequence, toSequence, consumer);
    }

    /** The first record that failed verification when the log was opened with {@link ChainCheck#REPORT_BROKEN}. */
    public OptionalLong brokenAt() {
        return brokenAt == 0 ? OptionalLong.empty() : OptionalLong.of(brokenAt);
    }

    /** What the log has done since it was opened. */
    public WalStats stats() {
        return new WalStats(log.records(), log.commits(), forcer.forces());
    }

    /** How many segments are in memory now (the last one, and any a reader or the chain check is using). */
    int loadedSegments() {
        WalRoot root = log.root();
        int loaded = 0;
        for (int index = 0; index < root.segmentCount(); index++) {
            loaded += root.segment(index).peek() == null ? 0 : 1;
        }
        return loaded;
    }

    /** The directory the log lives in. */
    public Path directory() {
        return directory;
    }

    /** Writes every append queued so far, then closes the storage and releases the directory. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        writer.close();
        try {
            storage.shutdown();
        } finally {
            lock.close();
        }
        LOG.info("WAL closed in {} at sequence {}", directory, lastSequence());
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("the WAL in " + directory + " is closed; open it again to read it");
        }
    }

    private static void createDirectory(Path directory) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new WalException("cannot create the WAL directory " + directory + " (" + e + "); check the path and "
                    + "its permissions", e);
        }
    }
}
