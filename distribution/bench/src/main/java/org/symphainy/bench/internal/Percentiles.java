package org.symphainy.bench.internal;

import java.util.Arrays;

/** Percentiles of measured durations, by nearest rank over all samples (no histogram, no interpolation). */
final class Percentiles {

    private final long[] sorted;

    /** The distribution of {@code nanos} (copied). */
    Percentiles(long[] nanos) {
        if (nanos.length == 0) {
            throw new IllegalArgumentException("no samples");
        }
        this.sorted = nanos.clone();
        Arrays.sort(sorted);
    }

    /** The smallest sample at or above {@code percentile} per cent of all samples, in milliseconds. */
    double millis(double percentile) {
        if (percentile <= 0 || percentile > 100) {
            throw new IllegalArgumentException("percentile " + percentile + " is not in (0, 100]");
        }
        int rank = (int) Math.ceil(percentile / 100 * sorted.length);
        return sorted[Math.max(rank, 1) - 1] / 1e6;
    }

    int count() {
        return sorted.length;
    }
}
