package org.symphainy.curator.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.felix.framework.Felix;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.symphainy.sdk.deploy.BundleInfo;
import org.symphainy.sdk.deploy.DeployIntents;
import org.symphainy.sdk.deploy.StagedBundle;
import org.symphainy.sdk.intent.Artifact;
import org.symphainy.sdk.intent.ErrorCode;
import org.symphainy.sdk.intent.HandlerRef;
import org.symphainy.sdk.intent.Intent;
import org.symphainy.sdk.intent.IntentException;
import org.symphainy.sdk.intent.IntentHandler;
import org.symphainy.sdk.intent.Json;
import org.symphainy.sdk.runtime.Execution;
import org.symphainy.sdk.runtime.ExecutionState;

/**
 * The deploy handlers and the deployer in a real Felix: handlers check requests against what is staged and installed
 * and return the change; the deployer applies each completed execution's change once.
 */
class DeployerTest {

    @TempDir
    Path cache;
    @TempDir
    Path data;

    private Felix felix;
    private Deployer deployer;
    private int executions;

    @BeforeEach
    void start() throws Exception {
        felix = new Felix(Map.of(Constants.FRAMEWORK_STORAGE, cache.toString(),
                BundleCatalog.DEPLOY_DIR_PROPERTY, data.resolve("deploy").toString()));
        felix.start();
        deployer = new Deployer(felix.getBundleContext(), data, 1024 * 1024);
    }

    @AfterEach
    void stop() throws Exception {
        deployer.deactivate();
        felix.stop();
        felix.waitForStop(10_000);
    }

    @Test
    void installsStopsStartsAndUninstallsThroughRecordedChanges() throws Exception {
        StagedBundle staged = stage("org.acme.orders", "1.0.0", "acme.orders.place 1.0.0");

        Artifact change = handle(new BundleInstallHandler(deployer), DeployIntents.INSTALL,
                "{\"sha256\": \"" + staged.sha256() + "\", \"reason\": \"first release\"}");
        assertEquals(DeployIntents.CHANGE_ARTIFACT, change.kind());
        assertEquals(new DeployChange("install", "org.acme.orders", "1.0.0", staged.sha256(), "first release"),
                DeployChange.recorded(change).orElseThrow());
        assertTrue(find("org.acme.orders").isEmpty(), "the handler changes nothing itself");

        applyCompleted(change);
        BundleInfo installed = find("org.acme.orders").orElseThrow();
        assertEquals("ACTIVE", installed.state());
        assertEquals(Deployer.DEPLOYED_LOCATION + staged.sha256(), installed.location());
        assertEquals(List.of("acme.orders.place 1.0.0"), installed.declaredIntents());
        assertEquals(false, installed.platform());
        assertNull(installed.problem());

        applyCompleted(handle(new BundleStopHandler(deployer), DeployIntents.STOP, "{\"symbolicName\": \"org.acme.orders\"}"));
        BundleInfo stopped = find("org.acme.orders").orElseThrow();
        assertEquals("RESOLVED", stopped.state());
        assertTrue(stopped.problem().startsWith("stopped"), stopped.problem());

        applyCompleted(handle(new BundleStartHandler(deployer), DeployIntents.START,
                "{\"symbolicName\": \"org.acme.orders\", \"version\": \"1.0\"}"));
        assertEquals("ACTIVE", find("org.acme.orders").orElseThrow().state());

        applyCompleted(handle(new BundleUninstallHandler(deployer), DeployIntents.UNINSTALL,
                "{\"symbolicName\": \"org.acme.orders\", \"version\": \"1.0.0\"}"));
        assertEquals(Optional.empty(), find("org.acme.orders"));
    }

    @Test
    void updatesABundleInPlace() throws Exception {
        StagedBundle first = stage("org.acme.orders", "1.0.0", "acme.orders.place 1.0.0");
        applyCompleted(handle(new BundleInstallHandler(deployer), DeployIntents.INSTALL, sha(first)));
        long id = find("org.acme.orders").orElseThrow().id();
        StagedBundle second = stage("org.acme.orders", "1.1.0", "acme.orders.place 1.1.0");

        applyCompleted(handle(new BundleUpdateHandler(deployer), DeployIntents.UPDATE,
                "{\"symbolicName\": \"org.acme.orders\", \"sha256\": \"" + second.sha256() + "\"}"));

        BundleInfo updated = find("org.acme.orders").orElseThrow();
        assertEquals(id, updated.id());
        assertEquals("1.1.0", updated.version());
        assertEquals("ACTIVE", updated.state());
        assertEquals(List.of("acme.orders.place 1.1.0"), updated.declaredIntents());
    }

