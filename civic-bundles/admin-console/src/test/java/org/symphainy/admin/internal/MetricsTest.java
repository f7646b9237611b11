package org.symphainy.admin.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.MemoryUsage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.symphainy.sdk.health.ExecutionStats;
import org.symphainy.sdk.health.HealthReport;
import org.symphainy.sdk.health.IntentStatus;
import org.symphainy.sdk.health.Readiness;

class MetricsTest {

    private static final MemoryUsage HEAP = new MemoryUsage(1, 200, 300, 400);

    @Test
    void sumsTheNursesCountsAndLabelsEachIntent() {
        HealthReport report = new HealthReport(Instant.EPOCH, Duration.ofMinutes(5), Instant.EPOCH, Instant.EPOCH, true,
                true, List.of(), List.of(status("a.b", Readiness.READY, 3, 1, 2),
                        status("c.d", Readiness.NOT_READY, 4, 0, 0)), List.of());
        String text = Metrics.of(report, 42L, HEAP);
        assertTrue(text.contains("symphainy_executions{state=\"COMPLETED\"} 7\n"), text);
        assertTrue(text.contains("symphainy_executions{state=\"FAILED\"} 1\n"), text);
        assertTrue(text.contains("symphainy_executions{state=\"RUNNING\"} 2\n"), text);
        assertTrue(text.contains("symphainy_intents_submitted 10\n"), text);
        assertTrue(text.contains("symphainy_intent_failures{intent=\"a.b\"} 1\n"), text);
        assertTrue(text.contains("symphainy_intent_ready{intent=\"c.d\"} 0\n"), text);
        assertTrue(text.contains("symphainy_wal_last_sequence 42\n"), text);
        assertTrue(text.contains("symphainy_up 0\n"), "an intent is not ready: " + text);
        assertTrue(text.contains("jvm_memory_heap_used_bytes 200\n"), text);
        assertTrue(text.contains("# TYPE symphainy_executions gauge\n"), text);
    }

    @Test
    void withoutTheNurseOrALedgerOnlyTheJvmAndDownAreReported() {
        String text = Metrics.of(null, null, HEAP);
        assertFalse(text.contains("symphainy_executions"), text);
        assertFalse(text.contains("symphainy_wal_last_sequence"), text);
        assertTrue(text.contains("symphainy_up 0\n"), text);
        assertTrue(text.contains("jvm_memory_heap_max_bytes 400\n"), text);
    }

    @Test
    void labelValuesAreEscaped() {
        assertEquals("a\\\\b\\\"c\\nd", Metrics.escape("a\\b\"c\nd"));
    }

    private static IntentStatus status(String type, Readiness readiness, long completed, long failed, long running) {
        double rate = completed + failed == 0 ? 0 : (double) failed / (completed + failed);
        return new IntentStatus(type, readiness, "detail", List.of(), new ExecutionStats(completed, failed, running,
                rate, List.of(), failed));
    }
}
