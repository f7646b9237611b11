package org.symphainy.itest.container;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.options;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import javax.inject.Inject;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.symphainy.sdk.deploy.BundleInfo;
import org.symphainy.sdk.deploy.DeployIntents;
import org.symphainy.sdk.deploy.Deployments;
import org.symphainy.sdk.deploy.StagedBundle;
import org.symphainy.sdk.governance.CityManager;
import org.symphainy.sdk.governance.DataSteward;
import org.symphainy.sdk.governance.Decision;
import org.symphainy.sdk.governance.Librarian;
import org.symphainy.sdk.governance.SecurityGuard;
import org.symphainy.sdk.governance.Stage;
import org.symphainy.sdk.governance.TrafficCop;
import org.symphainy.sdk.intent.Intent;
import org.symphainy.sdk.intent.Json;
import org.symphainy.sdk.registry.IntentRegistry;
import org.symphainy.sdk.runtime.Execution;
import org.symphainy.sdk.runtime.ExecutionState;
import org.symphainy.sdk.runtime.Runtime;

/**
 * Drain and pin through the governed deployer, in the distribution's container: an update of the test handler bundle
 * while {@code test.pause} executions run lets them all complete on the revision that admitted them, and the intents
 * submitted during the drain wait and complete on the new revision; a drain that outlives {@code drainTimeoutSeconds}
 * changes nothing. The second revision is the built handler jar with another {@code Bundle-Version}.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class DrainIT {

    private static final String HANDLER_BUNDLE = "org.symphainy.itest.handler";
    private static final String HANDLER_JAR = "symphainy.itest.handler";
    private static final String NEXT_VERSION = "9.0.1";

    @Inject
    private BundleContext context;

    private ContainerServices container;
    private final List<ServiceRegistration<?>> roles = new ArrayList<>();
    private final ExecutorService clients = Executors.newCachedThreadPool();

    @Configuration
    public Option[] configuration() throws IOException {
        return options(Distribution.container(),
                systemProperty(HANDLER_JAR).value(Distribution.required(HANDLER_JAR)));
    }

    @Before
    public void connect() {
        container = new ContainerServices(context);
        allowEveryStage();
    }

    @After
    public void disconnect() throws Exception {
        clients.shutdownNow();
        try {
            IntentRegistry registry = container.service(IntentRegistry.class); // a reconfigured deployer comes back
            ContainerServices.await(() -> registry.resolve(DeployIntents.UNINSTALL, null).isPresent(), "the deployer");
            for (BundleInfo left : handlerBundles()) {
                completes(DeployIntents.UNINSTALL, "{\"symbolicName\": \"" + HANDLER_BUNDLE + "\", \"version\": \""
                        + left.version() + "\"}");
            }
            ContainerServices.await(() -> handlerBundles().isEmpty(), HANDLER_BUNDLE + " to be uninstalled");
        } finally {
            roles.forEach(ServiceRegistration::unregister);
            roles.clear();
            container.close();
        }
    }

    @Test
    public void executionsInFlightCompleteOnTheOldRevisionAndWorkSubmittedDuringTheDrainOnTheNewOne() throws Exception {
        StagedBundle first = install();
        Runtime runtime = container.service(Runtime.class);
        List<String> inFlight = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            inFlight.add(runtime.submit(pause(1_500)).executionId());
        }
        StagedBundle next = stage(withVersion(NEXT_VERSION));

        completes(DeployIntents.UPDATE, "{\"symbolicName\": \"" + HANDLER_BUNDLE + "\", \"sha256\": \"" + next.sha256()
                + "\", \"reason\": \"drain it\"}");
        Thread.sleep(300); // the deployer takes the completed update and closes the old revision; the pauses still run
        List<Future<String>> during = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            during.add(clients.submit(() -> runtime.submit(pause(10)).executionId()));
        }

        for (String id : inFlight) {
            Execution done = container.awaitEnd(id);
            assertEquals(done.failure() + "", ExecutionState.COMPLETED, done.state());
            assertEquals(first.version(), done.handler().bundleVersion());
        }
        for (Future<String> submitted : during) {
            Execution done = container.awaitEnd(submitted.get(ContainerServices.WAIT_MILLIS, TimeUnit.MILLISECONDS));
            assertEquals(done.failure() + "", ExecutionState.COMPLETED, done.state());
            assertEquals("submitted during the drain, it ran on the new revision", NEXT_VERSION,
                    done.handler().bundleVersion());
        }
        assertEquals(NEXT_VERSION, handlerBundles().get(0).version());
    }

    @Test
    public void aDrainThatOutlivesItsBoundLeavesTheOldRevisionServing() throws Exception {
        ConfigurationAdmin configurations = container.service(ConfigurationAdmin.class);
        org.osgi.service.cm.Configuration deployer = configurations.getConfiguration("org.symphainy.curator.deploy", "?");
        Hashtable<String, Object> tight = new Hashtable<>();
        tight.put("drainTimeoutSeconds", 1L);
        deployer.update(tight);
        try {
            ContainerServices.await(() -> drainTimeout() == 1L, "the deployer to take drainTimeoutSeconds = 1");
            StagedBundle first = install();
            Runtime runtime = container.service(Runtime.class);
            String slow = runtime.submit(pause(4_000)).executionId();
            StagedBundle next = stage(withVersion(NEXT_VERSION));

            completes(DeployIntents.UPDATE, "{\"symbolicName\": \"" + HANDLER_BUNDLE + "\", \"sha256\": \""
                    + next.sha256() + "\"}");
            Execution greeted = container.awaitEnd(runtime.submit(greet()).executionId());
            Execution paused = container.awaitEnd(slow);
            // the deployer applies changes in order: once the stop is applied, the update was given up or done
            completes(DeployIntents.STOP, "{\"symbolicName\": \"" + HANDLER_BUNDLE + "\"}");
            ContainerServices.await(() -> "RESOLVED".equals(handlerBundles().get(0).state()), "the stop to be applied");

            assertEquals(ExecutionState.COMPLETED, paused.state());
            assertEquals(ExecutionState.COMPLETED, greeted.state());
            assertEquals("the intent submitted during the drain ran on the old revision", first.version(),
                    greeted.handler().bundleVersion());
            assertTrue("it did not wait for the slow execution", greeted.endedAt().isBefore(paused.endedAt()));
            assertEquals("the update was not applied", first.version(), handlerBundles().get(0).version());
        } finally {
            deployer.delete();
            // the deployer and its handlers come back with the defaults: wait for that before the next submission
            ContainerServices.await(() -> drainTimeout() != 1L, "the deployer to drop drainTimeoutSeconds = 1");
        }
    }

    private long drainTimeout() {
        ServiceReference<Deployments> reference = context.getServiceReference(Deployments.class);
        Object value = reference == null ? null : reference.getProperty("drainTimeoutSeconds");
        return value instanceof Number number ? number.longValue() : -1;
    }

    private StagedBundle install() throws Exception {
        StagedBundle staged;
        try (InputStream jar = Files.newInputStream(Path.of(System.getProperty(HANDLER_JAR)))) {
            staged = container.service(Deployments.class).stage("handler.jar", jar);
        }
        completes(DeployIntents.INSTALL, "{\"sha256\": \"" + staged.sha256() + "\"}");
        IntentRegistry registry = container.service(IntentRegistry.class);
        ContainerServices.await(() -> registry.resolve("test.pause", null).isPresent(), "test.pause to be admitted");
        return staged;
    }

    private StagedBundle stage(Path jar) throws Exception {
        try (InputStream in = Files.newInputStream(jar)) {
            return container.service(Deployments.class).stage(jar.getFileName().toString(), in);
        }
    }

    /** The built handler jar with another Bundle-Version: the next revision of the same bundle. */
    private Path withVersion(String version) throws IOException {
        Path source = Path.of(System.getProperty(HANDLER_JAR));
        Path target = Path.of(context.getProperty("symphainy.data"), "handler-" + version + ".jar");
        try (JarInputStream in = new JarInputStream(Files.newInputStream(source))) {
            Manifest manifest = new Manifest(in.getManifest());
            manifest.getMainAttributes().put(new Attributes.Name(Constants.BUNDLE_VERSION), version);
            try (OutputStream file = Files.newOutputStream(target); JarOutputStream out = new JarOutputStream(file, manifest)) {
                for (JarEntry entry = in.getNextJarEntry(); entry != null; entry = in.getNextJarEntry()) {
                    out.putNextEntry(new JarEntry(entry.getName()));
                    in.transferTo(out);
                    out.closeEntry();
                }
            }
        }
        return target;
    }

    private List<BundleInfo> handlerBundles() {
        try {
            return container.service(Deployments.class).bundles().stream()
                    .filter(b -> HANDLER_BUNDLE.equals(b.symbolicName())).toList();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private void completes(String type, String payload) throws Exception {
        String id = container.service(Runtime.class).submit(intent(type, payload)).executionId();
        Execution execution = container.awaitEnd(id);
        assertEquals(type + ": " + execution.failure(), ExecutionState.COMPLETED, execution.state());
    }

    private static Intent pause(int millis) {
        return intent("test.pause", "{\"millis\": " + millis + "}");
    }

    private static Intent greet() {
        return intent("test.greet", "{\"name\": \"ada\"}");
    }

    private static Intent intent(String type, String payload) {
        return Intent.builder(type).tenant("system").session("s-1").actor("drain-it").payload(Json.of(payload))
                .correlationId("drain-it").build();
    }

    /** Allow-all roles that outrank the container's own: these tests are about deploying, not the policy. */
    private void allowEveryStage() {
        roles.add(context.registerService(TrafficCop.class, (intent, ctx) -> Decision.allow(Stage.TRAFFIC_COP, "test"), outranking()));
        roles.add(context.registerService(SecurityGuard.class, (intent, ctx) -> Decision.allow(Stage.SECURITY_GUARD, "test"), outranking()));
        roles.add(context.registerService(CityManager.class, (intent, ctx) -> Decision.allow(Stage.CITY_MANAGER, "test"), outranking()));
        roles.add(context.registerService(Librarian.class, (intent, ctx) -> Decision.allow(Stage.LIBRARIAN, "test"), outranking()));
        roles.add(context.registerService(DataSteward.class, (intent, ctx) -> Decision.allow(Stage.DATA_STEWARD, "test"), outranking()));
    }

    private static java.util.Dictionary<String, Object> outranking() {
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(Constants.SERVICE_RANKING, Integer.MAX_VALUE);
        return properties;
    }
}
