package org.symphainy.sdk.runtime;

import java.time.Duration;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Drain and pin, offered by the Runtime to the deployer: before a bundle's revision is replaced or removed, the
 * executions bound to the handlers that revision serves finish on it, and new work of those handlers waits; then the
 * change runs; then the waiting work proceeds on whatever serves the intents afterwards (the new revision). No
 * acknowledged execution is lost to a deploy: a submission that waits is acknowledged only once it is bound to a
 * handler that stays until it ends.
 *
 * <p>An execution is <em>bound</em> from the moment the Runtime hands it a handler (on acceptance, or when a resumed,
 * retried or approved execution is about to run) until that handler returns. Executions waiting for a retry or for a
 * handler are not bound: they resolve their pinned intent version again when they run.
 */
@ProviderType
public interface ExecutionDrain {

    /**
     * Drains the executions bound to the handlers of bundle {@code symbolicName} {@code version}, runs {@code change}
     * once none is left, then lets the work that waited proceed. From the call on, new work of those handlers waits.
     *
     * @param symbolicName the bundle's symbolic name
     * @param version the bundle's version (the revision being replaced or removed)
     * @param bound how long to wait for the bound executions to end
     * @param change the framework change (update and refresh, or uninstall); runs at most once, on the calling thread
     * @throws DrainTimeoutException if executions were still bound after {@code bound}: {@code change} did not run,
     *         and the work that waited proceeds on the same revision
     * @throws E whatever {@code change} throws (the waiting work proceeds all the same)
     */
    <E extends Exception> void drained(String symbolicName, String version, Duration bound, Change<E> change) throws E;

    /** A change to the framework that runs once the drain is done. */
    @FunctionalInterface
    interface Change<E extends Exception> {

        /** Makes the change. */
        void run() throws E;
    }
}