    @Test
    void installsASecondVersionBesideTheFirstInsteadOfReplacingIt() throws Exception {
        StagedBundle first = stage("org.acme.orders", "1.0.0", "acme.orders.place 1.0.0");
        applyCompleted(handle(new BundleInstallHandler(deployer), DeployIntents.INSTALL, sha(first)));
        StagedBundle second = stage("org.acme.orders", "2.0.0", "acme.orders.place 2.0.0");

        applyCompleted(handle(new BundleInstallHandler(deployer), DeployIntents.INSTALL, sha(second)));

        List<String> installed = deployer.bundles().stream().filter(b -> b.symbolicName().equals("org.acme.orders"))
                .map(b -> b.version() + " " + b.state() + " " + b.declaredIntents()).sorted().toList();
        assertEquals(List.of("1.0.0 ACTIVE [acme.orders.place 1.0.0]", "2.0.0 ACTIVE [acme.orders.place 2.0.0]"), installed);
        IntentException again = assertThrows(IntentException.class, () -> handle(new BundleInstallHandler(deployer),
                DeployIntents.INSTALL, sha(second)));
        assertTrue(again.getMessage().contains("installed already"), again.getMessage());
    }

    @Test
    void appliesAnExecutionOnceEvenAfterARestart() throws Exception {
        StagedBundle staged = stage("org.acme.orders", "1.0.0", null);
        Execution install = completed(handle(new BundleInstallHandler(deployer), DeployIntents.INSTALL, sha(staged)));
        deployer.apply(install);
        deployer.drain();
        Bundle bundle = felix.getBundleContext().getBundle(find("org.acme.orders").orElseThrow().id());
        bundle.uninstall();

        deployer.apply(install);
        deployer.drain();
        Deployer restarted = new Deployer(felix.getBundleContext(), data, 1024 * 1024);
        restarted.apply(install);
        restarted.drain();
        restarted.deactivate();

        assertEquals(Optional.empty(), find("org.acme.orders"), "an applied execution is not applied again");
    }

    @Test
    void refusesToTouchAPlatformBundle() throws Exception {
        felix.getBundleContext().installBundle(BundleCatalog.SYSTEM_LOCATION + "10/org.symphainy.curator.jar",
                new ByteArrayInputStream(TestJars.bundle("org.symphainy.curator", "0.1.0", null))).start();
        assertTrue(find("org.symphainy.curator").orElseThrow().platform());
        assertTrue(find("org.apache.felix.framework").orElseThrow().platform(), "the framework is the platform's");

        for (IntentHandler handler : List.of(new BundleUninstallHandler(deployer), new BundleStopHandler(deployer))) {
            IntentException e = assertThrows(IntentException.class, () -> handle(handler, DeployIntents.UNINSTALL,
                    "{\"symbolicName\": \"org.symphainy.curator\"}"));
            assertEquals(ErrorCode.FORBIDDEN, e.code());
            assertTrue(e.getMessage().contains("is a platform bundle"), e.getMessage());
        }
        StagedBundle impostor = stage("org.symphainy.curator", "9.0.0", null);
        IntentException e = assertThrows(IntentException.class,
                () -> handle(new BundleInstallHandler(deployer), DeployIntents.INSTALL, sha(impostor)));
        assertEquals(ErrorCode.FORBIDDEN, e.code());
    }

    @Test
    void onlyBundlesOperatorsDeployedAreNotThePlatforms() throws Exception {
        String dropped = data.resolve("deploy").resolve("dropped.jar").toAbsolutePath().normalize().toUri().toString();
        felix.getBundleContext().installBundle(dropped,
                new ByteArrayInputStream(TestJars.bundle("org.acme.dropped", "1.0.0", null)));
        felix.getBundleContext().installBundle("file:/opt/symphainy/system/10/org.symphainy.nurse.jar",
                new ByteArrayInputStream(TestJars.bundle("org.symphainy.nurse", "0.1.0", null)));

        assertEquals(false, find("org.acme.dropped").orElseThrow().platform());
        assertEquals(true, find("org.symphainy.nurse").orElseThrow().platform());
        applyCompleted(handle(new BundleStartHandler(deployer), DeployIntents.START, "{\"symbolicName\": \"org.acme.dropped\"}"));
        assertEquals("ACTIVE", find("org.acme.dropped").orElseThrow().state());
    }

