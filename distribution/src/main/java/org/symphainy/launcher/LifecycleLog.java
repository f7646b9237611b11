package org.symphainy.launcher;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.FrameworkListener;
import org.osgi.framework.SynchronousBundleListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.symphainy.foundations.osgi.ResolutionDiagnosis;

/**
 * Logs every bundle lifecycle event as one line ({@code bundle started org.acme.foo 1.2.0}) and remembers the last
 * framework error of each bundle, so a failed start can be explained.
 */
final class LifecycleLog implements SynchronousBundleListener, FrameworkListener {

    /** The launcher's logger; slf4j-simple shows it as {@code container}. */
    static final Logger LOG = LoggerFactory.getLogger("org.symphainy.container");

    private final Map<Long, Throwable> lastErrors = new ConcurrentHashMap<>();

    @Override
    public void bundleChanged(BundleEvent event) {
        String verb = verb(event.getType());
        if (verb != null) {
            LOG.info("bundle {} {}", verb, ResolutionDiagnosis.name(event.getBundle()));
        }
    }

    @Override
    public void frameworkEvent(FrameworkEvent event) {
        if (event.getType() == FrameworkEvent.ERROR && event.getBundle() != null && event.getBundle().getBundleId() != 0) {
            Throwable error = event.getThrowable();
            lastErrors.put(event.getBundle().getBundleId(), error == null ? new IllegalStateException("unknown error") : error);
        }
    }

    /** The last framework error reported for {@code bundle}, or null. */
    Throwable lastError(Bundle bundle) {
        return lastErrors.get(bundle.getBundleId());
    }

    static String verb(int type) {
        switch (type) {
            case BundleEvent.INSTALLED: return "installed";
            case BundleEvent.RESOLVED: return "resolved";
            case BundleEvent.STARTED: return "started";
            case BundleEvent.UPDATED: return "updated";
            case BundleEvent.STOPPED: return "stopped";
            case BundleEvent.UNRESOLVED: return "unresolved";
            case BundleEvent.UNINSTALLED: return "uninstalled";
            default: return null;
        }
    }
}
