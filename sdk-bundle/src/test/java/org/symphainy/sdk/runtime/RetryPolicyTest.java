package org.symphainy.sdk.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.symphainy.sdk.intent.ErrorCode;

class RetryPolicyTest {

    @Test
    void waitsGrowByTheCoefficientUpToTheMaximum() {
        RetryPolicy policy = new RetryPolicy(10, Duration.ofSeconds(1), 2.0, Duration.ofSeconds(100), 0, Set.of());

        assertEquals(Duration.ofSeconds(1), policy.delayAfter(1, 7));
        assertEquals(Duration.ofSeconds(2), policy.delayAfter(2, 7));
        assertEquals(Duration.ofSeconds(64), policy.delayAfter(7, 7));
        assertEquals(Duration.ofSeconds(100), policy.delayAfter(8, 7));
        assertEquals(Duration.ofSeconds(100), policy.delayAfter(60, 7));
    }

    @Test
    void jitterSpreadsWithinItsShareAndIsTheSameForTheSameSeedAndAttempt() {
        RetryPolicy policy = new RetryPolicy(10, Duration.ofSeconds(10), 1.0, Duration.ofSeconds(100), 0.2, Set.of());
        long lowest = Long.MAX_VALUE;
        long highest = 0;
        for (long seed = 0; seed < 2_000; seed++) {
            long millis = policy.delayAfter(1, seed).toMillis();
            lowest = Math.min(lowest, millis);
            highest = Math.max(highest, millis);
            assertEquals(policy.delayAfter(1, seed), policy.delayAfter(1, seed));
        }
        assertTrue(lowest >= 8_000 && lowest < 8_100, "lowest " + lowest);
        assertTrue(highest <= 12_000 && highest > 11_900, "highest " + highest);
    }

    @Test
    void retriesUntilTheLastAttemptAndNeverANonRetryableCode() {
        RetryPolicy policy = RetryPolicy.DEFAULT;

        assertTrue(policy.retries(ErrorCode.HANDLER_FAILED, 1));
        assertTrue(policy.retries(ErrorCode.STEP_TIMEOUT, 9));
        assertFalse(policy.retries(ErrorCode.HANDLER_FAILED, 10));
        assertFalse(policy.retries(ErrorCode.HANDLER_RETURNED_NULL, 1));
        assertFalse(RetryPolicy.NONE.retries(ErrorCode.HANDLER_FAILED, 1));
    }

    @Test
    void badValuesAreRefusedSayingWhatIsWrong() {
        assertEquals("maxAttempts is 0; it must be 1 (no retry) or more", assertThrows(IllegalArgumentException.class,
                () -> new RetryPolicy(0, Duration.ofSeconds(1), 2, Duration.ofSeconds(2), 0, Set.of())).getMessage());
        assertEquals("maxInterval is PT0.5S; it must be at least initialInterval (PT1S)", assertThrows(
                IllegalArgumentException.class, () -> new RetryPolicy(3, Duration.ofSeconds(1), 2, Duration.ofMillis(500), 0,
                        Set.of())).getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> new RetryPolicy(3, Duration.ofSeconds(1), 0.5, Duration.ofSeconds(2), 0, Set.of()));
        assertThrows(IllegalArgumentException.class,
                () -> new RetryPolicy(3, Duration.ofSeconds(1), 2, Duration.ofSeconds(2), 1.5, Set.of()));
    }
}
