package org.symphainy.runtime.internal.kernel;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How many executions each tenant has in flight (accepted, not waiting for approval, not ended): what the governance
 * stages see as {@code GovernanceContext.tenantInFlight()}, for the City Manager's in-flight quota. Kept as records are
 * applied, so it is as exact as the execution book.
 */
final class TenantLoad {

    private final Map<String, AtomicInteger> running = new ConcurrentHashMap<>();

    /** One more execution of {@code tenant} in flight. */
    void start(String tenant) {
        running.computeIfAbsent(tenant, t -> new AtomicInteger()).incrementAndGet();
    }

    /** One execution of {@code tenant} ended. */
    void end(String tenant) {
        AtomicInteger count = running.get(tenant);
        if (count != null) {
            count.updateAndGet(n -> Math.max(0, n - 1));
        }
    }

    /** The executions of {@code tenant} in flight now. */
    int of(String tenant) {
        AtomicInteger count = running.get(tenant);
        return count == null ? 0 : count.get();
    }
}
