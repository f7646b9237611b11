package org.symphainy.bench.internal;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.runtime.ServiceComponentRuntime;

/**
 * Runs the bench once, on a thread of its own, when {@code bin/symphainy bench} starts this bundle in its temporary
 * container: registers stand-in governance roles where needed, waits for the Runtime, runs the scenarios, tells the
 * launcher the outcome (a {@link CompletableFuture} service it registered) and stops the framework so the process
 * exits. In any other container it does nothing: it would reconfigure that container's kernel.
 */
@Component(immediate = true)
public final class BenchRunner {

    /** The launcher's outcome service: a CompletableFuture with this property. */
    static final String OUTCOME_FILTER = "(symphainy.bench.outcome=true)";

    private final Thread thread;

    @Activate
    public BenchRunner(BundleContext context, @Reference ConfigurationAdmin configAdmin,
            @Reference ServiceComponentRuntime components) {
        this.thread = new Thread(() -> run(context, configAdmin, components), "symphainy-bench");
        this.thread.start();
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        thread.interrupt();
        thread.join(10_000);
    }

    private static void run(BundleContext context, ConfigurationAdmin configAdmin, ServiceComponentRuntime components) {
        CompletableFuture<Object> outcome = outcome(context);
        BenchOptions options;
        try {
            options = BenchOptions.from(context::getProperty);
        } catch (BenchFailure e) {
            end(context, outcome, e);
            return;
        }
        if (options == null) {
            System.err.println("symphainy bench: this container was not started by 'bin/symphainy bench'; the bench "
                    + "bundle leaves it alone (it would reconfigure its kernel)");
            return;
        }
        Figures figures = new Figures(System.out);
        long started = System.nanoTime();
        try (StandInRoles roles = StandInRoles.registerMissing(context);
                KernelControl kernel = new KernelControl(context, configAdmin, components)) {
            Path directory = dataDirectory(context);
            BenchIdentity identity = BenchIdentity.establish(context, directory);
            boolean unthrottled = liftQuota(configAdmin, identity);
            header(figures, options, directory, roles, identity);
            if (unthrottled) {
                figures.note("governance: the City Manager's rate and in-flight quotas of tenant %s are lifted in this "
                        + "temporary container (PID %s, quotas=%s=unlimited, inFlightQuotas=%s=unlimited), so the bench "
                        + "measures the platform, not the quota", identity.tenant(), CITY_MANAGER_PID, identity.tenant(),
                        identity.tenant());
            }
            kernel.awaitStarted();
            new Bench(kernel, options, figures, directory, identity, context).run();
            figures.note("done in %.0f s", (System.nanoTime() - started) / 1e9);
            end(context, outcome, null);
        } catch (InterruptedException e) {
            end(context, outcome, new BenchFailure("interrupted"));
        } catch (BenchFailure e) {
            end(context, outcome, e);
        } catch (RuntimeException | Error e) {
            e.printStackTrace();
            end(context, outcome, new BenchFailure("the bench broke: " + e));
        }
    }

    private static void header(Figures figures, BenchOptions options, Path directory, StandInRoles roles,
            BenchIdentity identity) {
        figures.note("symphainy bench: intent %s through the Runtime service; mode %s, %d s per timed scenario, "
                + "%d submitters", EchoIntents.TYPE, options.mode().name().toLowerCase(java.util.Locale.ROOT),
                options.seconds(), options.concurrency());
        java.lang.Runtime jvm = java.lang.Runtime.getRuntime();
        figures.note("Java %s (%s), %d processors, max heap %.1f GiB, GC %s", System.getProperty("java.version"),
                System.getProperty("java.vm.name"), jvm.availableProcessors(), jvm.maxMemory() / (double) (1L << 30),
                ManagementFactory.getGarbageCollectorMXBeans().stream().map(GarbageCollectorMXBean::getName)
                        .collect(Collectors.joining(" + ")));
        String store = fileStoreType(directory);
        figures.note("WALs on %s under %s (temporary)%s", store, directory, "tmpfs".equals(store)
                ? "; tmpfs: fsync reaches no device here, so the durable figures do not mean durable" : "");
        if (roles.names().size() < org.symphainy.sdk.governance.Stage.values().length) {
            figures.note("governance: the container's Smart City roles decide%s", roles.names().isEmpty() ? ""
                    : " (but " + String.join(", ", roles.names()) + ")");
        }
        if (!roles.names().isEmpty()) {
            figures.note("governance: no Smart City role bundle serves %s; the bench registered stand-ins that allow "
                    + "every intent, in its temporary container only", String.join(", ", roles.names()));
        }
        figures.note("identity: %s", identity.how());
    }

    /** The City Manager's configuration PID, whose quota the bench lifts for its own tenant. */
    static final String CITY_MANAGER_PID = "org.symphainy.citymanager";

    /**
     * Lifts the rate and in-flight quotas of the bench's tenant in its temporary container (the default quota would measure the quota);
     * true if a City Manager is there to configure. The container's own data and configuration are not touched.
     */
    private static boolean liftQuota(ConfigurationAdmin configAdmin, BenchIdentity identity) {
        try {
            org.osgi.service.cm.Configuration configuration = configAdmin.getConfiguration(CITY_MANAGER_PID, "?");
            java.util.Dictionary<String, Object> properties = configuration.getProperties() == null
                    ? new java.util.Hashtable<>() : configuration.getProperties();
            properties.put("quotas", new String[] {identity.tenant() + "=unlimited"});
            properties.put("inFlightQuotas", new String[] {identity.tenant() + "=unlimited"});
            configuration.update(properties);
            return true;
        } catch (IOException e) {
            throw new BenchFailure("cannot configure the City Manager's quota (" + e + ")");
        }
    }

    private static Path dataDirectory(BundleContext context) {
        String data = context.getProperty("symphainy.data");
        if (data == null) {
            throw new BenchFailure("the framework property symphainy.data is not set; start the bench with "
                    + "'bin/symphainy bench'");
        }
        return Path.of(data);
    }

    private static String fileStoreType(Path directory) {
        try {
            return Files.getFileStore(directory).type();
        } catch (IOException e) {
            return "an unknown file system";
        }
    }

    /** Completes the launcher's outcome (or prints the failure if there is no launcher) and stops the framework. */
    private static void end(BundleContext context, CompletableFuture<Object> outcome, BenchFailure failure) {
        if (outcome == null) {
            if (failure != null) {
                System.err.println("symphainy bench failed: " + failure.getMessage());
            }
        } else if (failure == null) {
            outcome.complete(null);
        } else {
            outcome.completeExceptionally(failure);
        }
        try {
            context.getBundle(0).stop();
        } catch (BundleException | IllegalStateException e) {
            System.err.println("symphainy bench: cannot stop the framework: " + e.getMessage());
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static CompletableFuture<Object> outcome(BundleContext context) {
        try {
            Collection<ServiceReference<CompletableFuture>> references =
                    context.getServiceReferences(CompletableFuture.class, OUTCOME_FILTER);
            return references.isEmpty() ? null : context.getService(references.iterator().next());
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
