package org.symphainy.launcher;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.felix.framework.Felix;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleListener;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceListener;
import org.osgi.framework.launch.Framework;
import org.symphainy.foundations.osgi.ResolutionDiagnosis;

/** The embedded Felix framework with the platform bundles of {@code system/}: start, wait until ready, stop. */
final class Container {

    private static final String HTTP_RUNTIME = "org.osgi.service.http.runtime.HttpServiceRuntime";
    private static final long STOP_TIMEOUT_MS = 30_000;

    private final Settings settings;
    private final LifecycleLog lifecycle = new LifecycleLog();
    private Framework framework;

    Container(Settings settings) {
        this.settings = settings;
    }

    /** Starts the framework and every system bundle; returns the number of active bundles once all are ready. */
    int start(SystemBundles system, boolean clean) throws LaunchException {
        framework = new Felix(frameworkProperties(clean));
        try {
            framework.init();
            BundleContext context = framework.getBundleContext();
            context.addBundleListener(lifecycle);
            context.addFrameworkListener(lifecycle);
            system.reconcile(context);
            CountDownLatch started = new CountDownLatch(1);
            context.addFrameworkListener(event -> {
                if (event.getType() == FrameworkEvent.STARTED) {
                    started.countDown();
                }
            });
            framework.start();
            started.await();
        } catch (BundleException e) {
            throw new LaunchException(LaunchException.BUNDLE_FAILURE, "the framework cannot start: " + ResolutionDiagnosis.oneLine(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LaunchException(LaunchException.BUNDLE_FAILURE, "interrupted while starting");
        }
        checkSystemBundles(system);
        awaitHttp();
        awaitPlatformServices(system);
        return countActive();
    }

    /** The framework's own context, to install and start bundles beyond the system ones; null before {@link #start}. */
    BundleContext bundleContext() {
        return framework == null ? null : framework.getBundleContext();
    }

    /** Waits until the framework stops by itself or {@code shutdown} is signalled. */
    void awaitStop(CountDownLatch shutdown) throws InterruptedException {
        Thread watcher = new Thread(() -> {
            try {
                framework.waitForStop(0);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            shutdown.countDown();
        }, "symphainy-framework-watch");
        watcher.setDaemon(true);
        watcher.start();
        shutdown.await();
    }

    /** Stops every bundle in reverse start order, then the framework; true if it stopped within the timeout. */
    boolean stop() {
        if (framework == null) {
            return true;
        }
        try {
            framework.stop();
            FrameworkEvent event = framework.waitForStop(STOP_TIMEOUT_MS);
            return event.getType() != FrameworkEvent.WAIT_TIMEDOUT;
        } catch (BundleException e) {
            LifecycleLog.LOG.error("stopping the framework failed: " + ResolutionDiagnosis.oneLine(e));
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private Map<String, Object> frameworkProperties(boolean clean) {
        Map<String, Object> properties = new HashMap<>(settings.properties());
        properties.putIfAbsent(Constants.FRAMEWORK_STORAGE, settings.data().resolve("cache").toString());
        if (clean) {
            properties.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        }
        properties.put("felix.log.logger", new FrameworkLog());
        return properties;
    }

    private void checkSystemBundles(SystemBundles system) throws LaunchException {
        BundleContext context = framework.getBundleContext();
        List<String> failures = new ArrayList<>();
        for (Bundle bundle : system.bundles()) {
            if (!SystemBundles.isReady(bundle)) {
                String why = ResolutionDiagnosis.explain(context, bundle, lifecycle.lastError(bundle));
                failures.add(ResolutionDiagnosis.name(bundle));
                LifecycleLog.LOG.error("system bundle " + ResolutionDiagnosis.name(bundle) + " ("
                        + SystemBundles.source(bundle) + ") " + why);
            }
        }
        if (!failures.isEmpty()) {
            throw new LaunchException(LaunchException.BUNDLE_FAILURE, "not ready: " + failures.size()
                    + " system bundle(s) failed: " + String.join(", ", failures) + " (reasons above)");
        }
    }

    /** The HTTP server binds asynchronously; the container is ready only once it serves. */
    private void awaitHttp() throws LaunchException {
        if (!awaitService(HTTP_RUNTIME, Long.parseLong(settings.get("symphainy.http.startTimeoutMs", "15000")))) {
            int port = settings.httpPort();
            Preflight.checkPort(settings.httpHost(), port);
            throw new LaunchException(LaunchException.ENVIRONMENT, "the HTTP server did not start on " + settings.httpHost()
                    + ":" + port + " (see the log above)");
        }
    }

    /**
     * The platform services named by {@code symphainy.ready.services} (the Runtime, by default) come from components
     * that may still be starting — the kernel recovers its WAL first. Ready means they serve; one that does not come
     * within {@code symphainy.ready.timeoutMs} fails the start, and so does a system bundle that stops meanwhile (the
     * kernel stops its bundle when it cannot recover), at once.
     */
    private void awaitPlatformServices(SystemBundles system) throws LaunchException {
        long timeout = Long.parseLong(settings.get("symphainy.ready.timeoutMs", "120000"));
        for (String service : settings.get("symphainy.ready.services", "").split(",")) {
            if (service.isBlank()) {
                continue;
            }
            Bundle stopped = awaitPlatformService(service.trim(), timeout, system);
            if (stopped != null) {
                throw new LaunchException(LaunchException.BUNDLE_FAILURE, "not ready: system bundle "
                        + ResolutionDiagnosis.name(stopped) + " stopped while the container waited for the " + service.trim()
                        + " service (its reason is in the log above)");
            }
            if (!registered(service.trim())) {
                throw new LaunchException(LaunchException.BUNDLE_FAILURE, "the " + service.trim() + " service did not come up within "
                        + timeout + " ms: its component failed to activate or is still recovering (see the log above; "
                        + "symphainy.ready.timeoutMs in etc/symphainy.properties sets the wait)");
            }
        }
    }

    /**
     * Waits until a service of {@code className} is registered, a bundle of {@code system} stops, or
     * {@code timeoutMillis} pass; returns the system bundle that stopped, else null.
     */
    private Bundle awaitPlatformService(String className, long timeoutMillis, SystemBundles system) {
        BundleContext context = framework.getBundleContext();
        CountDownLatch done = new CountDownLatch(1);
        Bundle[] stopped = new Bundle[1];
        ServiceListener serviceListener = event -> done.countDown();
        BundleListener bundleListener = event -> {
            if ((event.getType() == BundleEvent.STOPPING || event.getType() == BundleEvent.STOPPED)
                    && system.bundles().contains(event.getBundle())) {
                stopped[0] = event.getBundle();
                done.countDown();
            }
        };
        try {
            context.addServiceListener(serviceListener, "(" + Constants.OBJECTCLASS + "=" + className + ")");
            context.addBundleListener(bundleListener);
            Bundle alreadyStopped = system.bundles().stream().filter(b -> !SystemBundles.isReady(b)).findFirst().orElse(null);
            if (alreadyStopped != null) {
                return alreadyStopped;
            }
            if (!registered(className)) {
                done.await(timeoutMillis, TimeUnit.MILLISECONDS);
            }
            return registered(className) ? null : stopped[0];
        } catch (InvalidSyntaxException e) {
            throw new IllegalArgumentException("'" + className + "' is not a service class name: fix symphainy.ready.services", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } finally {
            context.removeServiceListener(serviceListener);
            context.removeBundleListener(bundleListener);
        }
    }

    /** Waits until a service of {@code className} is registered; false after {@code timeoutMillis}. */
    private boolean awaitService(String className, long timeoutMillis) {
        BundleContext context = framework.getBundleContext();
        CountDownLatch registered = new CountDownLatch(1);
        ServiceListener listener = event -> registered.countDown();
        try {
            context.addServiceListener(listener, "(" + Constants.OBJECTCLASS + "=" + className + ")");
            return registered(className) || registered.await(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (InvalidSyntaxException e) {
            throw new IllegalArgumentException("'" + className + "' is not a service class name", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            context.removeServiceListener(listener);
        }
    }

    private boolean registered(String className) {
        try {
            return framework.getBundleContext().getAllServiceReferences(className, null) != null;
        } catch (InvalidSyntaxException e) {
            throw new IllegalArgumentException("'" + className + "' is not a service class name: fix symphainy.ready.services", e);
        }
    }

    private int countActive() {
        int active = 0;
        for (Bundle bundle : framework.getBundleContext().getBundles()) {
            if (bundle.getBundleId() != 0 && bundle.getState() == Bundle.ACTIVE) {
                active++;
            }
        }
        return active;
    }
}
