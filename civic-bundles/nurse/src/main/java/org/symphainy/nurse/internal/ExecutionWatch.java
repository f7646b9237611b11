package org.symphainy.nurse.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.symphainy.sdk.health.ExecutionStats;
import org.symphainy.sdk.health.FailureCount;
import org.symphainy.sdk.intent.ErrorCode;
import org.symphainy.sdk.runtime.Execution;
import org.symphainy.sdk.runtime.ExecutionQuery;
import org.symphainy.sdk.runtime.ExecutionState;
import org.symphainy.sdk.runtime.ExecutionSummary;
import org.symphainy.sdk.runtime.Failure;
import org.symphainy.sdk.runtime.Page;
import org.symphainy.sdk.runtime.Runtime;

/**
 * Counts each intent type's executions that ended over a sliding window, from the Runtime's execution listing, without
 * re-reading the whole window at every look. Each {@link #poll} lists, newest first, only the executions accepted since
 * the previous look (less a safety margin) or since the oldest execution it still follows, whichever is earlier: new
 * executions and the outcomes of running ones. Executions awaiting approval are counted as running but not followed
 * (they may wait for hours). The failure code of a failed execution is looked up ({@link Runtime#execution}) for at most
 * so many per look; the rest are looked up at later looks, or stay unclassified once out of the window.
 *
 * <p>Not thread-safe: one thread polls. The result of each poll is an immutable {@link WindowCounts}.
 */
final class ExecutionWatch {

    /** How far before the newest execution seen a look starts, so one accepted just before it is still seen. */
    static final Duration SAFETY = Duration.ofSeconds(10);

    /** Page size of the listing. */
    static final int PAGE = ExecutionQuery.MAX_LIMIT;

    /** Most failure codes reported per intent type. */
    static final int TOP_CODES = 5;

    private record Running(String type, Instant acceptedAt, boolean awaitingApproval) {
    }

    private record Ended(String type, Instant endedAt, boolean failed, ErrorCode code) {
    }

    private final Map<String, Running> running = new HashMap<>();
    private final Map<String, Ended> ended = new HashMap<>();
    private Instant newestAccepted;
    private Instant observedSince;

    /** Looks at {@code runtime} at {@code now} under {@code settings}, and returns the counts over the window. */
    WindowCounts poll(Runtime runtime, Instant now, HealthSettings settings) {
        Instant windowStart = now.minus(settings.window());
        Instant horizon = now.minus(settings.followFor());
        if (observedSince == null) {
            observedSince = windowStart;
        }
        Instant from = scanFrom(horizon);
        Set<String> unseen = new HashSet<>();
        running.forEach((id, run) -> {
            if (!run.acceptedAt().isBefore(from)) {
                unseen.add(id);
            }
        });
        int[] lookups = {settings.failureLookups()};
        String partial = scan(runtime, from, windowStart, settings.scanLimit(), unseen, lookups);
        if (partial == null) {
            running.keySet().removeAll(unseen); // no longer listed: gone from the Runtime's book
        }
        running.values().removeIf(run -> run.acceptedAt().isBefore(horizon));
        ended.values().removeIf(end -> !end.endedAt().isAfter(windowStart));
        classify(runtime, lookups);
        return counts(now, partial);
    }

    /** Forgets everything: the next poll starts afresh (a different Runtime appeared). */
    void reset() {
        running.clear();
        ended.clear();
        newestAccepted = null;
        observedSince = null;
    }

    /** The earliest acceptance time this look must list. */
    private Instant scanFrom(Instant horizon) {
        if (newestAccepted == null) {
            return horizon;
        }
        Instant from = newestAccepted.minus(SAFETY);
        for (Running run : running.values()) {
            if (!run.awaitingApproval() && run.acceptedAt().isBefore(from)) {
                from = run.acceptedAt();
            }
        }
        return from.isBefore(horizon) ? horizon : from;
    }

