package org.symphainy.runtime.internal.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.LongFunction;

import org.symphainy.runtime.internal.record.KernelRecord;
import org.symphainy.runtime.internal.record.KernelRecord.IntentAccepted;
import org.symphainy.runtime.internal.record.KernelRecord.StepCompleted;
import org.symphainy.runtime.internal.record.RecordHead;
import org.symphainy.sdk.intent.Artifact;
import org.symphainy.sdk.runtime.Effect;
import org.symphainy.sdk.runtime.Execution;
import org.symphainy.sdk.runtime.ExecutionQuery;
import org.symphainy.sdk.runtime.ExecutionSummary;
import org.symphainy.sdk.runtime.Page;

/**
 * Every execution the WAL holds, indexed by id, by acceptance order and by (tenant, idempotency key). Built by applying
 * WAL record heads in order — at start from the whole log, then as the kernel appends — so it is never more than the
 * log says. Intents and artifacts are read back from the WAL ({@code records}) when an execution is asked for whole.
 */
final class ExecutionBook {

    /** An idempotency key's owner: the execution it admitted and the hash of the payload it came with. */
    record KeyOwner(String executionId, String payloadHash) {
    }

    /** What the index does not hold of an execution: its whole accepted record and its artifacts, from the WAL. */
    record Detail(IntentAccepted accepted, List<Artifact> artifacts, List<org.symphainy.sdk.intent.Event> events,
            List<Effect> effects) {
    }

    /**
     * How far acceptance order may stray from acceptance time: an intent's time is taken when it arrives, its place
     * when its record is written, after governance. A listing from a time stops this much before it.
     */
    private static final java.time.Duration ORDER_SLACK = java.time.Duration.ofMinutes(1);

    private final Map<String, ExecutionEntry> byId = new ConcurrentHashMap<>();
    private final ConcurrentSkipListMap<Long, ExecutionEntry> byAcceptance = new ConcurrentSkipListMap<>();
    private final Map<String, KeyOwner> keys = new ConcurrentHashMap<>();
    private final Map<Object, Object> shared = new ConcurrentHashMap<>();
    private final Map<String, Long> denied = new ConcurrentHashMap<>();
    private final LongFunction<KernelRecord> records;

    /** A book that reads whole records back by sequence with {@code records}. */
    ExecutionBook(LongFunction<KernelRecord> records) {
        this.records = records;
    }

    /** Applies one durable record, given by its head; {@code whole} is the record itself when the kernel has it. */
    void apply(long sequence, RecordHead head, KernelRecord whole) {
        if (ExecutionEntry.accepts(head.type())) {
            ExecutionEntry entry = new ExecutionEntry(sequence, share(head));
            if (byId.putIfAbsent(entry.id(), entry) != null) {
                throw new IllegalStateException("WAL record " + sequence + " accepts execution " + entry.id() + " a second time");
            }
            byAcceptance.put(sequence, entry);
            String key = key(entry.tenant(), head.accepted().idempotencyKey());
            if (key != null) {
                keys.putIfAbsent(key, new KeyOwner(entry.id(), head.accepted().payloadHash()));
            }
            if (whole instanceof IntentAccepted accepted) {
                entry.attach(accepted);
            }
        } else if (ExecutionEntry.transitions(head.type())) {
            ExecutionEntry entry = byId.get(head.executionId());
            if (entry == null) {
                throw new IllegalStateException("WAL record " + sequence + " (" + head.type() + ") names execution "
                        + head.executionId() + ", which no earlier record accepted");
            }
            entry.apply(sequence, head);
        } else {
            denied.put(head.executionId(), sequence);
        }
    }

    /** Where the records of an execution are in the WAL, in order: an accepted one's, or a denial's one; empty if unknown. */
    long[] sequences(String executionId) {
        ExecutionEntry entry = byId.get(executionId);
        if (entry != null) {
            return entry.sequences();
        }
        Long denial = denied.get(executionId);
        return denial == null ? new long[0] : new long[] {denial};
    }

