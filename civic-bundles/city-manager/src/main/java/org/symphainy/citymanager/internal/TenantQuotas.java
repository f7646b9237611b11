package org.symphainy.citymanager.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Per-tenant rate quotas: one {@link TokenBucket} per tenant, sized by the tenant's override or the default. The clock
 * is injected (nanoseconds, such as {@code System::nanoTime}) so tests can drive time.
 */
final class TenantQuotas {

    private static final long NANOS_PER_MILLI = 1_000_000L;

    private final QuotaLimit defaultLimit;
    private final Map<String, QuotaLimit> overrides;
    private final LongSupplier clock;
    private final ConcurrentHashMap<String, TokenBucket> buckets = new ConcurrentHashMap<>();

    TenantQuotas(QuotaLimit defaultLimit, Map<String, QuotaLimit> overrides, LongSupplier clock) {
        this.defaultLimit = defaultLimit;
        this.overrides = Map.copyOf(overrides);
        this.clock = clock;
    }

    /** The quota of {@code tenant}. */
    QuotaLimit limit(String tenant) {
        return overrides.getOrDefault(tenant, defaultLimit);
    }

    /** Takes one intent from the tenant's quota: 0 if allowed, else the milliseconds to wait (at least 1). */
    long take(String tenant) {
        TokenBucket bucket = buckets.get(tenant);
        if (bucket == null) {
            QuotaLimit limit = limit(tenant);
            if (limit.unlimited()) {
                return 0;
            }
            bucket = buckets.computeIfAbsent(tenant, t -> new TokenBucket(limit.rate(), limit.burst()));
        }
        long waitNanos = bucket.take(clock.getAsLong());
        return waitNanos == 0 ? 0 : Math.max(1, (waitNanos + NANOS_PER_MILLI - 1) / NANOS_PER_MILLI);
    }
}
