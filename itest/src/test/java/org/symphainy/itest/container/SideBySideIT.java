package org.symphainy.itest.container;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.options;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;

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
import org.osgi.framework.ServiceRegistration;
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
import org.symphainy.sdk.registry.RegisteredIntent;
import org.symphainy.sdk.runtime.Execution;
import org.symphainy.sdk.runtime.ExecutionState;
import org.symphainy.sdk.runtime.Runtime;

/**
 * Two versions of one solution side by side, in the distribution's container: the test handler bundle (test.greet
 * 1.0.0) and its next major version (same symbolic name, 2.0.0, test.greet 2.0.0) are both installed through
 * {@code platform.bundle.install}; the registry lists both; an intent without a range runs on the highest version, one
 * naming {@code [1.0,2.0)} on 1.0.0; uninstalling 2.0.0 leaves 1.0.0 serving every caller.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class SideBySideIT {

    private static final String HANDLER_BUNDLE = "org.symphainy.itest.handler";
    private static final String HANDLER_JAR = "symphainy.itest.handler";
    private static final String NEXT_JAR = "symphainy.itest.handler.next";

    @Inject
    private BundleContext context;

    private ContainerServices container;
    private final List<ServiceRegistration<?>> roles = new ArrayList<>();

    @Configuration
    public Option[] configuration() throws IOException {
        return options(Distribution.container(),
                systemProperty(HANDLER_JAR).value(Distribution.required(HANDLER_JAR)),
                systemProperty(NEXT_JAR).value(Distribution.required(NEXT_JAR)));
    }

    @Before
    public void connect() {
        container = new ContainerServices(context);
        for (Stage stage : Stage.values()) {
            allow(stage);
        }
    }

    @After
    public void disconnect() {
        roles.forEach(ServiceRegistration::unregister);
        roles.clear();
        container.close();
    }

    @Test
    public void twoVersionsOfOneSolutionServeSideBySideAndRoutingTakesTheHighestCompatible() throws Exception {
        StagedBundle first = install(System.getProperty(HANDLER_JAR));
        StagedBundle next = install(System.getProperty(NEXT_JAR));
        assertEquals("one solution, two versions", first.symbolicName(), next.symbolicName());
        IntentRegistry registry = container.service(IntentRegistry.class);
        ContainerServices.await(() -> registry.resolve("test.greet", "[2.0,3.0)").isPresent(), "test.greet 2.0.0");

        List<String> installed = handlerBundles().stream().map(b -> b.version() + " " + b.state()).sorted().toList();
        assertEquals(List.of(first.version() + " ACTIVE", "2.0.0 ACTIVE"), installed);
        List<String> listed = registry.intents().stream().filter(r -> r.declaredBy().intentType().equals("test.greet"))
                .map(r -> r.declaredBy().intentVersion() + " by " + r.declaredBy().bundleVersion() + " " + r.ready()).toList();
        assertEquals(List.of("1.0.0 by " + first.version() + " true", "2.0.0 by 2.0.0 true"), listed);

        Execution newest = greet(null);
        Execution older = greet("[1.0,2.0)");
        assertEquals("2.0.0", newest.handler().intentVersion());
        assertEquals("2.0.0", newest.handler().bundleVersion());
        assertTrue(newest.artifacts().get(0).text(), newest.artifacts().get(0).text().contains("\"version\":2"));
        assertEquals("1.0.0", older.handler().intentVersion());
        assertEquals(first.version(), older.handler().bundleVersion());

        completes(DeployIntents.UNINSTALL, "{\"symbolicName\": \"" + HANDLER_BUNDLE + "\", \"version\": \"2.0.0\"}");
        ContainerServices.await(() -> handlerBundles().size() == 1, "2.0.0 to be uninstalled");
        assertEquals(first.version(), handlerBundles().get(0).version());
        assertEquals("1.0.0", greet(null).handler().intentVersion());
        completes(DeployIntents.UNINSTALL, "{\"symbolicName\": \"" + HANDLER_BUNDLE + "\"}");
        ContainerServices.await(() -> handlerBundles().isEmpty(), first.version() + " to be uninstalled");
        assertTrue(registry.intents().stream().map(RegisteredIntent::declaredBy)
                .noneMatch(ref -> ref.intentType().equals("test.greet")));
    }

    private Execution greet(String versionRange) throws Exception {
        Intent intent = Intent.builder("test.greet").versionRange(versionRange).tenant("system").session("s-1")
                .actor("side-by-side-it").payload(Json.of("{\"name\": \"ada\"}")).correlationId("side-by-side-it").build();
        Execution done = container.awaitEnd(container.service(Runtime.class).submit(intent).executionId());
        assertEquals(done.failure() + "", ExecutionState.COMPLETED, done.state());
        return done;
    }

    private StagedBundle install(String jar) throws Exception {
        StagedBundle staged;
        try (InputStream in = Files.newInputStream(Path.of(jar))) {
            staged = container.service(Deployments.class).stage(Path.of(jar).getFileName().toString(), in);
        }
        completes(DeployIntents.INSTALL, "{\"sha256\": \"" + staged.sha256() + "\"}");
        ContainerServices.await(() -> handlerBundles().stream().anyMatch(b -> b.version().equals(staged.version())
                && "ACTIVE".equals(b.state())), staged.symbolicName() + " " + staged.version() + " to be active");
        return staged;
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
        Intent intent = Intent.builder(type).tenant("system").session("s-1").actor("side-by-side-it")
                .payload(Json.of(payload)).correlationId("side-by-side-it").build();
        Execution execution = container.awaitEnd(container.service(Runtime.class).submit(intent).executionId());
        assertEquals(type + ": " + execution.failure(), ExecutionState.COMPLETED, execution.state());
    }

    /** An allow-all role that outranks the container's own: this test is about deploying, not the policy. */
    private void allow(Stage stage) {
        Hashtable<String, Object> outranking = new Hashtable<>();
        outranking.put(Constants.SERVICE_RANKING, Integer.MAX_VALUE);
        Decision allowed = Decision.allow(stage, "test");
        roles.add(switch (stage) {
            case TRAFFIC_COP -> context.registerService(TrafficCop.class, (intent, ctx) -> allowed, outranking);
            case SECURITY_GUARD -> context.registerService(SecurityGuard.class, (intent, ctx) -> allowed, outranking);
            case CITY_MANAGER -> context.registerService(CityManager.class, (intent, ctx) -> allowed, outranking);
            case LIBRARIAN -> context.registerService(Librarian.class, (intent, ctx) -> allowed, outranking);
            case DATA_STEWARD -> context.registerService(DataSteward.class, (intent, ctx) -> allowed, outranking);
        });
    }
}
