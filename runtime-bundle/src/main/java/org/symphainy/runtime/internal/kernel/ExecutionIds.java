package org.symphainy.runtime.internal.kernel;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Execution ids: time-ordered UUIDs in the version 7 layout (48 bits of Unix milliseconds, then 74 random bits), so ids
 * sort roughly by acceptance and making one takes no lock and no system call — {@code UUID.randomUUID()} reads the
 * operating system's entropy source under a lock, which every submitting thread would queue on. Ids identify
 * executions; they grant nothing, so they need not be unguessable.
 */
final class ExecutionIds {

    private ExecutionIds() {
    }

    /** A new id, as its canonical string. */
    static String next() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long millis = System.currentTimeMillis();
        long high = (millis << 16) | 0x7000L | (random.nextInt() & 0x0fffL);
        long low = (random.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }
}
