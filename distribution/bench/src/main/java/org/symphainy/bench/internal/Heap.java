package org.symphainy.bench.internal;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/** The heap the JVM holds live: used heap right after full collections. */
final class Heap {

    private Heap() {
    }

    /** Heap bytes in use after collecting garbage (several times, until it stops shrinking). */
    static long usedAfterGc() throws InterruptedException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            memory.gc();
            Thread.sleep(50);
            long now = memory.getHeapMemoryUsage().getUsed();
            if (now >= used - used / 1000) {
                return Math.min(now, used);
            }
            used = now;
        }
        return used;
    }
}
