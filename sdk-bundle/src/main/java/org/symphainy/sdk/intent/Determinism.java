package org.symphainy.sdk.intent;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Random;
import java.util.random.RandomGenerator;

/**
 * How a step's clock and random source are made from what the write-ahead log records, so that the Runtime, replay and
 * the test kit give a handler the same values. The clock is fixed at the recorded instant (UTC). The random source is
 * {@link java.util.Random}, whose algorithm the Java specification fixes for every JVM, so a recorded seed replays the
 * same sequence on any later Java version.
 */
public final class Determinism {

    private Determinism() {
    }

    /** A clock fixed at {@code instant}, in UTC. */
    public static Clock clock(Instant instant) {
        return Clock.fixed(Objects.requireNonNull(instant, "instant is required"), ZoneOffset.UTC);
    }

    /** A new random source that draws the sequence determined by {@code seed}. */
    public static RandomGenerator random(long seed) {
        return new Random(seed);
    }
}