    /** Lists the executions accepted from {@code from}; returns why the listing was cut short, or null. */
    private String scan(Runtime runtime, Instant from, Instant windowStart, int limit, Set<String> unseen,
            int[] lookups) {
        ExecutionQuery query = ExecutionQuery.builder().acceptedFrom(from).limit(PAGE).build();
        int read = 0;
        while (true) {
            Page<ExecutionSummary> page = runtime.query(query);
            for (ExecutionSummary summary : page.items()) {
                read++;
                unseen.remove(summary.id());
                take(runtime, summary, windowStart, lookups);
            }
            if (!page.hasNext()) {
                return null;
            }
            if (read >= limit) {
                return "the Nurse read its limit of " + limit + " executions (healthScanLimit) accepted since " + from
                        + " without reaching the oldest; older outcomes are not counted";
            }
            query = query.toBuilder().cursor(page.nextCursor()).build();
        }
    }

    /** Records one listed execution: running, or ended in the window (counted once). */
    private void take(Runtime runtime, ExecutionSummary summary, Instant windowStart, int[] lookups) {
        if (newestAccepted == null || summary.acceptedAt().isAfter(newestAccepted)) {
            newestAccepted = summary.acceptedAt();
        }
        if (!summary.state().isTerminal()) {
            running.put(summary.id(), new Running(summary.intentType(), summary.acceptedAt(),
                    summary.state() == ExecutionState.AWAITING_APPROVAL));
            return;
        }
        running.remove(summary.id());
        if (!summary.endedAt().isAfter(windowStart) || ended.containsKey(summary.id())) {
            return;
        }
        boolean failed = summary.state().hasFailure(); // a compensated saga failed too
        ErrorCode code = failed && lookups[0] > 0 ? failureCode(runtime, summary.id(), lookups) : null;
        ended.put(summary.id(), new Ended(summary.intentType(), summary.endedAt(), failed, code));
    }

    /** Looks up the codes of failures not classified yet, within what is left of this look's budget. */
    private void classify(Runtime runtime, int[] lookups) {
        for (Map.Entry<String, Ended> entry : ended.entrySet()) {
            if (lookups[0] <= 0) {
                return;
            }
            Ended end = entry.getValue();
            if (end.failed() && end.code() == null) {
                ErrorCode code = failureCode(runtime, entry.getKey(), lookups);
                entry.setValue(new Ended(end.type(), end.endedAt(), true, code));
            }
        }
    }

    /** The recorded failure code of execution {@code id} (one lookup spent), or null if it cannot be read. */
    private static ErrorCode failureCode(Runtime runtime, String id, int[] lookups) {
        lookups[0]--;
        try {
            Optional<Execution> execution = runtime.execution(id);
            return execution.map(Execution::failure).map(Failure::code).orElse(null);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The counts by type, from what is held now. */
    private WindowCounts counts(Instant now, String partial) {
        Map<String, long[]> tallies = new HashMap<>(); // completed, failed, running, unclassified
        Map<String, Map<ErrorCode, Long>> codes = new HashMap<>();
        for (Ended end : ended.values()) {
            long[] tally = tallies.computeIfAbsent(end.type(), type -> new long[4]);
            if (!end.failed()) {
                tally[0]++;
                continue;
            }
            tally[1]++;
            if (end.code() == null) {
                tally[3]++;
            } else {
                codes.computeIfAbsent(end.type(), type -> new EnumMap<>(ErrorCode.class)).merge(end.code(), 1L, Long::sum);
            }
        }
        running.values().forEach(run -> tallies.computeIfAbsent(run.type(), type -> new long[4])[2]++);
        Map<String, ExecutionStats> byType = new HashMap<>();
        tallies.forEach((type, t) -> byType.put(type, new ExecutionStats(t[0], t[1], t[2],
                t[0] + t[1] == 0 ? 0 : (double) t[1] / (t[0] + t[1]), top(codes.getOrDefault(type, Map.of())), t[3])));
        return new WindowCounts(now, observedSince, byType, partial);
    }

    /** The most frequent codes, most frequent first (by code on ties), at most {@link #TOP_CODES}. */
    private static List<FailureCount> top(Map<ErrorCode, Long> counts) {
        List<FailureCount> list = new ArrayList<>();
        counts.forEach((code, count) -> list.add(new FailureCount(code, count)));
        list.sort(Comparator.comparingLong(FailureCount::count).reversed().thenComparing(FailureCount::code));
        return list.size() > TOP_CODES ? List.copyOf(list.subList(0, TOP_CODES)) : list;
    }
}
