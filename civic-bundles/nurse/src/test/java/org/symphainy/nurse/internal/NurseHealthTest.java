package org.symphainy.nurse.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.symphainy.sdk.health.HealthReport;
import org.symphainy.sdk.health.IntentStatus;
import org.symphainy.sdk.health.Readiness;
import org.symphainy.sdk.intent.ErrorCode;
import org.symphainy.sdk.registry.RefusedHandler;
import org.symphainy.sdk.runtime.ExecutionState;

class NurseHealthTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:05:00Z");

    private final FakeRuntime runtime = new FakeRuntime();
    private final FakeRegistry registry = new FakeRegistry();
    private final NurseHealth health = new NurseHealth(Configs.of(Map.of("healthPollInterval", "10m")),
            Clock.fixed(NOW, ZoneOffset.UTC));

    @AfterEach
    void stop() {
        health.deactivate();
    }

    @Test
    void withoutRegistryOrRuntimeTheReportSaysWhatItCannotTell() {
        health.poll();
        HealthReport report = health.report();

        assertFalse(report.registryAvailable());
        assertFalse(report.runtimeAvailable());
        assertFalse(report.healthy());
        assertEquals(List.of(), report.intents());
        assertEquals(2, report.notices().size(), report.notices().toString());
        assertTrue(report.notices().get(0).startsWith("no intent registry is available: readiness is UNKNOWN"));
        assertTrue(report.notices().get(1).startsWith("no Runtime is available: execution counts are absent"));
        assertNull(report.countedAt());
    }

    @Test
    void readinessPerTypeAndVersionFromTheRegistryWithTheWindowsCounts() {
        registry.declare("content.ingest", "1.0.0", true).declare("content.ingest", "2.0.0", false)
                .declare("orders.place", "1.0.0", true);
        registry.refusals.add(new RefusedHandler("org.acme.rogue", "1.0.0", "org.acme.Rogue", "declares no intent"));
        runtime.put("e1", "content.ingest", ExecutionState.COMPLETED, NOW.minusSeconds(60), NOW.minusSeconds(59), null)
                .put("e2", "content.ingest", ExecutionState.FAILED, NOW.minusSeconds(30), NOW.minusSeconds(29),
                        ErrorCode.HANDLER_FAILED)
                .put("e3", "retired.intent", ExecutionState.COMPLETED, NOW.minusSeconds(20), NOW.minusSeconds(19), null);
        health.bindRegistry(registry);
        health.bindRuntime(runtime);
        health.poll();

        HealthReport report = health.report();

        assertTrue(report.registryAvailable() && report.runtimeAvailable());
        assertEquals(List.of(), report.notices());
        assertEquals(Duration.ofMinutes(5), report.window());
        assertEquals(NOW, report.countedAt());
        assertEquals(List.of("content.ingest", "orders.place", "retired.intent"),
                report.intents().stream().map(IntentStatus::type).toList());
        IntentStatus ingest = health.intent("content.ingest").orElseThrow();
        assertEquals(Readiness.NOT_READY, ingest.readiness(), "version 2.0.0 has no handler");
        assertTrue(ingest.detail().contains("org.acme.content 1.2.0 (content.ingest 2.0.0): no handler registered"),
                ingest.detail());
        assertEquals(2, ingest.versions().size());
        assertEquals(1, ingest.executions().completed());
        assertEquals(1, ingest.executions().failed());
        assertEquals(0.5, ingest.executions().failureRate(), 1e-9);
        assertEquals(Readiness.READY, health.intent("orders.place").orElseThrow().readiness());
        IntentStatus retired = health.intent("retired.intent").orElseThrow();
        assertEquals(Readiness.NOT_READY, retired.readiness());
        assertTrue(retired.detail().startsWith("no active bundle declares retired.intent now"), retired.detail());
        assertEquals(1, retired.executions().completed());
        assertEquals(1, report.refusals().size());
        assertFalse(report.healthy());
    }

    @Test
    void losingTheRuntimeDropsTheCountsAndSaysSo() {
        runtime.put("e1", "content.ingest", ExecutionState.COMPLETED, NOW.minusSeconds(60), NOW.minusSeconds(59), null);
        health.bindRuntime(runtime);
        health.poll();
        assertEquals(1, health.intent("content.ingest").orElseThrow().executions().completed());

        health.unbindRuntime(runtime);

        assertFalse(health.report().runtimeAvailable());
        assertEquals(List.of(), health.report().intents(), "without a Runtime (or registry) no stale counts remain");
        assertTrue(health.report().notices().stream().anyMatch(n -> n.startsWith("no Runtime is available")));
    }

    @Test
    void aRuntimeThatFailsToAnswerIsReportedAndTheNextLookRecovers() {
        FakeRuntime broken = new FakeRuntime() {
            @Override
            public org.symphainy.sdk.runtime.Page<org.symphainy.sdk.runtime.ExecutionSummary> query(
                    org.symphainy.sdk.runtime.ExecutionQuery query) {
                throw new IllegalStateException("write-ahead log is closed");
            }
        };
        health.bindRuntime(broken);
        health.poll();
        assertTrue(health.report().notices().get(1).contains("write-ahead log is closed"), health.report().notices().toString());

        health.bindRuntime(runtime);
        health.poll();
        assertEquals(1, health.report().notices().size(), "only the missing registry remains: " + health.report().notices());
    }

    @Test
    void aBadHealthConfigurationIsRefusedAndTheSettingsInForceStay() {
        health.modified(Configs.of(Map.of("healthWindow", "10m", "healthPollInterval", "10m")));
        assertEquals(Duration.ofMinutes(10), health.report().window());

        health.modified(Configs.of(Map.of("healthWindow", "forever", "healthPollInterval", "10m")));
        assertEquals(Duration.ofMinutes(10), health.report().window());

        health.modified(Configs.of(Map.of("healthWindow", "2h", "healthFollowFor", "1h", "healthPollInterval", "10m")));
        assertEquals(Duration.ofMinutes(10), health.report().window(), "followFor shorter than the window is refused");
    }
}
