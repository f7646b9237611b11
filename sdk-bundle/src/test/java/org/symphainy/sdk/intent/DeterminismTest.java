package org.symphainy.sdk.intent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Random;
import java.util.random.RandomGenerator;

import org.junit.jupiter.api.Test;

class DeterminismTest {

    @Test
    void theClockStaysAtTheRecordedInstant() {
        Instant recorded = Instant.parse("2026-03-01T10:00:00Z");
        var clock = Determinism.clock(recorded);

        assertEquals(recorded, clock.instant());
        assertEquals(recorded, clock.instant());
        assertEquals(ZoneOffset.UTC, clock.getZone());
    }

    @Test
    void theRandomSourceDrawsJavaUtilRandomsSpecifiedSequence() {
        RandomGenerator random = Determinism.random(7L);
        Random reference = new Random(7L);

        for (int i = 0; i < 5; i++) {
            assertEquals(reference.nextLong(), random.nextLong());
        }
        // the first value is fixed by the Java specification's algorithm, on every JVM
        assertEquals(-4967725919621401576L, new Random(7L).nextLong());
    }
}
