package org.symphainy.citymanager.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.symphainy.citymanager.internal.Fixtures.ManualClock;

/** Token-bucket semantics on an injected clock, per tenant, and under contention. */
class TokenBucketTest {

    @Test
    void aFullBucketGivesItsBurstThenOneTokenPerInterval() {
        TokenBucket bucket = new TokenBucket(10, 3);
        long now = 5_000_000_000L;

        assertEquals(0, bucket.take(now));
        assertEquals(0, bucket.take(now));
        assertEquals(0, bucket.take(now));
        assertEquals(100_000_000L, bucket.take(now), "the next token comes one interval (100 ms) later");
        assertEquals(40_000_000L, bucket.take(now + 60_000_000L));
        assertEquals(0, bucket.take(now + 100_000_000L));
        assertEquals(100_000_000L, bucket.take(now + 100_000_000L));
    }

    @Test
    void aQuietBucketRefillsUpToItsBurstOnly() {
        TokenBucket bucket = new TokenBucket(10, 2);
        long now = 0;
        bucket.take(now);
        bucket.take(now);

        long later = now + 10_000_000_000L;
        assertEquals(0, bucket.take(later));
        assertEquals(0, bucket.take(later));
        assertTrue(bucket.take(later) > 0, "ten quiet seconds refill two tokens, not a hundred");
    }

    @Test
    void refusesARateOrBurstThatCannotWork() {
        assertThrows(IllegalArgumentException.class, () -> new TokenBucket(0, 1));
        assertThrows(IllegalArgumentException.class, () -> new TokenBucket(1, 0));
    }

    @Test
    void tenantsHaveTheirOwnBucketsAndOverrides() {
        ManualClock clock = new ManualClock();
        TenantQuotas quotas = new TenantQuotas(QuotaLimit.of(1, 1), Map.of("big", QuotaLimit.of(1, 3),
                "free", QuotaLimit.UNLIMITED), clock);

        assertEquals(0, quotas.take("acme"));
        assertEquals(1000, quotas.take("acme"), "wait in ms until the next token");
        assertEquals(0, quotas.take("globex"), "another tenant's bucket is untouched");
        assertEquals(0, quotas.take("big"));
        assertEquals(0, quotas.take("big"));
        assertEquals(0, quotas.take("big"));
        assertEquals(1000, quotas.take("big"));
        for (int i = 0; i < 1000; i++) {
            assertEquals(0, quotas.take("free"));
        }
        clock.advanceMillis(250);
        assertEquals(750, quotas.take("acme"));
        clock.advanceMillis(750);
        assertEquals(0, quotas.take("acme"));
    }

    @Test
    void sixtyFourThreadsGetExactlyTheBurstAndNoMore() throws InterruptedException {
        TokenBucket bucket = new TokenBucket(1, 500);
        AtomicInteger granted = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 64; t++) {
            Thread thread = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < 100; i++) {
                    if (bucket.take(42L) == 0) {
                        granted.incrementAndGet();
                    }
                }
            });
            thread.start();
            threads.add(thread);
        }
        start.countDown();
        for (Thread thread : threads) {
            thread.join();
        }

        assertEquals(500, granted.get(), "6,400 attempts at one instant take exactly the 500 tokens of the burst");
    }

    @Test
    void quotaSettingsReadOverridesAndReportWhatTheyCannotRead() {
        QuotaSettings settings = QuotaSettings.read("5/10", new String[] {"acme=50/100, free = unlimited", "", "bad",
            "typo=fast/1"}, System::nanoTime);

        assertEquals(QuotaLimit.of(5, 10), settings.quotas().limit("globex"));
        assertEquals(QuotaLimit.of(50, 100), settings.quotas().limit("acme"));
        assertEquals(QuotaLimit.UNLIMITED, settings.quotas().limit("free"));
        assertEquals(QuotaLimit.of(5, 10), settings.quotas().limit("typo"), "a bad entry leaves the default");
        assertEquals(2, settings.problems().size());
        assertTrue(settings.problems().get(1).contains("'typo=fast/1'"), settings.problems().toString());
        assertEquals("50 intents/s, burst 100", QuotaLimit.of(50, 100).toString());
    }
}
