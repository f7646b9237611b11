package org.symphainy.runtime.internal.kernel;

import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Optional;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.symphainy.sdk.governance.CityManager;
import org.symphainy.sdk.governance.DataSteward;
import org.symphainy.sdk.governance.GovernanceRole;
import org.symphainy.sdk.governance.Librarian;
import org.symphainy.sdk.governance.SecurityGuard;
import org.symphainy.sdk.governance.Stage;
import org.symphainy.sdk.governance.TrafficCop;
import org.symphainy.sdk.identity.Principal;
import org.symphainy.sdk.identity.Session;
import org.symphainy.sdk.identity.Sessions;
import org.symphainy.sdk.ledger.Ledger;
import org.symphainy.sdk.registry.IntentRegistry;
import org.symphainy.sdk.runtime.ExecutionDrain;
import org.symphainy.sdk.runtime.Projection;
import org.symphainy.sdk.runtime.RetryPolicies;
import org.symphainy.sdk.runtime.RetryPolicy;
import org.symphainy.sdk.runtime.Runtime;

/**
 * Brings the {@link Kernel} up inside the container and publishes it as the {@link Runtime} service (and its WAL, read-only, as the {@link Ledger}) — only once recovery
 * is done, so nobody can reach a runtime that is still reading its log. Recovery runs on a thread of its own: the
 * container goes on starting the other bundles meanwhile. The governance role services and the Traffic Cop's sessions
 * are followed dynamically (the highest ranked of each), so a role bundle can come, go or be replaced while the kernel
 * runs.
 */
@Component(service = {}, immediate = true, configurationPid = "org.symphainy.runtime")
@Designate(ocd = KernelConfig.class)
public final class KernelComponent {

    private static final Logger LOG = LoggerFactory.getLogger("org.symphainy.runtime");

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile TrafficCop trafficCop;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile SecurityGuard securityGuard;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile CityManager cityManager;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile Librarian librarian;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile DataSteward dataSteward;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile Sessions sessions;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile RetryPolicies retryPolicies;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile org.symphainy.sdk.saga.Sagas sagas;

    /** A projection's bundle (who its effects are recorded by) and the intent types it follows. */
    private record Followed(String by, java.util.Set<String> intentTypes) {
    }

    private final java.util.Map<Projection, Followed> projections = new java.util.LinkedHashMap<>();
    private final Thread recovery;
    private final Object lock = new Object();
    private Kernel kernel;
    private ServiceRegistration<Runtime> registration;
    private ServiceRegistration<Ledger> ledgerRegistration;
    private ServiceRegistration<ExecutionDrain> drainRegistration;
    private boolean stopped;

    /** Starts recovering the WAL; the Runtime service appears when it is done. */
    @Activate
    public KernelComponent(BundleContext context, KernelConfig config, @Reference IntentRegistry registry) {
        this.recovery = new Thread(() -> recover(context, config, registry), "symphainy-recovery");
        this.recovery.setDaemon(true);
        this.recovery.start();
    }

    private void recover(BundleContext context, KernelConfig config, IntentRegistry registry) {
        Kernel made;
        try {
            made = new Kernel(WalSettings.directory(context, config), config, registry, this::role, this::principal,
                    this::retryPolicy, this::saga);
        } catch (RuntimeException | Error e) {
            LOG.error("the runtime did not start: {}", e.getMessage() != null ? e.getMessage() : e.toString(), e);
            stopBundle(context);
            return;
        }
        synchronized (lock) {
            if (stopped) {
                made.close();
                return;
            }
            kernel = made;
            projections.forEach((projection, followed) -> made.addProjection(projection, followed.by(), followed.intentTypes()));
            Dictionary<String, Object> properties = new Hashtable<>();
            properties.put(Constants.SERVICE_DESCRIPTION, "Symphainy runtime kernel");
            registration = context.registerService(Runtime.class, made, properties);
            Dictionary<String, Object> ledgerProperties = new Hashtable<>();
            ledgerProperties.put(Constants.SERVICE_DESCRIPTION, "Symphainy write-ahead log, read-only");
            ledgerRegistration = context.registerService(Ledger.class, made.ledger(), ledgerProperties);
            made.drain().installedIntents(new InstalledIntents(context)::declares);
            drainRegistration = context.registerService(ExecutionDrain.class, made.drain(), new Hashtable<>());
        }
    }

