package org.symphainy.runtime.internal.kernel;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

import org.symphainy.runtime.internal.record.KernelRecord;
import org.symphainy.runtime.internal.record.RecordCodec;
import org.symphainy.runtime.internal.record.RecordJson;
import org.symphainy.runtime.internal.wal.WalRecord;
import org.symphainy.sdk.ledger.Ledger;
import org.symphainy.sdk.ledger.LedgerRecord;

/**
 * The kernel's WAL as operators read it. A range reads only the segments it covers; an execution's records are read
 * at the sequences the execution index remembers for it (never by scanning the log), so both cost what they return.
 */
final class KernelLedger implements Ledger {

    private final Journal journal;
    private final Function<String, long[]> sequences;

    /** A ledger over {@code journal}; {@code sequences} gives where an execution's records are. */
    KernelLedger(Journal journal, Function<String, long[]> sequences) {
        this.journal = journal;
        this.sequences = sequences;
    }

    @Override
    public List<LedgerRecord> range(long fromSequence, int limit) {
        if (fromSequence < 1) {
            throw new IllegalArgumentException("the first sequence must be at least 1, was " + fromSequence);
        }
        if (limit < 1) {
            throw new IllegalArgumentException("the limit must be at least 1, was " + limit);
        }
        int page = Math.min(limit, MAX_PAGE);
        List<LedgerRecord> records = new ArrayList<>(Math.min(page, 64));
        journal.read(fromSequence, fromSequence + page - 1, record -> records.add(of(record)));
        return List.copyOf(records);
    }

    @Override
    public List<LedgerRecord> execution(String executionId) {
        Objects.requireNonNull(executionId, "executionId");
        List<LedgerRecord> records = new ArrayList<>();
        for (long sequence : sequences.apply(executionId)) {
            journal.read(sequence, sequence, record -> records.add(of(record)));
        }
        return List.copyOf(records);
    }

    @Override
    public long lastSequence() {
        return journal.lastSequence();
    }

    /** One stored record as the ledger shows it. */
    static LedgerRecord of(WalRecord stored) {
        KernelRecord record = RecordCodec.decode(stored.type(), stored.payload());
        return new LedgerRecord(stored.sequence(), RecordJson.typeName(record.type()), record.executionId(),
                Instant.ofEpochMilli(stored.timestampMillis()), HexFormat.of().formatHex(stored.hash()),
                RecordJson.encode(record));
    }
}