    /** The intent and artifacts of {@code entry}: held while it runs, otherwise read from the WAL. */
    Detail detail(ExecutionEntry entry) {
        IntentAccepted accepted = entry.accepted();
        long[] artifactsAt = entry.completedSequences();
        if (accepted == null) {
            accepted = (IntentAccepted) records.apply(entry.acceptedSequence());
        }
        List<Effect> effects = effects(entry);
        if (artifactsAt.length == 0) {
            return new Detail(accepted, List.of(), List.of(), effects);
        }
        if (artifactsAt.length == 1) {
            StepCompleted completed = (StepCompleted) records.apply(artifactsAt[0]);
            return new Detail(accepted, entry.recorded(completed, entry.handlerOf(Math.max(1, completed.step()))),
                    completed.events(), effects);
        }
        List<Artifact> artifacts = new java.util.ArrayList<>();
        List<org.symphainy.sdk.intent.Event> events = new java.util.ArrayList<>();
        for (long at : artifactsAt) {
            StepCompleted completed = (StepCompleted) records.apply(at);
            artifacts.addAll(entry.recorded(completed, entry.handlerOf(completed.step())));
            events.addAll(completed.events());
        }
        return new Detail(accepted, List.copyOf(artifacts), List.copyOf(events), effects);
    }

    /** The effects recorded for {@code entry}, read from the WAL, oldest first. */
    private List<Effect> effects(ExecutionEntry entry) {
        long[] at = entry.effectSequences();
        if (at.length == 0) {
            return List.of();
        }
        List<Effect> effects = new java.util.ArrayList<>(at.length);
        for (long sequence : at) {
            KernelRecord.EffectRecorded effect = (KernelRecord.EffectRecorded) records.apply(sequence);
            effects.add(new Effect(effect.by(), effect.at(), effect.applied(), effect.summary()));
        }
        return List.copyOf(effects);
    }

    /**
     * The SDK's whole view of {@code entry}, consistent: if a record is applied while its intent and artifacts are read
     * from the WAL, it is read again (the state must not be newer than the artifacts).
     */
    Execution execution(ExecutionEntry entry) {
        while (true) {
            int before = entry.recordCount();
            Detail detail = detail(entry);
            Execution execution = entry.toExecution(detail.accepted(), detail.artifacts(), detail.events(), detail.effects());
            if (entry.recordCount() == before) {
                return execution;
            }
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

    /** The executions of {@code intentTypes}, in acceptance order. */
    List<ExecutionEntry> ofTypes(java.util.Set<String> intentTypes) {
        return byAcceptance.values().stream().filter(e -> intentTypes.contains(e.intentType())).toList();
    }

    int size() {
        return byId.size();
    }

    /** One page of executions matching the query, newest first; the cursor is the next (older) acceptance sequence. */
    Page<ExecutionSummary> query(ExecutionQuery query) {
        Map<Long, ExecutionEntry> newestFirst = query.cursor() == null ? byAcceptance.descendingMap()
                : byAcceptance.headMap(parseCursor(query.cursor()), true).descendingMap();
        List<ExecutionSummary> items = new ArrayList<>();
        java.time.Instant oldest = query.acceptedFrom() == null ? null : query.acceptedFrom().minus(ORDER_SLACK);
        for (Map.Entry<Long, ExecutionEntry> e : newestFirst.entrySet()) {
            ExecutionEntry entry = e.getValue();
            if (oldest != null && entry.acceptedAt().isBefore(oldest)) {
                break; // acceptance order follows acceptance time (within the slack): nothing older can match
            }
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

    /**
     * The head with its repeated values (intent type, tenant, actor, handler) replaced by one shared instance each:
     * a million executions of a few intent types hold a few strings, not a million copies.
     */
    private RecordHead share(RecordHead head) {
        RecordHead.Admission a = head.accepted();
        RecordHead.Admission shared = new RecordHead.Admission(share(a.intentType()), share(a.tenant()), share(a.actor()),
                a.idempotencyKey(), a.payloadHash(), a.handler() == null ? null : share(a.handler()), a.seed(), a.saga());
        return new RecordHead(head.type(), head.executionId(), head.at(), head.attempt(), head.artifactCount(), head.code(),
                head.message(), shared);
    }

    @SuppressWarnings("unchecked")
    private <T> T share(T value) {
        return value == null ? null : (T) shared.computeIfAbsent(value, v -> v);
    }

    private static boolean matches(ExecutionEntry entry, ExecutionQuery query) {
        return (query.tenant() == null || query.tenant().equals(entry.tenant()))
                && (query.intentType() == null || query.intentType().equals(entry.intentType()))
                && (query.state() == null || query.state() == entry.state())
                && (query.acceptedFrom() == null || !entry.acceptedAt().isBefore(query.acceptedFrom()))
                && (query.acceptedBefore() == null || entry.acceptedAt().isBefore(query.acceptedBefore()));
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
