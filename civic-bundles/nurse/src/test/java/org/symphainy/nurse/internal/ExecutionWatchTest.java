package org.symphainy.nurse.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.symphainy.sdk.health.ExecutionStats;
import org.symphainy.sdk.health.FailureCount;
import org.symphainy.sdk.intent.ErrorCode;
import org.symphainy.sdk.runtime.ExecutionState;

class ExecutionWatchTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private static final HealthSettings SETTINGS = HealthSettings.DEFAULTS; // 5 m window, 1 h followed

    private final FakeRuntime runtime = new FakeRuntime();
    private final ExecutionWatch watch = new ExecutionWatch();

    private static Instant at(long seconds) {
        return T0.plusSeconds(seconds);
    }

    private void completed(String id, String type, long accepted, long ended) {
        runtime.put(id, type, ExecutionState.COMPLETED, at(accepted), at(ended), null);
    }

    private void failed(String id, String type, long accepted, long ended, ErrorCode code) {
        runtime.put(id, type, ExecutionState.FAILED, at(accepted), at(ended), code);
    }

    @Test
    void countsWhatEndedInTheWindowWithTheFailureRateAndTheMostFrequentCodes() {
        completed("e1", "content.ingest", 0, 10);
        completed("e2", "content.ingest", 100, 110);
        failed("e3", "content.ingest", 200, 210, ErrorCode.HANDLER_FAILED);
        failed("e4", "content.ingest", 250, 260, ErrorCode.HANDLER_FAILED);
        failed("e5", "content.ingest", 270, 280, ErrorCode.STEP_TIMEOUT);
        completed("old", "content.ingest", -1000, -900);
        runtime.put("r1", "content.ingest", ExecutionState.RUNNING, at(290), null, null);
        completed("o1", "orders.place", 50, 60);

        WindowCounts counts = watch.poll(runtime, at(300), SETTINGS);

        ExecutionStats ingest = counts.of("content.ingest");
        assertEquals(2, ingest.completed(), "e1 and e2; 'old' ended before the window");
        assertEquals(3, ingest.failed());
        assertEquals(1, ingest.running());
        assertEquals(0.6, ingest.failureRate(), 1e-9);
        assertEquals(List.of(new FailureCount(ErrorCode.HANDLER_FAILED, 2), new FailureCount(ErrorCode.STEP_TIMEOUT, 1)),
                ingest.failureCodes());
        assertEquals(0, ingest.unclassifiedFailures());
        assertEquals(1, counts.of("orders.place").completed());
        assertEquals(ExecutionStats.NONE, counts.of("never.ran"));
        assertEquals(at(0), counts.observedSince(), "the first look reaches back far enough to cover the whole window");
        assertNull(counts.partial());
    }

    @Test
    void followsARunningExecutionToItsEndAndCountsEachOutcomeOnce() {
        runtime.put("long", "content.ingest", ExecutionState.RUNNING, at(0), null, null);
        watch.poll(runtime, at(10), SETTINGS);
        completed("quick", "content.ingest", 500, 501);
        watch.poll(runtime, at(505), SETTINGS);

        failed("long", "content.ingest", 0, 600, ErrorCode.HANDLER_FAILED);
        WindowCounts counts = watch.poll(runtime, at(610), SETTINGS);
        assertEquals(1, counts.of("content.ingest").failed(), "accepted ten minutes ago, failed in the window");
        assertEquals(1, counts.of("content.ingest").completed());
        assertEquals(0, counts.of("content.ingest").running());

        counts = watch.poll(runtime, at(615), SETTINGS);
        assertEquals(1, counts.of("content.ingest").failed(), "seen again, counted once");
        assertEquals(1, counts.of("content.ingest").completed());

        counts = watch.poll(runtime, at(1000), SETTINGS);
        assertEquals(ExecutionStats.NONE, counts.of("content.ingest"), "both ended more than a window ago");
    }

    @Test
    void aLookListsOnlyRecentExecutionsOnceNothingOldIsRunning() {
        for (int i = 0; i < 3000; i++) {
            completed("e" + i, "content.ingest", i, i + 1);
        }
        watch.poll(runtime, at(3000), SETTINGS);
        int listedFirst = runtime.summariesListed;
        completed("new", "content.ingest", 3001, 3002);
        runtime.summariesListed = 0;

        WindowCounts counts = watch.poll(runtime, at(3005), SETTINGS);

        assertEquals(3000, listedFirst);
        assertTrue(runtime.summariesListed <= 15, "only the last seconds are listed again: " + runtime.summariesListed);
        assertEquals(296, counts.of("content.ingest").completed(), "ended in (3005 - 300, 3005]: 2705 to 2999, and the new one");
    }

    @Test
    void looksUpABoundedNumberOfFailureCodesPerLookAndTheRestLater() {
        for (int i = 0; i < 5; i++) {
            failed("f" + i, "content.ingest", i, i + 1, ErrorCode.HANDLER_FAILED);
        }
        HealthSettings twoLookups = new HealthSettings(Duration.ofMinutes(5), Duration.ofSeconds(5), Duration.ofHours(1),
                100_000, 2);

        WindowCounts counts = watch.poll(runtime, at(10), twoLookups);
        assertEquals(2, runtime.lookups);
        assertEquals(3, counts.of("content.ingest").unclassifiedFailures());
        assertEquals(List.of(new FailureCount(ErrorCode.HANDLER_FAILED, 2)), counts.of("content.ingest").failureCodes());

        watch.poll(runtime, at(15), twoLookups);
        counts = watch.poll(runtime, at(20), twoLookups);
        assertEquals(5, runtime.lookups, "each failure is looked up once");
        assertEquals(0, counts.of("content.ingest").unclassifiedFailures());
        assertEquals(List.of(new FailureCount(ErrorCode.HANDLER_FAILED, 5)), counts.of("content.ingest").failureCodes());
    }

    @Test
    void saysWhenTheScanLimitCutsTheCountsShort() {
        for (int i = 0; i < 2500; i++) {
            completed("e" + i, "content.ingest", i / 10, i / 10 + 1);
        }
        HealthSettings small = new HealthSettings(Duration.ofMinutes(5), Duration.ofSeconds(5), Duration.ofHours(1),
                1000, 0);

        WindowCounts counts = watch.poll(runtime, at(300), small);

        assertNotNull(counts.partial());
        assertTrue(counts.partial().contains("healthScanLimit"), counts.partial());
        assertEquals(1000, counts.of("content.ingest").completed());
    }

    @Test
    void forgetsARunningExecutionTheRuntimeNoLongerLists() {
        runtime.put("r1", "content.ingest", ExecutionState.RUNNING, at(0), null, null);
        assertEquals(1, watch.poll(runtime, at(5), SETTINGS).of("content.ingest").running());
        runtime.remove("r1");
        assertEquals(0, watch.poll(runtime, at(10), SETTINGS).of("content.ingest").running());
    }
}
