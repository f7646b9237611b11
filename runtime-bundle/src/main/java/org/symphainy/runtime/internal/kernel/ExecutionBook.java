package org.symphainy.runtime.internal.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

import org.symphainy.runtime.internal.record.KernelRecord;
import org.symphainy.runtime.internal.record.KernelRecord.IntentAccepted;
import org.symphainy.runtime.internal.record.KernelRecord.IntentDenied;
import org.symphainy.sdk.runtime.ExecutionQuery;
import org.symphainy.sdk.runtime.ExecutionSummary;
import org.symphainy.sdk.runtime.Page;

/**
 * Every execution the WAL holds, indexed by id, by acceptance order and by (tenant, idempotency key). Built by applying
 * WAL records in order — at start from the whole log, then as the kernel appends — so it is never more than the log says.
 */
final class ExecutionBook {

    /** An idempotency key's owner: the execution it admitted and the hash of the payload it came with. */
    record KeyOwner(String executionId, String payloadHash) {
    }

    private final Map<String, ExecutionEntry> byId = new ConcurrentHashMap<>();
    private final ConcurrentSkipListMap<Long, ExecutionEntry> byAcceptance = new ConcurrentSkipListMap<>();
    private final Map<String, KeyOwner> keys = new ConcurrentHashMap<>();

    /** Applies one durable record. */
    void apply(long sequence, KernelRecord record) {
        if (record instanceof IntentAccepted accepted) {
            ExecutionEntry entry = new ExecutionEntry(sequence, accepted);
            if (byId.putIfAbsent(entry.id(), entry) != null) {
                throw new IllegalStateException("WAL record " + sequence + " accepts execution " + entry.id() + " a second time");
            }
            byAcceptance.put(sequence, entry);
            String key = key(accepted.intent().tenant(), accepted.intent().idempotencyKey());
            if (key != null) {
                keys.putIfAbsent(key, new KeyOwner(entry.id(), accepted.payloadHash()));
            }
        } else if (!(record instanceof IntentDenied)) {
            ExecutionEntry entry = byId.get(record.executionId());
            if (entry == null) {
                throw new IllegalStateException("WAL record " + sequence + " (" + record.type() + ") names execution "
                        + record.executionId() + ", which no earlier record accepted");
            }
            entry.apply(sequence, record);
        }
    }

    /**
     * Claims an idempotency key for a new execution, atomically: returns the owner that holds it already, or null
     * when the claim succeeded (the claim is confirmed by the IntentAccepted record, or {@link #release released}).
     */
    KeyOwner claim(String tenant, String idempotencyKey, String executionId, String payloadHash) {
        String key = key(tenant, idempotencyKey);
        return key == null ? null : keys.putIfAbsent(key, new KeyOwner(executionId, payloadHash));
    }

    /** Who holds the idempotency key now (an accepted execution, or a claim being recorded), or null. */
    KeyOwner owner(String tenant, String idempotencyKey) {
        String key = key(tenant, idempotencyKey);
        return key == null ? null : keys.get(key);
    }

    /** Gives up a claim whose execution was never accepted. */
    void release(String tenant, String idempotencyKey, String executionId) {
        String key = key(tenant, idempotencyKey);
        if (key != null) {
            keys.computeIfPresent(key, (k, owner) -> owner.executionId().equals(executionId) ? null : owner);
        }
    }

    Optional<ExecutionEntry> get(String executionId) {
        return Optional.ofNullable(byId.get(executionId));
    }

    /** The executions not yet COMPLETED or FAILED, in acceptance order. */
    List<ExecutionEntry> unfinished() {
        return byAcceptance.values().stream().filter(e -> !e.state().isTerminal()).toList();
    }

    int size() {
        return byId.size();
    }

    /** One page of executions matching the query, newest first; the cursor is the next (older) acceptance sequence. */
    Page<ExecutionSummary> query(ExecutionQuery query) {
        Map<Long, ExecutionEntry> newestFirst = query.cursor() == null ? byAcceptance.descendingMap()
                : byAcceptance.headMap(parseCursor(query.cursor()), true).descendingMap();
        List<ExecutionSummary> items = new ArrayList<>();
        for (Map.Entry<Long, ExecutionEntry> e : newestFirst.entrySet()) {
            ExecutionEntry entry = e.getValue();
            if (!matches(entry, query)) {
                continue;
            }
            if (items.size() == query.limit()) {
                return new Page<>(items, Long.toString(e.getKey()));
            }
            items.add(entry.toSummary());
        }
        return new Page<>(items, null);
    }

    private static boolean matches(ExecutionEntry entry, ExecutionQuery query) {
        IntentAccepted accepted = entry.accepted();
        return (query.tenant() == null || query.tenant().equals(accepted.intent().tenant()))
                && (query.intentType() == null || query.intentType().equals(accepted.intent().type()))
                && (query.state() == null || query.state() == entry.state())
                && (query.acceptedFrom() == null || !accepted.at().isBefore(query.acceptedFrom()))
                && (query.acceptedBefore() == null || accepted.at().isBefore(query.acceptedBefore()));
    }

    private static long parseCursor(String cursor) {
        try {
            return Long.parseLong(cursor);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("cursor '" + cursor + "' is not one this runtime returned; start without a cursor");
        }
    }

    private static String key(String tenant, String idempotencyKey) {
        return idempotencyKey == null ? null : tenant + '\u0000' + idempotencyKey;
    }
}
