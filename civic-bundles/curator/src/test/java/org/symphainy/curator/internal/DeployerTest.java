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
import org.osgi.framework.BundleEvent;
import org.osgi.framework.Constants;
import org.osgi.framework.SynchronousBundleListener;
import org.symphainy.sdk.deploy.BlastRadius;
import org.symphainy.sdk.deploy.DeployRefusedException;
import org.symphainy.sdk.intent.ProvidesIntent;
import org.symphainy.sdk.intent.Result;
import org.symphainy.sdk.intent.RuntimeContext;
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
import org.symphainy.sdk.runtime.Effect;
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
    private Curator curator;
    private Deployer deployer;
    private int executions;
    private final List<Effect> effects = new java.util.ArrayList<>();

    /** The handler an orders bundle's component would register for intent acme.orders.place 1.0.0. */
    @ProvidesIntent(value = "acme.orders.place", version = "1.0.0")
    static final class PlaceV1 implements IntentHandler {
        @Override
        public Result handle(Intent intent, RuntimeContext context) {
            return Result.of();
        }
    }

    /** The same for version 1.1.0. */
    @ProvidesIntent(value = "acme.orders.place", version = "1.1.0")
    static final class PlaceV11 implements IntentHandler {
        @Override
        public Result handle(Intent intent, RuntimeContext context) {
            return Result.of();
        }
    }

    /** The same for version 3.0.0 (installed beside 1.0.0). */
    @ProvidesIntent(value = "acme.orders.place", version = "3.0.0")
    static final class PlaceV3 implements IntentHandler {
        @Override
        public Result handle(Intent intent, RuntimeContext context) {
            return Result.of();
        }
    }

    @BeforeEach
    void start() throws Exception {
        felix = new Felix(Map.of(Constants.FRAMEWORK_STORAGE, cache.toString(),
                BundleCatalog.DEPLOY_DIR_PROPERTY, data.resolve("deploy").toString(),
                Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, "org.symphainy.sdk.intent"));
        felix.start();
        curator = new Curator(felix.getBundleContext());
        felix.getBundleContext().registerService(org.symphainy.sdk.registry.IntentRegistry.class, curator, null);
        // what a solution's DS component does when its bundle starts: register the handler of the intent it declares
        felix.getBundleContext().addBundleListener((SynchronousBundleListener) event -> {
            Bundle bundle = event.getBundle();
            if (event.getType() == BundleEvent.STARTED && "org.acme.orders".equals(bundle.getSymbolicName())) {
                for (DeclaredIntent declared : DeclaredIntent.of(bundle)) {
                    IntentHandler handler = "1.0.0".equals(declared.version().toString()) ? new PlaceV1()
                            : "1.1.0".equals(declared.version().toString()) ? new PlaceV11()
                            : "3.0.0".equals(declared.version().toString()) ? new PlaceV3() : null;
                    if (handler != null) {
                        bundle.getBundleContext().registerService(IntentHandler.class, handler, null);
                    }
                }
            }
        });
        deployer = new Deployer(felix.getBundleContext(), data, 1024 * 1024, 500);
    }

    @AfterEach
    void stop() throws Exception {
        curator.deactivate();
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
        assertEquals("applied: installed org.acme.orders 1.0.0 as bundle " + installed.id() + "; started and ready",
                lastEffect());

        applyCompleted(handle(new BundleStopHandler(deployer), DeployIntents.STOP, "{\"symbolicName\": \"org.acme.orders\"}"));
        BundleInfo stopped = find("org.acme.orders").orElseThrow();
        assertEquals("RESOLVED", stopped.state());
        assertTrue(stopped.problem().startsWith("stopped"), stopped.problem());
        assertEquals("applied: stopped org.acme.orders 1.0.0", lastEffect());

        applyCompleted(handle(new BundleStartHandler(deployer), DeployIntents.START,
                "{\"symbolicName\": \"org.acme.orders\", \"version\": \"1.0\"}"));
        assertEquals("ACTIVE", find("org.acme.orders").orElseThrow().state());

        applyCompleted(handle(new BundleUninstallHandler(deployer), DeployIntents.UNINSTALL,
                "{\"symbolicName\": \"org.acme.orders\", \"version\": \"1.0.0\"}"));
        assertEquals(Optional.empty(), find("org.acme.orders"));
        assertEquals("applied: uninstalled org.acme.orders 1.0.0", lastEffect());
        assertEquals(4, effects.size(), "one effect per applied execution");
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
        assertEquals("applied: updated org.acme.orders from 1.0.0 to 1.1.0; started and ready", lastEffect());
    }

    @Test
    void installsASecondVersionBesideTheFirstInsteadOfReplacingIt() throws Exception {
        StagedBundle first = stage("org.acme.orders", "1.0.0", "acme.orders.place 1.0.0");
        applyCompleted(handle(new BundleInstallHandler(deployer), DeployIntents.INSTALL, sha(first)));
        StagedBundle second = stage("org.acme.orders", "3.0.0", "acme.orders.place 3.0.0");

        applyCompleted(handle(new BundleInstallHandler(deployer), DeployIntents.INSTALL, sha(second)));

        List<String> installed = deployer.bundles().stream().filter(b -> b.symbolicName().equals("org.acme.orders"))
                .map(b -> b.version() + " " + b.state() + " " + b.declaredIntents()).sorted().toList();
        assertEquals(List.of("1.0.0 ACTIVE [acme.orders.place 1.0.0]", "3.0.0 ACTIVE [acme.orders.place 3.0.0]"), installed);
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
    void aTrialResolveRefusesAMissingImportNamingTheRequirementAndTheCandidates() throws Exception {
        felix.getBundleContext().installBundle("test:old-api", new ByteArrayInputStream(TestJars.jar(Map.of(
                Constants.BUNDLE_MANIFESTVERSION, "2", Constants.BUNDLE_SYMBOLICNAME, "org.acme.api",
                Constants.BUNDLE_VERSION, "3.0.0", Constants.EXPORT_PACKAGE, "org.acme.missing;version=3.0.0"))));

        DeployRefusedException e = assertThrows(DeployRefusedException.class, () -> stageJar("needy.jar",
                TestJars.jar(Map.of(Constants.BUNDLE_MANIFESTVERSION, "2", Constants.BUNDLE_SYMBOLICNAME,
                        "org.acme.needy", Constants.BUNDLE_VERSION, "1.0.0",
                        Constants.IMPORT_PACKAGE, "org.acme.missing;version=\"[1,2)\""))));

        assertEquals(ErrorCode.PAYLOAD_INVALID, e.code());
        String details = e.details().text();
        assertTrue(details.contains("\"refusal\":\"unresolved\""), details);
        assertTrue(details.contains("\"namespace\":\"osgi.wiring.package\""), details);
        assertTrue(details.contains("(osgi.wiring.package=org.acme.missing)"), details);
        assertTrue(details.contains("org.acme.missing 3.0.0 from org.acme.api 3.0.0"), details);
        assertTrue(find("org.acme.needy").isEmpty(), "nothing is installed");
    }

    @Test
    void theFrameworksResolverRefusesAUsesConstraintViolationTheFirstOrderCheckCannotSee() throws Exception {
        installAndStart("org.acme.p1", Constants.EXPORT_PACKAGE, "org.acme.p;version=1.0.0");
        installAndStart("org.acme.p2", Constants.EXPORT_PACKAGE, "org.acme.p;version=2.0.0");
        installAndStart("org.acme.q", Constants.EXPORT_PACKAGE, "org.acme.q;version=1.0.0;uses:=\"org.acme.p\"",
                Constants.IMPORT_PACKAGE, "org.acme.p;version=\"[1,2)\"");

        DeployRefusedException e = assertThrows(DeployRefusedException.class, () -> stageJar("torn.jar",
                TestJars.jar(Map.of(Constants.BUNDLE_MANIFESTVERSION, "2", Constants.BUNDLE_SYMBOLICNAME,
                        "org.acme.torn", Constants.BUNDLE_VERSION, "1.0.0", Constants.IMPORT_PACKAGE,
                        "org.acme.q, org.acme.p;version=\"[2,3)\""))));

        assertTrue(e.details().text().contains("\"resolver\":"), e.details().text());
        assertTrue(e.getMessage().contains("org.acme.p"), e.getMessage());
        StagedBundle consistent = stageJar("whole.jar", TestJars.jar(Map.of(Constants.BUNDLE_MANIFESTVERSION, "2",
                Constants.BUNDLE_SYMBOLICNAME, "org.acme.whole", Constants.BUNDLE_VERSION, "1.0.0",
                Constants.IMPORT_PACKAGE, "org.acme.q, org.acme.p;version=\"[1,2)\"")));
        assertEquals("org.acme.whole", consistent.symbolicName());
    }

    private void installAndStart(String symbolicName, String... headers) throws Exception {
        Map<String, String> manifest = new java.util.HashMap<>(Map.of(Constants.BUNDLE_MANIFESTVERSION, "2",
                Constants.BUNDLE_SYMBOLICNAME, symbolicName, Constants.BUNDLE_VERSION, "1.0.0"));
        for (int i = 0; i < headers.length; i += 2) {
            manifest.put(headers[i], headers[i + 1]);
        }
        felix.getBundleContext().installBundle("test:" + symbolicName,
                new ByteArrayInputStream(TestJars.jar(manifest))).start();
    }

    @Test
    void aTrialResolveRefusesARequiredIntentNobodyProvides() throws Exception {
        DeployRefusedException e = assertThrows(DeployRefusedException.class, () -> stageJar("ui.jar",
                TestJars.jar(Map.of(Constants.BUNDLE_MANIFESTVERSION, "2", Constants.BUNDLE_SYMBOLICNAME, "org.acme.ui",
                        Constants.BUNDLE_VERSION, "1.0.0", Constants.REQUIRE_CAPABILITY,
                        "symphainy.intent;filter:=\"(symphainy.intent=acme.orders.place)\""))));

        assertTrue(e.details().text().contains("\"namespace\":\"symphainy.intent\""), e.details().text());

        applyCompleted(handle(new BundleInstallHandler(deployer), DeployIntents.INSTALL,
                sha(stage("org.acme.orders", "1.0.0", "acme.orders.place 1.0.0"))));
        StagedBundle ui = stageJar("ui.jar", TestJars.jar(Map.of(Constants.BUNDLE_MANIFESTVERSION, "2",
                Constants.BUNDLE_SYMBOLICNAME, "org.acme.ui", Constants.BUNDLE_VERSION, "1.0.0",
                Constants.REQUIRE_CAPABILITY, "symphainy.intent;filter:=\"(symphainy.intent=acme.orders.place)\"")));
        assertEquals(List.of("(symphainy.intent=acme.orders.place)"), ui.requiredIntents());
    }

    @Test
    void refusesADuplicateIntentNamingBothBundles() throws Exception {
        applyCompleted(handle(new BundleInstallHandler(deployer), DeployIntents.INSTALL,
                sha(stage("org.acme.orders", "1.0.0", "acme.orders.place 1.0.0"))));

        DeployRefusedException e = assertThrows(DeployRefusedException.class,
                () -> stage("org.acme.clone", "1.0.0", "acme.orders.place 1.0.0"));

        assertTrue(e.getMessage().contains("org.acme.clone 1.0.0") && e.getMessage().contains("org.acme.orders 1.0.0"),
                e.getMessage());
        assertTrue(e.details().text().contains("\"refusal\":\"duplicate-intent\""), e.details().text());
    }

    @Test
    void refusesToUninstallABundleOthersRequireUnlessForced() throws Exception {
        applyCompleted(handle(new BundleInstallHandler(deployer), DeployIntents.INSTALL, sha(stageJar("api.jar",
                TestJars.jar(Map.of(Constants.BUNDLE_MANIFESTVERSION, "2", Constants.BUNDLE_SYMBOLICNAME, "org.acme.api",
                        Constants.BUNDLE_VERSION, "1.0.0", Constants.EXPORT_PACKAGE, "org.acme.api;version=1.0.0"))))));
        applyCompleted(handle(new BundleInstallHandler(deployer), DeployIntents.INSTALL, sha(stageJar("user.jar",
                TestJars.jar(Map.of(Constants.BUNDLE_MANIFESTVERSION, "2", Constants.BUNDLE_SYMBOLICNAME, "org.acme.user",
                        Constants.BUNDLE_VERSION, "1.0.0", Constants.IMPORT_PACKAGE, "org.acme.api"))))));
        assertEquals("ACTIVE", find("org.acme.user").orElseThrow().state());

        BlastRadius radius = deployer.blastRadius("org.acme.api", null).orElseThrow();
        assertEquals(List.of("org.acme.user 1.0.0"), radius.dependants());
        assertTrue(radius.restarted().containsAll(List.of("org.acme.api 1.0.0", "org.acme.user 1.0.0")),
                radius.restarted().toString());
        assertEquals(List.of(), radius.platformBundles());

        DeployRefusedException e = assertThrows(DeployRefusedException.class, () -> handle(
                new BundleUninstallHandler(deployer), DeployIntents.UNINSTALL, "{\"symbolicName\": \"org.acme.api\"}"));
        assertEquals(ErrorCode.FORBIDDEN, e.code());
        assertTrue(e.getMessage().contains("required by [org.acme.user 1.0.0]"), e.getMessage());
        assertEquals("ACTIVE", find("org.acme.api").orElseThrow().state(), "the refused bundle is left as it was");

        Artifact forced = handle(new BundleUninstallHandler(deployer), DeployIntents.UNINSTALL,
                "{\"symbolicName\": \"org.acme.api\", \"force\": true}");
        String recorded = new String(forced.content(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(recorded.contains("\"force\":true") && recorded.contains("\"dependants\":[\"org.acme.user 1.0.0\"]"),
                "the artifact records the blast radius accepted: " + recorded);
        applyCompleted(forced);
        assertTrue(find("org.acme.api").isEmpty(), "forced, it is uninstalled");
    }

    @Test
    void rollsBackAFreshInstallThatNeverBecomesReady() throws Exception {
        StagedBundle lonely = stage("org.acme.lonely", "1.0.0", "acme.lonely.call 1.0.0");

        applyCompleted(handle(new BundleInstallHandler(deployer), DeployIntents.INSTALL, sha(lonely)));

        assertTrue(find("org.acme.lonely").isEmpty(), "a bundle whose intent has no handler is uninstalled again");
        assertTrue(lastEffect().matches("not applied: installed org\\.acme\\.lonely 1\\.0\\.0 as bundle \\d+, but it was "
                + "not ready \\(.*acme\\.lonely\\.call.*\\); rolled back directly .*"), lastEffect());
    }

    @Test
    void rollsBackAnUpdateThatNeverBecomesReadyToThePreviousRevision() throws Exception {
        applyCompleted(handle(new BundleInstallHandler(deployer), DeployIntents.INSTALL,
                sha(stage("org.acme.orders", "1.0.0", "acme.orders.place 1.0.0"))));
        long id = find("org.acme.orders").orElseThrow().id();
        StagedBundle broken = stage("org.acme.orders", "2.0.0", "acme.orders.place 2.0.0");

        applyCompleted(handle(new BundleUpdateHandler(deployer), DeployIntents.UPDATE,
                "{\"symbolicName\": \"org.acme.orders\", \"sha256\": \"" + broken.sha256() + "\"}"));

        BundleInfo back = find("org.acme.orders").orElseThrow();
        assertEquals(id, back.id());
        assertEquals("1.0.0", back.version());
        assertEquals("ACTIVE", back.state());
        assertEquals(List.of("acme.orders.place 1.0.0"), back.declaredIntents());
        assertTrue(curator.resolve("acme.orders.place", null).isPresent(), "the previous revision serves again");
        assertTrue(lastEffect().startsWith("not applied: updated org.acme.orders from 1.0.0 to 2.0.0, but it was not "
                + "ready ("), lastEffect());
    }

    private StagedBundle stage(String symbolicName, String version, String intent) {
        if (intent == null) {
            return stageJar(symbolicName + ".jar", TestJars.bundle(symbolicName, version, null));
        }
        String[] parts = intent.split(" ");
        return stageJar(symbolicName + ".jar", TestJars.jar(Map.of(Constants.BUNDLE_MANIFESTVERSION, "2",
                Constants.BUNDLE_SYMBOLICNAME, symbolicName, Constants.BUNDLE_VERSION, version,
                Constants.IMPORT_PACKAGE, "org.symphainy.sdk.intent", Constants.PROVIDE_CAPABILITY,
                "symphainy.intent;symphainy.intent=\"" + parts[0] + "\";version:Version=\"" + parts[1] + "\"")));
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
        deployer.apply(completed(change), (applied, summary) -> {
            Effect effect = new Effect("org.symphainy.curator", Instant.now(), applied, summary);
            effects.add(effect);
            return effect;
        });
        deployer.drain();
    }

    /** The applied flag and summary of the last effect recorded. */
    private String lastEffect() {
        Effect last = effects.get(effects.size() - 1);
        return (last.applied() ? "applied: " : "not applied: ") + last.summary();
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
