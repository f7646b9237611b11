package org.symphainy.runtime.internal.kernel;

import java.util.concurrent.CompletableFuture;
import java.util.function.ObjLongConsumer;

import org.symphainy.runtime.internal.record.KernelRecord;
import org.symphainy.runtime.internal.record.RecordCodec;
import org.symphainy.runtime.internal.wal.WriteAheadLog;

/** The kernel's view of the WAL: kernel records in, kernel records out. */
final class Journal implements AutoCloseable {

    private final WriteAheadLog wal;

    Journal(WriteAheadLog wal) {
        this.wal = wal;
    }

    /** Appends the record; the future completes with its sequence once it is durable (per the WAL's mode). */
    CompletableFuture<Long> append(KernelRecord record) {
        return wal.append(record.type().code(), RecordCodec.encode(record));
    }

    /** Appends and waits until durable; returns the sequence. */
    long appendDurably(KernelRecord record) {
        return append(record).join();
    }

    /** Every record from the first, in order. */
    void replay(ObjLongConsumer<KernelRecord> consumer) {
        wal.read(1, record -> consumer.accept(RecordCodec.decode(record.type(), record.payload()), record.sequence()));
    }

    long lastSequence() {
        return wal.lastSequence();
    }

    @Override
    public void close() {
        wal.close();
    }
}
