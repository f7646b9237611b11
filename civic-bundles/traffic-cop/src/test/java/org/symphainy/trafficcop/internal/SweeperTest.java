package org.symphainy.trafficcop.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class SweeperTest {

    @Test
    void runsRepeatedlyEvenAfterAFailure() throws InterruptedException {
        CountDownLatch runs = new CountDownLatch(3);
        AtomicInteger calls = new AtomicInteger();
        Sweeper sweeper = new Sweeper("test-sweeper", () -> {
            runs.countDown();
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("a failing sweep (expected in this test)");
            }
        });

        sweeper.every(Duration.ofMillis(5));

        assertTrue(runs.await(10, TimeUnit.SECONDS), "the sweeper ran " + calls.get() + " times");
        sweeper.stop();
        assertTrue(sweeper.stopped());
    }

    @Test
    void aNewIntervalReplacesTheOld() throws InterruptedException {
        CountDownLatch runs = new CountDownLatch(2);
        Sweeper sweeper = new Sweeper("test-sweeper", runs::countDown);

        sweeper.every(Duration.ofDays(1));
        sweeper.every(Duration.ofMillis(5));

        assertTrue(runs.await(10, TimeUnit.SECONDS));
        sweeper.stop();
    }

    @Test
    void doesNothingOnceStopped() {
        AtomicInteger calls = new AtomicInteger();
        Sweeper sweeper = new Sweeper("test-sweeper", calls::incrementAndGet);
        sweeper.stop();

        sweeper.every(Duration.ofMillis(1));

        assertTrue(sweeper.stopped());
    }
}
