package org.symphainy.curator.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.felix.framework.Felix;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleListener;
import org.osgi.framework.Constants;
import org.symphainy.sdk.deploy.BlastRadius;
import org.symphainy.sdk.deploy.BundleInfo;
import org.symphainy.sdk.deploy.DeployRefusedException;
import org.symphainy.sdk.deploy.Deployments;
import org.symphainy.sdk.deploy.StagedBundle;
import org.symphainy.sdk.identity.Session;
import org.symphainy.sdk.identity.Sessions;
import org.symphainy.sdk.intent.ErrorCode;
import org.symphainy.sdk.intent.Intent;
import org.symphainy.sdk.intent.Json;
import org.symphainy.sdk.runtime.Runtime;
import org.symphainy.sdk.runtime.Submission;

/**
 * The deploy folder in a real Felix, with the deployer and the Runtime faked: what it stages, when, and what it submits.
 */
class DeployFolderTest {

    @TempDir
    Path cache;
    @TempDir
    Path data;

    private Felix felix;
    private DeployFolder folder;
    private final List<String> staged = new CopyOnWriteArrayList<>();
    private final List<Intent> submitted = new CopyOnWriteArrayList<>();
    /** What the fake deployer does when it stages a file; by default it refuses it as unresolved. */
    private volatile StageStep onStage = name -> {
        throw unresolved(name);
    };

    @FunctionalInterface
    interface StageStep {
        StagedBundle stage(String fileName) throws Exception;
    }

    @BeforeEach
    void start() throws Exception {
        felix = new Felix(Map.of(Constants.FRAMEWORK_STORAGE, cache.toString(),
                BundleCatalog.DEPLOY_DIR_PROPERTY, data.resolve("deploy").toString(),
                Deployer.DATA_PROPERTY, data.toString()));
        felix.start();
        Files.createDirectories(data.resolve("deploy"));
        folder = new DeployFolder(felix.getBundleContext(), config());
        folder.setDeployments(new FakeDeployments());
        folder.setSubmitter(new PlatformSubmitter(runtime(), sessions()));
    }

    @AfterEach
    void stop() throws Exception {
        folder.deactivate();
        felix.stop();
        felix.waitForStop(10_000);
    }

    @Test
    void aFileRefusedWhileWhatItNeedsWasBeingResolvedIsTriedAgainAtOnce() throws Exception {
        // the provider resolves and starts while the file is being checked: every event comes before the file waits
        CountDownLatch providerStartedAndDelivered = new CountDownLatch(1);
        onStage = name -> {
            if (staged.size() == 1) {
                BundleListener delivered = event -> {
                    if (event.getType() == BundleEvent.STARTED && "org.acme.api".equals(event.getBundle().getSymbolicName())) {
                        providerStartedAndDelivered.countDown();
                    }
                };
                // asynchronous listeners are called in turn on one thread: when this one sees STARTED, so did the folder
                felix.getBundleContext().addBundleListener(delivered);
                Bundle api = felix.getBundleContext().installBundle("test:api", new ByteArrayInputStream(
                        TestJars.jar(Map.of(Constants.BUNDLE_MANIFESTVERSION, "2", Constants.BUNDLE_SYMBOLICNAME,
                                "org.acme.api", Constants.BUNDLE_VERSION, "1.0.0", Constants.EXPORT_PACKAGE,
                                "org.acme.api;version=1.0.0"))));
                api.start();
                assertTrue(providerStartedAndDelivered.await(10, TimeUnit.SECONDS));
                throw unresolved(name);
            }
            return new StagedBundle("ab".repeat(32), name, 10, "org.acme.user", "1.0.0", List.of(), List.of());
        };
        Path user = Files.write(data.resolve("deploy").resolve("user.jar"), TestJars.bundle("org.acme.user", "1.0.0", null));

        folder.install(user.toFile());

        awaitUntil(() -> submitted.size() == 1);
        assertEquals(List.of("user.jar", "user.jar"), staged, "checked once more after the provider came");
        assertEquals("platform.bundle.install", submitted.get(0).type());
        assertTrue(submitted.get(0).payload().text().contains("dropped into deploy/ as user.jar"),
                submitted.get(0).payload().text());
    }

    @Test
    void aFileRefusedAsUnresolvedWaitsForTheNextResolvedBundleAndIsTriedOnceMoreThen() throws Exception {
        Path user = Files.write(data.resolve("deploy").resolve("user.jar"), TestJars.bundle("org.acme.user", "1.0.0", null));

        folder.install(user.toFile());
        assertEquals(List.of("user.jar"), staged);

        onStage = name -> new StagedBundle("cd".repeat(32), name, 10, "org.acme.user", "1.0.0", List.of(), List.of());
        Bundle other = felix.getBundleContext().installBundle("test:other", new ByteArrayInputStream(
                TestJars.bundle("org.acme.other", "1.0.0", null)));
        Thread.sleep(200); // installed is not enough: the trial resolve wires against resolved bundles only
        assertEquals(List.of("user.jar"), staged);
        other.start();

        awaitUntil(() -> submitted.size() == 1);
        assertEquals("user.jar", staged.get(staged.size() - 1));
        assertEquals("deploy-folder", submitted.get(0).actor());
    }

