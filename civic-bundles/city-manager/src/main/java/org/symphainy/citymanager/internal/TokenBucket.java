package org.symphainy.citymanager.internal;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A token bucket of {@code burst} tokens refilled at {@code rate} tokens per second, kept lock-free as one number: the
 * time at which the bucket will be full again (the "theoretical arrival time" of the generic cell rate algorithm, which
 * is the same bucket seen from its clock). Taking a token is one compare-and-set, so many threads contend cheaply.
 */
final class TokenBucket {

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final long interval;
    private final long capacity;
    private final AtomicLong fullAt = new AtomicLong(Long.MIN_VALUE);

    /** A full bucket; {@code rate} must be positive, {@code burst} at least 1. */
    TokenBucket(double rate, int burst) {
        if (!(rate > 0) || burst < 1) {
            throw new IllegalArgumentException("a token bucket needs a rate above 0 and a burst of 1 or more; got "
                    + rate + "/" + burst);
        }
        this.interval = Math.max(1, Math.round(NANOS_PER_SECOND / rate));
        this.capacity = interval * burst;
    }

    /** Takes a token at time {@code now} (nanoseconds): 0 if there was one, else the nanoseconds until there is. */
    long take(long now) {
        while (true) {
            long full = fullAt.get();
            long next = (full == Long.MIN_VALUE || full - now < 0 ? now : full) + interval;
            long debt = next - now - capacity;
            if (debt > 0) {
                return debt;
            }
            if (fullAt.compareAndSet(full, next)) {
                return 0;
            }
        }
    }
}
