package org.symphainy.itest.container;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.options;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

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
import org.symphainy.sdk.deploy.BundleInfo;
import org.symphainy.sdk.deploy.DeployIntents;
import org.symphainy.sdk.deploy.Deployments;
import org.symphainy.sdk.deploy.StagedBundle;
import org.symphainy.sdk.governance.IntentDeniedException;
import org.symphainy.sdk.governance.Tenants;
import org.symphainy.sdk.identity.ApiKeys;
import org.symphainy.sdk.identity.Authenticator;
import org.symphainy.sdk.identity.Principal;
import org.symphainy.sdk.identity.Sessions;
import org.symphainy.sdk.intent.ErrorCode;
import org.symphainy.sdk.intent.Intent;
import org.symphainy.sdk.intent.Json;
import org.symphainy.sdk.registry.IntentRegistry;
import org.symphainy.sdk.runtime.Execution;
import org.symphainy.sdk.runtime.ExecutionState;
import org.symphainy.sdk.runtime.Runtime;

/**
 * Governed deployment in the distribution's container, with its real Smart City roles: the bootstrap administrator
 * stages a handler bundle built by this reactor, installs it with {@code platform.bundle.install} and sees it active
 * with its intent admitted by the Curator; stops, starts and uninstalls it the same way; sees a bundle whose declared
 * intent has no handler rolled back through a recorded uninstall of {@code deployer@system}; and cannot uninstall a bundle
 * of the platform. A user who is not an administrator may not deploy at all (the secure default policy).
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class GovernedDeployIT {

    private static final String HANDLER_BUNDLE = "org.symphainy.itest.handler";
    private static final String HANDLER_JAR = "symphainy.itest.handler";

    @Inject
    private BundleContext context;

    private ContainerServices container;

    @Configuration
    public Option[] configuration() throws IOException {
        return options(Distribution.container(),
                systemProperty(HANDLER_JAR).value(Distribution.required(HANDLER_JAR)));
    }

    @Before
    public void connect() {
        container = new ContainerServices(context);
    }

    @After
    public void disconnect() {
        container.close();
    }

    @Test
    public void theBootstrapAdministratorDeploysStopsStartsAndUninstallsABundle() throws Exception {
        Principal admin = container.service(Authenticator.class).authenticate(bootstrapKey());
        String session = container.service(Sessions.class).open(admin).id();
        Deployments deployments = container.service(Deployments.class);
        IntentRegistry registry = container.service(IntentRegistry.class);
        StagedBundle staged;
        try (InputStream jar = Files.newInputStream(Path.of(System.getProperty(HANDLER_JAR)))) {
            staged = deployments.stage("greet.jar", jar);
        }
        assertEquals(HANDLER_BUNDLE, staged.symbolicName());
        assertTrue(staged.declaredIntents().toString(), staged.declaredIntents().contains("test.greet 1.0.0"));
        assertFalse("staging installs nothing", bundle(deployments).isPresent());

        completes(admin, session, DeployIntents.INSTALL, "{\"sha256\": \"" + staged.sha256() + "\", \"reason\": \"it\"}");
        ContainerServices.await(() -> "ACTIVE".equals(state(deployments)), HANDLER_BUNDLE + " to be active");
        ContainerServices.await(() -> registry.resolve("test.greet", null).isPresent(), "test.greet to be admitted");
        BundleInfo active = bundle(deployments).orElseThrow();
        assertFalse(active.platform());
        assertTrue(active.declaredIntents().contains("test.greet 1.0.0"));

        completes(admin, session, DeployIntents.STOP, "{\"symbolicName\": \"" + HANDLER_BUNDLE + "\"}");
        ContainerServices.await(() -> "RESOLVED".equals(state(deployments)), HANDLER_BUNDLE + " to be stopped");
        ContainerServices.await(() -> registry.resolve("test.greet", null).isEmpty(), "test.greet to be withdrawn");

        completes(admin, session, DeployIntents.START, "{\"symbolicName\": \"" + HANDLER_BUNDLE + "\"}");
        ContainerServices.await(() -> registry.resolve("test.greet", null).isPresent(), "test.greet to be admitted again");

        completes(admin, session, DeployIntents.UNINSTALL, "{\"symbolicName\": \"" + HANDLER_BUNDLE + "\", "
                + "\"version\": \"" + staged.version() + "\", \"reason\": \"done\"}");
        ContainerServices.await(() -> bundle(deployments).isEmpty(), HANDLER_BUNDLE + " to be uninstalled");
    }

    @Test
    public void anInstallThatNeverBecomesReadyIsRolledBackThroughARecordedIntent() throws Exception {
        Principal admin = container.service(Authenticator.class).authenticate(bootstrapKey());
        String session = container.service(Sessions.class).open(admin).id();
        Deployments deployments = container.service(Deployments.class);
        Runtime runtime = container.service(Runtime.class);
        StagedBundle lonely = deployments.stage("lonely.jar", new java.io.ByteArrayInputStream(lonelyBundle()));

        completes(admin, session, DeployIntents.INSTALL, "{\"sha256\": \"" + lonely.sha256() + "\"}");

        ContainerServices.await(() -> deployments.bundles().stream().noneMatch(b -> "org.acme.lonely".equals(
                b.symbolicName())), "org.acme.lonely, whose intent has no handler, to be rolled back");
        ContainerServices.await(() -> rollback(runtime).isPresent(), "the rollback to be recorded");
        Execution rollback = rollback(runtime).orElseThrow();
        assertEquals(ExecutionState.COMPLETED, container.awaitEnd(rollback.id()).state());
        String payload = rollback.intent().payload().text();
        assertTrue(payload, payload.contains("rolled back: org.acme.lonely 1.0.0 was not ready: intent test.lonely "
                + "1.0.0 has no admitted handler"));
        assertEquals("system", rollback.tenant());
    }

    /** The deployer's recorded rollback of org.acme.lonely, if there is one yet. */
    private static Optional<Execution> rollback(Runtime runtime) {
        return runtime.query(org.symphainy.sdk.runtime.ExecutionQuery.builder().intentType(DeployIntents.UNINSTALL)
                .limit(100).build()).items().stream().filter(e -> "deployer".equals(e.actor()))
                .map(e -> runtime.execution(e.id()).orElseThrow())
                .filter(e -> e.intent().payload().text().contains("org.acme.lonely")).findFirst();
    }

    /** A bundle declaring intent test.lonely 1.0.0 without any handler for it. */
    private static byte[] lonelyBundle() throws IOException {
        java.util.jar.Manifest manifest = new java.util.jar.Manifest();
        java.util.jar.Attributes main = manifest.getMainAttributes();
        main.put(java.util.jar.Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", "org.acme.lonely");
        main.putValue("Bundle-Version", "1.0.0");
        main.putValue("Provide-Capability", "symphainy.intent;symphainy.intent=\"test.lonely\";version:Version=\"1.0.0\"");
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.util.jar.JarOutputStream jar = new java.util.jar.JarOutputStream(bytes, manifest)) {
            jar.flush();
        }
        return bytes.toByteArray();
    }

    @Test
    public void aPlatformBundleCannotBeUninstalled() throws Exception {
        Principal admin = container.service(Authenticator.class).authenticate(bootstrapKey());
        String session = container.service(Sessions.class).open(admin).id();
        Deployments deployments = container.service(Deployments.class);
        BundleInfo curator = deployments.bundles().stream()
                .filter(b -> "org.symphainy.curator".equals(b.symbolicName())).findFirst().orElseThrow();
        assertTrue(curator.platform());

        String id = container.service(Runtime.class).submit(platform(admin, session, DeployIntents.UNINSTALL,
                "{\"symbolicName\": \"org.symphainy.curator\"}")).executionId();
        Execution refused = container.awaitEnd(id);

        assertEquals(ExecutionState.FAILED, refused.state());
        assertEquals(ErrorCode.FORBIDDEN, refused.failure().code());
        assertTrue(refused.failure().message(), refused.failure().message().contains("is a platform bundle"));
        assertEquals("ACTIVE", deployments.bundles().stream().filter(b -> b.id() == curator.id()).findFirst()
                .orElseThrow().state());
    }

    @Test
    public void onlyAnAdministratorMayDeploy() throws Exception {
        container.service(Tenants.class).create("acme", "Acme Corporation");
        ApiKeys.IssuedKey key = container.service(ApiKeys.class).create("acme", "alice", Set.of("content-editor"),
                "integration test");
        Principal alice = container.service(Authenticator.class).authenticate(key.secret());
        String session = container.service(Sessions.class).open(alice).id();

        IntentDeniedException denied = assertThrows(IntentDeniedException.class, () -> container.service(Runtime.class)
                .submit(platform(alice, session, DeployIntents.STOP, "{\"symbolicName\": \"org.symphainy.nurse\"}")));

        assertEquals(ErrorCode.FORBIDDEN, denied.code());
    }

    private void completes(Principal admin, String session, String type, String payload) throws Exception {
        String id = container.service(Runtime.class).submit(platform(admin, session, type, payload)).executionId();
        Execution execution = container.awaitEnd(id);
        assertEquals(type + ": " + execution.failure(), ExecutionState.COMPLETED, execution.state());
        assertEquals(DeployIntents.CHANGE_ARTIFACT, execution.artifacts().get(0).kind());
    }

    private static Optional<BundleInfo> bundle(Deployments deployments) {
        return deployments.bundles().stream().filter(b -> HANDLER_BUNDLE.equals(b.symbolicName())).findFirst();
    }

    private static String state(Deployments deployments) {
        return bundle(deployments).map(BundleInfo::state).orElse(null);
    }

    private static Intent platform(Principal principal, String session, String type, String payload) {
        return Intent.builder(type).tenant(principal.tenant()).actor(principal.actor()).session(session)
                .correlationId("governed-deploy-it").payload(Json.of(payload)).build();
    }

    /** The bootstrap administrator's key, which the Security Guard writes at the first start of a data directory. */
    private String bootstrapKey() throws Exception {
        Path file = Path.of(context.getProperty("symphainy.data"), "admin.key");
        ContainerServices.await(() -> Files.isReadable(file), file + " to be written");
        String key = Files.readString(file).trim();
        assertNotNull(key);
        return key;
    }
}