    @Test
    void refusesRequestsThatNameNothing() throws Exception {
        IntentException unstaged = assertThrows(IntentException.class, () -> handle(new BundleInstallHandler(deployer),
                DeployIntents.INSTALL, "{\"sha256\": \"" + "a".repeat(64) + "\"}"));
        assertEquals(ErrorCode.PAYLOAD_INVALID, unstaged.code());
        assertTrue(unstaged.getMessage().contains("stage the jar first"), unstaged.getMessage());

        IntentException unknown = assertThrows(IntentException.class, () -> handle(new BundleStartHandler(deployer),
                DeployIntents.START, "{\"symbolicName\": \"org.acme.nothing\"}"));
        assertEquals(ErrorCode.PAYLOAD_INVALID, unknown.code());
        assertTrue(unknown.getMessage().contains("no bundle org.acme.nothing is installed"), unknown.getMessage());

        StagedBundle staged = stage("org.acme.orders", "1.0.0", null);
        applyCompleted(handle(new BundleInstallHandler(deployer), DeployIntents.INSTALL, sha(staged)));
        IntentException twice = assertThrows(IntentException.class,
                () -> handle(new BundleInstallHandler(deployer), DeployIntents.INSTALL, sha(staged)));
        assertTrue(twice.getMessage().contains("submit platform.bundle.update"), twice.getMessage());

        StagedBundle other = stage("org.acme.other", "1.0.0", null);
        IntentException renamed = assertThrows(IntentException.class, () -> handle(new BundleUpdateHandler(deployer),
                DeployIntents.UPDATE, "{\"symbolicName\": \"org.acme.orders\", \"sha256\": \"" + other.sha256() + "\"}"));
        assertTrue(renamed.getMessage().contains("keeps the symbolic name"), renamed.getMessage());
    }

    @Test
    void saysWhyABundleDoesNotResolve() throws Exception {
        StagedBundle staged = stageJar("needy.jar", TestJars.jar(Map.of(Constants.BUNDLE_MANIFESTVERSION, "2",
                Constants.BUNDLE_SYMBOLICNAME, "org.acme.needy", Constants.BUNDLE_VERSION, "1.0.0",
                Constants.IMPORT_PACKAGE, "org.acme.missing;version=\"[1,2)\"")));

        applyCompleted(handle(new BundleInstallHandler(deployer), DeployIntents.INSTALL, sha(staged)));

        BundleInfo needy = find("org.acme.needy").orElseThrow();
        assertEquals("INSTALLED", needy.state());
        assertTrue(needy.problem().contains("org.acme.missing"), needy.problem());
    }

    @Test
    void showsTheIntentsABundleRequiresAndWhichIsMissing() throws Exception {
        StagedBundle staged = stageJar("ui.jar", TestJars.jar(Map.of(Constants.BUNDLE_MANIFESTVERSION, "2",
                Constants.BUNDLE_SYMBOLICNAME, "org.acme.ui", Constants.BUNDLE_VERSION, "1.0.0",
                Constants.REQUIRE_CAPABILITY, "symphainy.intent;filter:=\"(symphainy.intent=acme.orders.place)\"")));
        assertEquals(List.of("(symphainy.intent=acme.orders.place)"), staged.requiredIntents());

        applyCompleted(handle(new BundleInstallHandler(deployer), DeployIntents.INSTALL, sha(staged)));

        BundleInfo ui = find("org.acme.ui").orElseThrow();
        assertEquals(List.of("(symphainy.intent=acme.orders.place)"), ui.requiredIntents());
        assertEquals("INSTALLED", ui.state());
        assertTrue(ui.problem().contains("acme.orders.place"), ui.problem());
    }

    private StagedBundle stage(String symbolicName, String version, String intent) {
        return stageJar(symbolicName + ".jar", TestJars.bundle(symbolicName, version, intent));
    }

    private StagedBundle stageJar(String name, byte[] jar) {
        return deployer.stage(name, new ByteArrayInputStream(jar));
    }

    private static String sha(StagedBundle staged) {
        return "{\"sha256\": \"" + staged.sha256() + "\"}";
    }

    private static Artifact handle(IntentHandler handler, String type, String payload) {
        Intent intent = Intent.builder(type).tenant("system").session("session-1").actor("admin").correlationId("test")
                .payload(Json.of(payload)).build();
        List<Artifact> artifacts;
        try {
            artifacts = handler.handle(intent, null).artifacts();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new AssertionError("a deploy handler throws only IntentException", e);
        }
        assertEquals(1, artifacts.size());
        return artifacts.get(0);
    }

    private void applyCompleted(Artifact change) throws Exception {
        deployer.apply(completed(change));
        deployer.drain();
    }

    private Execution completed(Artifact change) {
        String type = DeployIntents.INSTALL;
        Intent intent = Intent.builder(type).tenant("system").session("session-1").actor("admin").correlationId("test").build();
        Instant now = Instant.now();
        return new Execution("exec-" + (++executions), intent, ExecutionState.COMPLETED,
                new HandlerRef("org.symphainy.curator", "0.1.0", type, "1.0.0"), List.of(), List.of(), List.of(change),
                now, now, null);
    }

    private Optional<BundleInfo> find(String symbolicName) {
        return deployer.bundles().stream().filter(b -> b.symbolicName().equals(symbolicName)).findFirst();
    }
}
