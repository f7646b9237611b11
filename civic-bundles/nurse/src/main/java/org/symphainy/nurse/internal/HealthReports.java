package org.symphainy.nurse.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.symphainy.sdk.health.ExecutionStats;
import org.symphainy.sdk.health.HealthReport;
import org.symphainy.sdk.health.IntentStatus;
import org.symphainy.sdk.health.Readiness;
import org.symphainy.sdk.registry.IntentRegistry;
import org.symphainy.sdk.registry.RefusedHandler;
import org.symphainy.sdk.registry.RegisteredIntent;

/**
 * Puts a {@link HealthReport} together: readiness from the intent registry, asked now, and the execution counts of the
 * Nurse's latest look at the Runtime. What is missing is said in the report's notices, with what to do.
 */
final class HealthReports {

    private HealthReports() {
    }

    /**
     * The report at {@code now}.
     *
     * @param registry the intent registry; null if none is available
     * @param runtimeAvailable true if a Runtime is available
     * @param counts the latest counts; null if the Runtime was not looked at (yet)
     * @param pollProblem why the latest look at the Runtime failed; null if it did not
     */
    static HealthReport assemble(Instant now, Duration window, IntentRegistry registry, boolean runtimeAvailable,
            WindowCounts counts, String pollProblem) {
        List<String> notices = new ArrayList<>();
        List<RegisteredIntent> declared = List.of();
        List<RefusedHandler> refusals = List.of();
        boolean registryAvailable = registry != null;
        if (registryAvailable) {
            try {
                declared = registry.intents();
                refusals = registry.refusals();
            } catch (RuntimeException e) {
                registryAvailable = false;
                notices.add("the intent registry failed to answer (" + e.getMessage() + "): readiness is UNKNOWN");
            }
        } else {
            notices.add("no intent registry is available: readiness is UNKNOWN; start the Curator bundle "
                    + "(org.symphainy.curator), which keeps it");
        }
        WindowCounts shown = runtimeAvailable ? counts : null;
        notices.addAll(countNotices(runtimeAvailable, shown, pollProblem, now.minus(window)));
        List<IntentStatus> intents = statuses(declared, registryAvailable, shown);
        return new HealthReport(now, window, shown == null ? null : shown.at(), shown == null ? null : shown.observedSince(),
                registryAvailable, runtimeAvailable, notices, intents, refusals);
    }

    /** What limits the execution counts, in words. */
    private static List<String> countNotices(boolean runtimeAvailable, WindowCounts counts, String pollProblem,
            Instant windowStart) {
        List<String> notices = new ArrayList<>();
        if (!runtimeAvailable) {
            notices.add("no Runtime is available: execution counts are absent; start the runtime bundle "
                    + "(org.symphainy.runtime)");
            return notices;
        }
        if (pollProblem != null) {
            notices.add("the latest look at the Runtime failed (" + pollProblem + "); the counts are from "
                    + (counts == null ? "no earlier look" : "the look at " + counts.at()));
        }
        if (counts == null) {
            if (pollProblem == null) {
                notices.add("the Nurse has not looked at the Runtime yet: execution counts follow within "
                        + "healthPollInterval");
            }
            return notices;
        }
        if (counts.observedSince().isAfter(windowStart)) {
            notices.add("the counts cover executions that ended since " + counts.observedSince()
                    + ", part of the window");
        }
        if (counts.partial() != null) {
            notices.add(counts.partial());
        }
        return notices;
    }

    /** One status per intent type declared or counted, ordered by type. */
    private static List<IntentStatus> statuses(List<RegisteredIntent> declared, boolean registryAvailable,
            WindowCounts counts) {
        Map<String, List<RegisteredIntent>> byType = declared.stream().collect(Collectors.groupingBy(
                intent -> intent.declaredBy().intentType(), TreeMap::new, Collectors.toList()));
        TreeMap<String, IntentStatus> statuses = new TreeMap<>();
        byType.forEach((type, versions) -> statuses.put(type, declaredStatus(type, versions,
                counts == null ? ExecutionStats.NONE : counts.of(type))));
        if (counts != null) {
            counts.byType().forEach((type, stats) -> statuses.computeIfAbsent(type, t -> registryAvailable
                    ? new IntentStatus(t, Readiness.NOT_READY, "no active bundle declares " + t + " now; its executions "
                            + "in the window are still counted. Deploy a bundle that provides it if it is still used",
                            List.of(), stats)
                    : new IntentStatus(t, Readiness.UNKNOWN, "readiness unknown: no intent registry is available",
                            List.of(), stats)));
        }
        return List.copyOf(statuses.values());
    }

    /** A declared type's status: ready if every declared version is. */
    private static IntentStatus declaredStatus(String type, List<RegisteredIntent> versions, ExecutionStats stats) {
        List<RegisteredIntent> missing = versions.stream().filter(version -> !version.ready()).toList();
        if (missing.isEmpty()) {
            return new IntentStatus(type, Readiness.READY, "served by " + versions.stream()
                    .map(version -> version.declaredBy().toString()).collect(Collectors.joining(", ")), versions, stats);
        }
        return new IntentStatus(type, Readiness.NOT_READY, missing.stream()
                .map(version -> version.declaredBy() + ": " + version.detail()).collect(Collectors.joining("; ")),
                versions, stats);
    }
}