    /**
     * A kernel that cannot recover leaves nothing half-started: its bundle stops (transiently: the next start tries
     * again), which the container sees at once and reports, instead of waiting for a Runtime that will not come. On
     * a thread of its own, because stopping the bundle deactivates this component, which waits for the recovery thread.
     */
    private static void stopBundle(BundleContext context) {
        Thread stopper = new Thread(() -> {
            try {
                context.getBundle().stop(Bundle.STOP_TRANSIENT);
            } catch (BundleException | IllegalStateException e) {
                LOG.warn("could not stop the runtime bundle after the failed start: {}", e.toString());
            }
        }, "symphainy-runtime-stop");
        stopper.setDaemon(true);
        stopper.start();
    }

    /** Withdraws the Runtime service, then stops the kernel; waits for a recovery still running to end first. */
    @Deactivate
    void deactivate() {
        synchronized (lock) {
            stopped = true;
            unregister(ledgerRegistration);
            ledgerRegistration = null;
            unregister(drainRegistration);
            drainRegistration = null;
            if (registration != null) {
                try {
                    registration.unregister();
                } catch (IllegalStateException alreadyGone) {
                    // the framework unregistered it with the bundle
                }
                registration = null;
            }
        }
        boolean interrupted = false;
        while (recovery.isAlive()) {
            try {
                recovery.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        synchronized (lock) {
            if (kernel != null) {
                kernel.close();
                kernel = null;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static void unregister(ServiceRegistration<?> registration) {
        if (registration != null) {
            try {
                registration.unregister();
            } catch (IllegalStateException alreadyGone) {
                // the framework unregistered it with the bundle
            }
        }
    }

    /** A projection came: it is fed from the log once the kernel has recovered (at once if it has). */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addProjection(Projection projection, org.osgi.framework.ServiceReference<Projection> reference) {
        java.util.Set<String> types = intentTypes(reference.getProperty(Projection.INTENT_TYPES));
        if (types.isEmpty()) {
            LOG.warn("projection {} names no intent types (service property {}); it is not fed",
                    projection.getClass().getName(), Projection.INTENT_TYPES);
            return;
        }
        org.osgi.framework.Bundle bundle = reference.getBundle();
        String by = bundle == null || bundle.getSymbolicName() == null ? projection.getClass().getName()
                : bundle.getSymbolicName();
        synchronized (lock) {
            projections.put(projection, new Followed(by, types));
            if (kernel != null) {
                kernel.addProjection(projection, by, types);
            }
        }
    }

    void removeProjection(Projection projection) {
        synchronized (lock) {
            projections.remove(projection);
            if (kernel != null) {
                kernel.removeProjection(projection);
            }
        }
    }

    private static java.util.Set<String> intentTypes(Object property) {
        if (property instanceof String type) {
            return type.isBlank() ? java.util.Set.of() : java.util.Set.of(type.trim());
        }
        if (property instanceof String[] types) {
            java.util.Set<String> set = new java.util.HashSet<>();
            for (String type : types) {
                if (type != null && !type.isBlank()) {
                    set.add(type.trim());
                }
            }
            return java.util.Set.copyOf(set);
        }
        return java.util.Set.of();
    }

    /** The Nurse's retry policy of an intent type; the default while no Nurse is registered. */
    private RetryPolicy retryPolicy(String intentType) {
        RetryPolicies current = retryPolicies;
        return current == null ? RetryPolicy.DEFAULT : current.forIntent(intentType);
    }

    /** The Conductor's checked saga definition of an intent type; none while no Conductor is registered. */
    private Optional<org.symphainy.sdk.saga.SagaDefinition> saga(String intentType) {
        org.symphainy.sdk.saga.Sagas current = sagas;
        return current == null ? Optional.empty() : current.definition(intentType);
    }

    /** The principal of an active session, as the Traffic Cop's sessions service knows it now. */
    private Optional<Principal> principal(String sessionId) {
        Sessions current = sessions;
        return current == null ? Optional.empty() : current.find(sessionId).map(Session::principal);
    }

    /** The role service registered for a stage now, or null. */
    private GovernanceRole role(Stage stage) {
        return switch (stage) {
            case TRAFFIC_COP -> trafficCop;
            case SECURITY_GUARD -> securityGuard;
            case CITY_MANAGER -> cityManager;
            case LIBRARIAN -> librarian;
            case DATA_STEWARD -> dataSteward;
        };
    }
}