    @Test
    void filesThatComeBeforeTheRuntimeIsUpWaitForItAndAreNeverInstalledPastTheDeployer() throws Exception {
        DeployFolder starting = new DeployFolder(felix.getBundleContext(), config());
        starting.setDeployments(new FakeDeployments());
        try {
            onStage = name -> new StagedBundle("ef".repeat(32), name, 10, "org.acme." + name.replace(".jar", ""), "1.0.0",
                    List.of(), List.of());
            Path kept = Files.write(data.resolve("deploy").resolve("kept.jar"), TestJars.bundle("org.acme.kept", "1.0.0", null));
            Path gone = Files.write(data.resolve("deploy").resolve("gone.jar"), TestJars.bundle("org.acme.gone", "1.0.0", null));

            starting.install(kept.toFile());
            starting.install(gone.toFile());
            Files.delete(gone);
            starting.uninstall(gone.toFile());
            assertEquals(List.of(), staged, "nothing is staged or submitted before the Runtime is up");

            starting.setSubmitter(new PlatformSubmitter(runtime(), sessions()));
            awaitUntil(() -> submitted.size() == 1);
            Thread.sleep(100); // nothing more comes
            assertEquals(List.of("kept.jar"), staged, "the file removed meanwhile is not deployed");
            assertEquals(1, submitted.size());
            assertTrue(submitted.get(0).payload().text().contains("dropped into deploy/ as kept.jar"),
                    submitted.get(0).payload().text());
        } finally {
            starting.deactivate();
        }
    }

    @Test
    void aRefusalForAnotherReasonIsFinal() throws Exception {
        onStage = name -> {
            throw new DeployRefusedException(ErrorCode.PAYLOAD_INVALID, "'" + name + "' is not what we want",
                    Json.of("{\"refusal\":\"duplicate-intent\"}"));
        };
        Path user = Files.write(data.resolve("deploy").resolve("user.jar"), TestJars.bundle("org.acme.user", "1.0.0", null));

        folder.install(user.toFile());
        felix.getBundleContext().installBundle("test:other", new ByteArrayInputStream(TestJars.bundle("org.acme.other",
                "1.0.0", null))).start();
        Thread.sleep(200); // the retry thread would have run by now, if anything waited

        assertEquals(List.of("user.jar"), staged, "not tried again");
        assertEquals(List.of(), submitted);
    }

    private static DeployRefusedException unresolved(String name) {
        return new DeployRefusedException(ErrorCode.PAYLOAD_INVALID, "'" + name + "' would not resolve against the "
                + "running system: nothing installed provides osgi.wiring.package",
                Json.of("{\"refusal\":\"unresolved\"}"));
    }

    private static void awaitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "not reached in 10 s");
            Thread.sleep(10);
        }
    }

    private final class FakeDeployments implements Deployments {
        @Override
        public StagedBundle stage(String fileName, InputStream jar) {
            staged.add(fileName);
            try {
                return onStage.stage(fileName);
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public Optional<StagedBundle> staged(String sha256) {
            return Optional.empty();
        }

        @Override
        public List<BundleInfo> bundles() {
            return List.of();
        }

        @Override
        public Optional<BlastRadius> blastRadius(String symbolicName, String version) {
            return Optional.empty();
        }
    }

    private Runtime runtime() {
        return (Runtime) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Runtime.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "submit" -> {
                        submitted.add((Intent) args[0]);
                        yield new Submission(UUID.randomUUID().toString(), Instant.now(), false);
                    }
                    case "subscribe" -> null;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static Sessions sessions() {
        Map<String, Session> open = new java.util.concurrent.ConcurrentHashMap<>();
        return (Sessions) Proxy.newProxyInstance(DeployFolderTest.class.getClassLoader(), new Class<?>[] {Sessions.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "open" -> {
                        Instant now = Instant.now();
                        Session session = new Session(UUID.randomUUID().toString(),
                                (org.symphainy.sdk.identity.Principal) args[0], now, now.plusSeconds(600));
                        open.put(session.id(), session);
                        yield session;
                    }
                    case "find" -> Optional.ofNullable(open.get((String) args[0]));
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static DeployFolder.Config config() {
        return new DeployFolder.Config() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return DeployFolder.Config.class;
            }

            @Override
            public long settleMillis() {
                return 0;
            }

            @Override
            public long maxSettleMillis() {
                return 1_000;
            }
        };
    }
}
