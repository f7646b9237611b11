package org.symphainy.runtime.internal.wal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread that writes (group commit): takes every append waiting in the queue, up to the batch limits, writes
 * them with one commit ({@link SegmentedLog#append}), then completes each caller's future with its sequence. While a
 * commit is being forced, new appends gather in the queue and go together in the next one. After a failed commit it
 * writes nothing more: the stored graph and the one in memory may differ, only reopening the log is safe.
 */
final class WalWriter {

    private static final Logger LOG = LoggerFactory.getLogger(WalWriter.class);
    private static final PendingAppend CLOSE = new PendingAppend(0, new byte[0], null);

    private final SegmentedLog log;
    private final Path directory;
    private final int maxBatchRecords;
    private final long maxBatchBytes;
    private final BlockingQueue<PendingAppend> queue;
    private final List<PendingAppend> batch = new ArrayList<>();
    private long batchBytes;
    private final Thread thread;
    private volatile boolean closed;
    private volatile WalException failure;

    /** A writer for {@code log} (not yet started), batching as {@code options} say. */
    WalWriter(SegmentedLog log, Path directory, WalOptions options) {
        this.log = log;
        this.directory = directory;
        this.maxBatchRecords = options.maxBatchRecords();
        this.maxBatchBytes = options.maxBatchBytes();
        this.queue = new LinkedBlockingQueue<>(options.queueCapacity());
        this.thread = new Thread(this::run, "symphainy-wal-writer");
        this.thread.setDaemon(true);
    }

    /** Starts the writer thread. */
    void start() {
        thread.start();
    }

    /** Queues an append (waiting for room if the queue is full); the future completes when it is written. */
    CompletableFuture<Long> submit(int type, byte[] payload) {
        WalException failed = failure;
        if (failed != null) {
            return CompletableFuture.failedFuture(failed);
        }
        if (closed) {
            return CompletableFuture.failedFuture(closedError());
        }
        PendingAppend append = new PendingAppend(type, payload, new CompletableFuture<>());
        try {
            queue.put(append);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return CompletableFuture.failedFuture(new WalException("interrupted while waiting for room in the queue of "
                    + "the WAL in " + directory + "; the record was not appended"));
        }
        if (closed && queue.remove(append)) {
            append.future().completeExceptionally(closedError());
        }
        return append.future();
    }

    /** Writes every append queued so far, then stops the thread. */
    void close() {
        closed = true;
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                if (queue.offer(CLOSE, 100, TimeUnit.MILLISECONDS)) {
                    break;
                }
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        boolean closing = false;
        while (!closing || !queue.isEmpty()) {
            closing |= collect(take());
            while (batch.size() < maxBatchRecords && batchBytes < maxBatchBytes) {
                PendingAppend next = queue.poll();
                if (next == null) {
                    break;
                }
                closing |= collect(next);
            }
            if (!batch.isEmpty()) {
                write();
            }
        }
        LOG.debug("WAL writer for {} stopped", directory);
    }

    private PendingAppend take() {
        while (true) {
            try {
                return queue.take();
            } catch (InterruptedException e) {
                LOG.warn("WAL writer for {} was interrupted; it stops only when the log is closed", directory);
            }
        }
    }

    /** Adds {@code append} to the batch; true if it is the close signal instead. */
    private boolean collect(PendingAppend append) {
        if (append == CLOSE) {
            return true;
        }
        batch.add(append);
        batchBytes += append.payload().length;
        return false;
    }

    private void write() {
        try {
            if (failure != null) {
                throw failure;
            }
            long first = log.append(batch);
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).future().complete(first + i);
            }
        } catch (RuntimeException | Error e) {
            fail(e);
        } finally {
            batch.clear();
            batchBytes = 0;
        }
    }

    private void fail(Throwable cause) {
        if (failure == null) {
            failure = new WalException("the WAL in " + directory + " could not write to its storage (" + cause
                    + "); it takes no more records. Check the disk (space, permissions, errors in the system log) "
                    + "and restart: reopening recovers every record acknowledged before the failure.", cause);
            LOG.error("{}", failure.getMessage());
        }
        for (PendingAppend append : batch) {
            append.future().completeExceptionally(failure);
        }
    }

    private WalException closedError() {
        return new WalException("the WAL in " + directory + " is closed; the record was not appended");
    }
}
