package org.symphainy.bench.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

class BenchOptionsTest {

    private static BenchOptions from(Map<String, String> properties) {
        return BenchOptions.from(properties::get);
    }

    @Test
    void aContainerNotStartedByTheBenchHasNoOptions() {
        assertNull(from(Map.of()));
    }

    @Test
    void defaults() {
        BenchOptions options = from(Map.of(BenchOptions.MODE, "all"));
        assertEquals(new BenchOptions(BenchOptions.Mode.ALL, 10, 64), options);
        assertEquals(Duration.ofSeconds(10), options.duration());
        assertEquals(Duration.ofSeconds(2), options.warmUp());
    }

    @Test
    void givenValues() {
        BenchOptions options = from(Map.of(BenchOptions.MODE, " ASYNC ", BenchOptions.SECONDS, "1",
                BenchOptions.CONCURRENCY, "8"));
        assertEquals(new BenchOptions(BenchOptions.Mode.ASYNC, 1, 8), options);
        assertEquals(Duration.ofSeconds(1), options.warmUp());
    }

    @Test
    void modesChooseScenarios() {
        assertTrue(BenchOptions.Mode.FSYNC.fsync());
        assertFalse(BenchOptions.Mode.FSYNC.async());
        assertFalse(BenchOptions.Mode.ASYNC.fsync());
        assertTrue(BenchOptions.Mode.ASYNC.async());
        assertTrue(BenchOptions.Mode.ALL.fsync() && BenchOptions.Mode.ALL.async());
    }

    @Test
    void badValuesSayWhatToUse() {
        BenchFailure mode = assertThrows(BenchFailure.class, () -> from(Map.of(BenchOptions.MODE, "fast")));
        assertEquals("symphainy.bench.mode is 'fast'; use fsync, async or all", mode.getMessage());
        BenchFailure seconds = assertThrows(BenchFailure.class,
                () -> from(Map.of(BenchOptions.MODE, "all", BenchOptions.SECONDS, "0")));
        assertEquals("symphainy.bench.seconds is '0'; use a whole number from 1 to 3600", seconds.getMessage());
        assertThrows(BenchFailure.class, () -> from(Map.of(BenchOptions.MODE, "all", BenchOptions.CONCURRENCY, "x")));
    }
}
