package org.symphainy.itest.container;

import static org.junit.Assert.assertNotNull;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.util.tracker.ServiceTracker;
import org.symphainy.sdk.runtime.Execution;
import org.symphainy.sdk.runtime.Runtime;

/**
 * What a Pax Exam test inside the container waits for: a service (bounded, for failures only), an execution to end, a
 * condition; and the installed bundles by name. The trackers it opens are closed with it.
 */
final class ContainerServices implements AutoCloseable {

    static final long WAIT_MILLIS = 30_000;

    private final BundleContext context;
    private final List<ServiceTracker<?, ?>> trackers = new ArrayList<>();

    ContainerServices(BundleContext context) {
        this.context = context;
    }

    /** The highest-ranked service of {@code type}, waiting for it to be registered. */
    <T> T service(Class<T> type) throws InterruptedException {
        ServiceTracker<T, T> tracker = new ServiceTracker<>(context, type, null);
        tracker.open();
        trackers.add(tracker);
        T service = tracker.waitForService(WAIT_MILLIS);
        assertNotNull("no " + type.getSimpleName() + " service within " + WAIT_MILLIS + " ms", service);
        return service;
    }

    /** The execution once it is COMPLETED or FAILED. */
    Execution awaitEnd(String executionId) throws InterruptedException {
        Runtime runtime = service(Runtime.class);
        await(() -> runtime.execution(executionId).map(e -> e.state().isTerminal()).orElse(false),
                "execution " + executionId + " to end");
        return runtime.execution(executionId).orElseThrow();
    }

    /** The installed bundle with this symbolic name. */
    Bundle installed(String symbolicName) {
        for (Bundle bundle : context.getBundles()) {
            if (symbolicName.equals(bundle.getSymbolicName())) {
                return bundle;
            }
        }
        throw new AssertionError("bundle " + symbolicName + " is not installed");
    }

    /** Waits until {@code condition} holds. */
    static void await(Supplier<Boolean> condition, String what) throws InterruptedException {
        long deadline = System.currentTimeMillis() + WAIT_MILLIS;
        while (!condition.get()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("waited " + WAIT_MILLIS + " ms for " + what);
            }
            Thread.sleep(5);
        }
    }

    @Override
    public void close() {
        trackers.forEach(ServiceTracker::close);
        trackers.clear();
    }
}
