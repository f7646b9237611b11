package org.symphainy.runtime.internal.kernel;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.function.ObjLongConsumer;

import org.symphainy.runtime.internal.record.KernelRecord;
import org.symphainy.runtime.internal.record.RecordCodec;
import org.symphainy.runtime.internal.record.RecordHead;
import org.symphainy.runtime.internal.wal.WalOptions;
import org.symphainy.runtime.internal.wal.WalRecord;
import org.symphainy.runtime.internal.wal.WriteAheadLog;

/** The kernel's view of the WAL: kernel records in, kernel records (or just their heads) out. */
final class Journal implements AutoCloseable {

    private final WriteAheadLog wal;

    Journal(WriteAheadLog wal) {
        this.wal = wal;
    }

    /**
     * Opens the WAL in {@code directory} and passes the head of every record to {@code heads}, in order, in the same
     * pass that verifies the hash chain — recovery reads the log once. Records a verification could not vouch for
     * (after a break the configuration lets the kernel start with) are read and passed after it.
     */
    static Journal open(Path directory, WalOptions options, ObjLongConsumer<RecordHead> heads) {
        long[] passed = {0};
        Journal journal = new Journal(WriteAheadLog.open(directory, options, record -> {
            heads.accept(RecordCodec.decodeHead(record.type(), record.payload()), record.sequence());
            passed[0] = record.sequence();
        }));
        journal.wal.read(passed[0] + 1, record -> heads.accept(RecordCodec.decodeHead(record.type(), record.payload()),
                record.sequence()));
        return journal;
    }

    /** Appends the record; the future completes with its sequence once it is durable (per the WAL's mode). */
    CompletableFuture<Long> append(KernelRecord record) {
        return wal.append(record.type().code(), RecordCodec.encode(record));
    }

    /** Appends and waits until durable; returns the sequence. */
    long appendDurably(KernelRecord record) {
        return append(record).join();
    }

    /** The record at {@code sequence}, whole. */
    KernelRecord read(long sequence) {
        WalRecord[] found = new WalRecord[1];
        wal.read(sequence, sequence, record -> found[0] = record);
        if (found[0] == null) {
            throw new IllegalStateException("WAL record " + sequence + " is not in the log (last " + wal.lastSequence() + ")");
        }
        return RecordCodec.decode(found[0].type(), found[0].payload());
    }

    /** Passes the records from {@code from} to {@code to} (both included, as far as they exist), as stored. */
    void read(long from, long to, java.util.function.Consumer<WalRecord> consumer) {
        wal.read(from, to, consumer);
    }

    long lastSequence() {
        return wal.lastSequence();
    }

    @Override
    public void close() {
        wal.close();
    }
}
