package org.symphainy.bench.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.Hashtable;

import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.symphainy.sdk.runtime.ExecutionState;
import org.symphainy.sdk.runtime.Runtime;

/**
 * The kernel under test, through public means only: its configuration (ConfigAdmin PID {@code org.symphainy.runtime}),
 * its component's state in Declarative Services, and its {@link Runtime} service. Every configuration change makes DS
 * deactivate the kernel and activate a new one, which reopens its WAL and rebuilds its executions from it: that is how
 * the bench switches durability and WAL directory, and how it measures recovery.
 *
 * <p>The kernel is an immediate component whose activation does the recovery, and DS registers its service before
 * activating it. Asking for the service during activation would make this thread run the activation and DS's own
 * thread give up on its lock (an error in the log), so the bench waits for DS to report the component ACTIVE first.
 */
final class KernelControl implements AutoCloseable {

    static final String PID = "org.symphainy.runtime";
    /** A property only the bench sets, changed on every update so that each one restarts the kernel. */
    static final String GENERATION = "symphainy.bench.generation";
    private static final Duration PATIENCE = Duration.ofSeconds(180);
    /** Between looks at the kernel's state: DS builds its DTOs afresh each time, which costs the kernel CPU. */
    private static final long POLL_MILLIS = 10;

    /** A restart: how long until the kernel served again, and its Runtime. */
    record Restart(long nanos, Runtime runtime) {
        double seconds() {
            return nanos / 1e9;
        }
    }

    private final BundleContext context;
    private final ConfigurationAdmin configAdmin;
    private final ServiceComponentRuntime components;
    private final Hashtable<String, Object> properties = new Hashtable<>();
    private int generation;
    private ServiceReference<Runtime> reference;
    private ComponentDescriptionDTO kernelDescription;

    KernelControl(BundleContext context, ConfigurationAdmin configAdmin, ServiceComponentRuntime components) {
        this.context = context;
        this.configAdmin = configAdmin;
        this.components = components;
    }

    /** The Runtime of the kernel as the container started it. */
    Runtime awaitStarted() throws InterruptedException {
        return awaitRuntime(-1, System.nanoTime() + PATIENCE.toNanos(), "to start");
    }

    /** Restarts the kernel on a fresh WAL in {@code wal} with {@code durability} (fsync or async); returns its Runtime. */
    Runtime use(String durability, Path wal) throws InterruptedException {
        properties.put("durability", durability);
        properties.put("walDirectory", wal.toString());
        return restart(null).runtime();
    }

    /**
     * Restarts the kernel with its configuration unchanged and measures until its Runtime serves again: activated
     * (WAL opened, executions rebuilt) and — if {@code probeId} is not null — knowing that execution as completed.
     */
    Restart restart(String probeId) throws InterruptedException {
        long previous = reference == null ? -1 : serviceId(reference);
        properties.put(GENERATION, ++generation);
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        long start = System.nanoTime();
        try {
            // "?": not bound to this bundle's location, so ConfigAdmin hands it to the runtime bundle's component
            Configuration configuration = configAdmin.getConfiguration(PID, "?");
            configuration.update(new Hashtable<>(properties));
        } catch (IOException e) {
            throw new BenchFailure("cannot update the configuration of " + PID + " (" + e + ")");
        }
        release();
        Runtime next = awaitRuntime(previous, deadline, "to restart with " + properties);
        if (probeId != null) {
            awaitKnown(next, probeId, deadline);
        }
        return new Restart(System.nanoTime() - start, next);
    }

    @Override
    public void close() {
        release();
    }

    /** Waits until the kernel's configuration of the current generation is active, then takes its Runtime service. */
    private Runtime awaitRuntime(long previous, long deadline, String what) throws InterruptedException {
        while (System.nanoTime() - deadline < 0) {
            ComponentConfigurationDTO kernel = kernelConfiguration();
            if (kernel != null && generationOf(kernel) == generation) {
                if (kernel.state == ComponentConfigurationDTO.FAILED_ACTIVATION) {
                    throw new BenchFailure("the runtime kernel failed " + what + ": " + firstLine(kernel.failure));
                }
                if (kernel.state == ComponentConfigurationDTO.ACTIVE) {
                    Runtime runtime = serviceOtherThan(previous);
                    if (runtime != null) {
                        return runtime;
                    }
                }
            }
            Thread.sleep(POLL_MILLIS);
        }
        throw new BenchFailure("the runtime kernel did not serve within " + PATIENCE.toSeconds() + " s " + what
                + ": its log lines above say why (is org.symphainy.runtime active? can it open its WAL?)");
    }

    /**
     * The configuration of the kernel's component (the one configured by {@value #PID}; it publishes the Runtime once
     * it has recovered), or null while there is none.
     */
    private ComponentConfigurationDTO kernelConfiguration() {
        if (kernelDescription == null) {
            kernelDescription = components.getComponentDescriptionDTOs().stream()
                    .filter(description -> Arrays.asList(description.configurationPid).contains(PID))
                    .findFirst().orElse(null);
            if (kernelDescription == null) {
                return null;
            }
        }
        Collection<ComponentConfigurationDTO> configurations = components.getComponentConfigurationDTOs(kernelDescription);
        return configurations.isEmpty() ? null : configurations.iterator().next();
    }

    private static int generationOf(ComponentConfigurationDTO configuration) {
        Object value = configuration.properties.get(GENERATION);
        return value instanceof Number number ? number.intValue() : 0;
    }

    private Runtime serviceOtherThan(long previous) {
        for (ServiceReference<Runtime> candidate : references()) {
            if (serviceId(candidate) != previous) {
                Runtime service = context.getService(candidate);
                if (service != null) {
                    reference = candidate;
                    return service;
                }
            }
        }
        return null;
    }

    private static void awaitKnown(Runtime runtime, String executionId, long deadline) throws InterruptedException {
        while (System.nanoTime() - deadline < 0) {
            var execution = runtime.execution(executionId);
            if (execution.isPresent()) {
                if (execution.get().state() != ExecutionState.COMPLETED) {
                    throw new BenchFailure("after a restart, execution " + executionId + " is " + execution.get().state()
                            + " instead of COMPLETED: the kernel did not rebuild it from its WAL as it was");
                }
                return;
            }
            Thread.sleep(POLL_MILLIS);
        }
        throw new BenchFailure("after a restart, the kernel does not know execution " + executionId
                + ", which completed before: recovery from the WAL lost it");
    }

    private Collection<ServiceReference<Runtime>> references() {
        try {
            return context.getServiceReferences(Runtime.class, null);
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long serviceId(ServiceReference<?> reference) {
        return (Long) reference.getProperty(Constants.SERVICE_ID);
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "no reason given";
        }
        int end = text.indexOf('\n');
        return (end < 0 ? text : text.substring(0, end)).trim();
    }

    private void release() {
        if (reference != null) {
            try {
                context.ungetService(reference);
            } catch (IllegalStateException e) {
                // this bundle is stopping
            }
            reference = null;
        }
    }
}
