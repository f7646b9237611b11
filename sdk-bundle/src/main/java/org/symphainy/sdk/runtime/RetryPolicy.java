package org.symphainy.sdk.runtime;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;

import org.symphainy.sdk.intent.ErrorCode;

/**
 * How the Runtime retries a failed step: up to {@code maxAttempts} attempts, waiting between them an interval that
 * starts at {@code initialInterval} and grows by {@code backoffCoefficient} up to {@code maxInterval}, spread by
 * {@code jitter}; a failure whose code is in {@code nonRetryable} is never retried. The waits are durable timers: the
 * Runtime records the failed attempt, and a restart during the wait resumes with the time that is left. The jitter of
 * each wait is drawn from the execution's recorded seed, so the same execution always waits the same.
 *
 * @param maxAttempts the most attempts of a step, the first included (1: no retry)
 * @param initialInterval the wait before the second attempt
 * @param backoffCoefficient how much each wait grows over the one before (1.0: constant)
 * @param maxInterval the longest wait
 * @param jitter the share (0 to 1) by which a wait is spread, up or down, so retries of many executions do not align
 * @param nonRetryable failure codes that end the execution at once
 */
public record RetryPolicy(int maxAttempts, Duration initialInterval, double backoffCoefficient, Duration maxInterval,
        double jitter, Set<ErrorCode> nonRetryable) {

    /**
     * The defaults: 10 attempts, 1 s, doubling, at most 100 s, 20 % jitter; failures that the same input would give
     * again are not retried (a handler that returned null, artifacts the provenance rules reject, an invalid payload).
     * Temporal's and Restate's defaults retry without end; the Runtime stops after 10 attempts (327 s of waiting,
     * about 5.5 minutes, before jitter) so a broken handler ends in a visible FAILED execution instead of retrying forever.
     */
    public static final RetryPolicy DEFAULT = new RetryPolicy(10, Duration.ofSeconds(1), 2.0, Duration.ofSeconds(100),
            0.2, EnumSet.of(ErrorCode.HANDLER_RETURNED_NULL, ErrorCode.ARTIFACT_REJECTED, ErrorCode.PAYLOAD_INVALID,
                    ErrorCode.PAYLOAD_MALFORMED, ErrorCode.FORBIDDEN, ErrorCode.UNKNOWN_INTENT));

    /** No retry: the first failure ends the execution. */
    public static final RetryPolicy NONE = new RetryPolicy(1, Duration.ofSeconds(1), 1.0, Duration.ofSeconds(1), 0,
            Set.of());

    /** Checks every value, saying what is wrong. */
    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts is " + maxAttempts + "; it must be 1 (no retry) or more");
        }
        if (initialInterval == null || initialInterval.isNegative() || initialInterval.isZero()) {
            throw new IllegalArgumentException("initialInterval is " + initialInterval + "; it must be positive");
        }
        if (!(backoffCoefficient >= 1.0) || Double.isInfinite(backoffCoefficient)) {
            throw new IllegalArgumentException("backoffCoefficient is " + backoffCoefficient + "; it must be 1.0 or more");
        }
        if (maxInterval == null || maxInterval.compareTo(initialInterval) < 0) {
            throw new IllegalArgumentException("maxInterval is " + maxInterval + "; it must be at least initialInterval ("
                    + initialInterval + ")");
        }
        if (!(jitter >= 0 && jitter <= 1)) {
            throw new IllegalArgumentException("jitter is " + jitter + "; it must be between 0 and 1");
        }
        nonRetryable = nonRetryable == null || nonRetryable.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(nonRetryable));
    }

    /** True if a step whose attempt number {@code attempt} failed with {@code code} gets another attempt. */
    public boolean retries(ErrorCode code, int attempt) {
        return attempt < maxAttempts && !nonRetryable.contains(code);
    }

    /**
     * The wait after failed attempt number {@code attempt} (1 for the first), with the jitter drawn from {@code seed}:
     * the same for the same execution and attempt, whenever it is computed.
     */
    public Duration delayAfter(int attempt, long seed) {
        double base = initialInterval.toNanos() * Math.pow(backoffCoefficient, Math.max(0, attempt - 1));
        double capped = Math.min(base, maxInterval.toNanos());
        double spread = jitter == 0 ? 0 : jitter * (2 * unit(seed, attempt) - 1);
        return Duration.ofNanos((long) Math.max(0, Math.min(capped * (1 + spread), maxInterval.toNanos())));
    }

    /** A number in [0, 1) from the seed and attempt (SplitMix64's finaliser). */
    private static double unit(long seed, int attempt) {
        long z = seed + 0x9E3779B97F4A7C15L * attempt;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z = z ^ (z >>> 31);
        return (z >>> 11) * 0x1.0p-53;
    }
}
