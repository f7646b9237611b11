package org.symphainy.nurse.internal;

import java.time.Instant;
import java.util.Map;

import org.symphainy.sdk.health.ExecutionStats;

/**
 * What the Nurse's latest look at the Runtime found, immutable: each intent type's executions over the window.
 *
 * @param at when the Runtime was looked at
 * @param observedSince the earliest end time the counts cover completely
 * @param byType each intent type's executions, by type
 * @param partial why the counts are incomplete (the scan limit was reached), or null
 */
record WindowCounts(Instant at, Instant observedSince, Map<String, ExecutionStats> byType, String partial) {

    WindowCounts {
        byType = Map.copyOf(byType);
    }

    /** The executions of {@code type}; {@link ExecutionStats#NONE} if it had none. */
    ExecutionStats of(String type) {
        return byType.getOrDefault(type, ExecutionStats.NONE);
    }
}
