package org.symphainy.bench.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class PercentilesTest {

    private static final long MS = 1_000_000;

    @Test
    void nearestRankOverUnsortedSamples() {
        long[] samples = new long[100];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = (100 - i) * MS; // 100 ms down to 1 ms
        }
        Percentiles percentiles = new Percentiles(samples);
        assertEquals(50.0, percentiles.millis(50));
        assertEquals(99.0, percentiles.millis(99));
        assertEquals(100.0, percentiles.millis(100));
        assertEquals(1.0, percentiles.millis(0.5));
        assertEquals(100, percentiles.count());
    }

    @Test
    void aFewSamplesRoundTheRankUp() {
        Percentiles percentiles = new Percentiles(new long[] {3 * MS, 1 * MS, 2 * MS});
        assertEquals(2.0, percentiles.millis(50));
        assertEquals(3.0, percentiles.millis(99));
    }

    @Test
    void theSamplesAreNotReordered() {
        long[] samples = {3, 1, 2};
        new Percentiles(samples);
        assertArrayEquals(new long[] {3, 1, 2}, samples);
    }

    @Test
    void noSamplesOrABadPercentileAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Percentiles(new long[0]));
        Percentiles percentiles = new Percentiles(new long[] {1});
        assertThrows(IllegalArgumentException.class, () -> percentiles.millis(0));
        assertThrows(IllegalArgumentException.class, () -> percentiles.millis(101));
    }
}
