package org.symphainy.runtime.internal.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.symphainy.runtime.internal.kernel.KernelFixtures.awaitEnd;
import static org.symphainy.runtime.internal.kernel.KernelFixtures.config;
import static org.symphainy.runtime.internal.kernel.KernelFixtures.intent;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Version;
import org.osgi.framework.VersionRange;
import org.symphainy.sdk.intent.Artifact;
import org.symphainy.sdk.intent.HandlerRef;
import org.symphainy.sdk.intent.IntentHandler;
import org.symphainy.sdk.intent.Json;
import org.symphainy.sdk.intent.Result;
import org.symphainy.sdk.registry.AdmittedHandler;
import org.symphainy.sdk.registry.IntentRegistry;
import org.symphainy.sdk.registry.RefusedHandler;
import org.symphainy.sdk.registry.RegisteredIntent;
import org.symphainy.sdk.runtime.DrainTimeoutException;
import org.symphainy.sdk.runtime.Execution;
import org.symphainy.sdk.runtime.ExecutionState;

/**
 * Drain and pin on the real kernel and WAL: executions in flight when a bundle revision is swapped finish on the old
 * handler, submissions made during the drain wait and run on the new one, and a drain that outlives its bound changes
 * nothing. The swap is the registry's: the test withdraws the old handler and admits the new one, as the Curator does
 * when the framework updates the bundle.
 */
class DrainTest {

    private static final String TYPE = "test.slow";

    @TempDir
    Path dir;

    private final Versions registry = new Versions();
    private final ExecutorService clients = Executors.newCachedThreadPool();
    private final List<Kernel> kernels = new ArrayList<>();

    @AfterEach
    void close() {
        clients.shutdownNow();
        kernels.forEach(Kernel::close);
    }

    @Test
    void inFlightWorkFinishesOnTheOldRevisionAndWorkSubmittedDuringTheDrainRunsOnTheNewOne() throws Exception {
        CountDownLatch hold = new CountDownLatch(1);
        AtomicInteger oldReturned = new AtomicInteger();
        registry.admit("1.0.0", "1.0.0", labelled("old", hold, oldReturned));
        Kernel kernel = start();
        List<String> before = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            before.add(kernel.submit(intent(TYPE, "{\"n\":" + i + "}")).executionId());
        }
        AtomicInteger endedBeforeSwap = new AtomicInteger(-1);
        Future<?> drain = clients.submit(() -> {
            kernel.drain().drained("org.acme.test", "1.0.0", Duration.ofSeconds(20), () -> {
                endedBeforeSwap.set(oldReturned.get());
                registry.withdraw("1.0.0");
                registry.admit("1.0.1", "1.0.0", labelled("new", new CountDownLatch(0), new AtomicInteger()));
            });
            return null;
        });
        awaitDraining(kernel);
        List<Future<String>> during = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            during.add(clients.submit(() -> kernel.submit(intent(TYPE, "{}")).executionId()));
        }
        Thread.sleep(100); // the submissions reach the gate; none is acknowledged while the old revision drains
        assertTrue(during.stream().noneMatch(Future::isDone), "a submission during the drain waits");

        hold.countDown();
        drain.get(20, TimeUnit.SECONDS);

        assertEquals(5, endedBeforeSwap.get(), "the swap ran only once the old handler had returned for every in-flight execution");
        for (String id : before) {
            Execution done = awaitEnd(kernel, id);
            assertEquals(ExecutionState.COMPLETED, done.state(), done.toString());
            assertEquals("old", done.artifacts().get(0).text().replace("\"", ""));
            assertEquals("1.0.0", done.handler().bundleVersion());
        }
        for (Future<String> submitted : during) {
            Execution done = awaitEnd(kernel, submitted.get(20, TimeUnit.SECONDS));
            assertEquals(ExecutionState.COMPLETED, done.state(), done.toString());
            assertEquals("new", done.artifacts().get(0).text().replace("\"", ""));
            assertEquals("1.0.1", done.handler().bundleVersion());
        }
    }

    @Test
    void aDrainThatOutlivesItsBoundChangesNothingAndTheWaitingWorkProceedsOnTheOldRevision() throws Exception {
        CountDownLatch hold = new CountDownLatch(1);
        registry.admit("1.0.0", "1.0.0", labelled("old", hold, new AtomicInteger()));
        Kernel kernel = start();
        String running = kernel.submit(intent(TYPE, "{}")).executionId();
        AtomicBoolean changed = new AtomicBoolean();

        DrainTimeoutException timeout = assertThrows(DrainTimeoutException.class, () -> kernel.drain()
                .drained("org.acme.test", "1.0.0", Duration.ofMillis(200), () -> changed.set(true)));

        assertFalse(changed.get(), "the change did not run");
        assertEquals(1, timeout.stillBound());
        assertTrue(timeout.getMessage().contains("drainTimeoutSeconds"), timeout.getMessage());
        String after = kernel.submit(intent(TYPE, "{}")).executionId(); // the revision is open again
        hold.countDown();
        for (String id : List.of(running, after)) {
            Execution done = awaitEnd(kernel, id);
            assertEquals(ExecutionState.COMPLETED, done.state());
            assertEquals("old", done.artifacts().get(0).text().replace("\"", ""));
        }
    }

    @Test
    void anotherRevisionIsNotHeldByTheDrain() throws Exception {
        CountDownLatch hold = new CountDownLatch(1);
        registry.admit("1.0.0", "1.0.0", labelled("old", hold, new AtomicInteger()));
        Kernel kernel = start();
        kernel.submit(intent(TYPE, "{}"));
        Future<?> drain = clients.submit(() -> {
            kernel.drain().drained("org.acme.test", "1.0.0", Duration.ofSeconds(20), () -> { });
            return null;
        });
        awaitDraining(kernel);

        Execution other = awaitEnd(kernel, kernel.submit(intent("platform.echo", "{}")).executionId());

        assertEquals(ExecutionState.COMPLETED, other.state(), "an intent of another bundle runs while one drains");
        hold.countDown();
        drain.get(20, TimeUnit.SECONDS);
    }

    @Test
    void anExecutionPinnedToAVersionNoInstalledBundleDeclaresRunsOnTheCompatibleSuccessorOnly() {
        KernelDrain drain = new KernelDrain(registry, Duration.ofSeconds(1));
        registry.admit("1.1.0", "1.1.0", labelled("minor", new CountDownLatch(0), new AtomicInteger()));
        HandlerRef acceptedFor = new HandlerRef("org.acme.test", "1.0.0", TYPE, "1.0.0");

        assertTrue(drain.pinned(acceptedFor).isEmpty(), "until told what is installed, pinning is strict");
        drain.installedIntents((type, version) -> version.equals("1.0.0"));
        assertTrue(drain.pinned(acceptedFor).isEmpty(), "1.0.0 is still installed: wait for it");
        drain.installedIntents((type, version) -> false);
        assertEquals("1.1.0", drain.pinned(acceptedFor).orElseThrow().ref().intentVersion());

        registry.withdraw("1.1.0");
        registry.admit("2.0.0", "2.0.0", labelled("major", new CountDownLatch(0), new AtomicInteger()));
        assertTrue(drain.pinned(acceptedFor).isEmpty(), "a new major version is not assumed compatible");
    }

    private Kernel start() {
        registry.echo();
        Kernel kernel = new Kernel(dir.resolve("wal"), config(30_000, "fsync"), registry, KernelFixtures::allowing);
        kernels.add(kernel);
        return kernel;
    }

    /** Waits until the drain has closed the revision (a probe binding is refused). */
    private static void awaitDraining(Kernel kernel) throws InterruptedException {
        HandlerRef probe = new HandlerRef("org.acme.test", "1.0.0", TYPE, "1.0.0");
        for (int i = 0; i < 10_000; i++) {
            DrainGate.Lease lease = kernel.drain().tryBind(new AdmittedHandler(probe, (in, c) -> null));
            if (lease == null) {
                return;
            }
            lease.release();
            Thread.sleep(1);
        }
        throw new AssertionError("the drain did not start");
    }

    /** A handler that waits for {@code hold}, counts its return in {@code returned} and returns its label. */
    private static IntentHandler labelled(String label, CountDownLatch hold, AtomicInteger returned) {
        return (intent, context) -> {
            try {
                hold.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            returned.incrementAndGet();
            return Result.of(Artifact.of("test.label", Json.of("\"" + label + "\"")));
        };
    }

    /** A registry that keeps several versions of {@value #TYPE} and resolves version ranges, like the Curator's. */
    private static final class Versions implements IntentRegistry {
        private final NavigableMap<Version, AdmittedHandler> versions = new TreeMap<>();
        private final Map<String, AdmittedHandler> others = new ConcurrentHashMap<>();

        synchronized void admit(String bundleVersion, String intentVersion, IntentHandler handler) {
            versions.put(Version.parseVersion(intentVersion),
                    new AdmittedHandler(new HandlerRef("org.acme.test", bundleVersion, TYPE, intentVersion), handler));
        }

        synchronized void withdraw(String intentVersion) {
            versions.remove(Version.parseVersion(intentVersion));
        }

        void echo() {
            others.put("platform.echo", new AdmittedHandler(new HandlerRef("org.acme.echo", "1.0.0", "platform.echo",
                    "1.0.0"), new EchoHandler()));
        }

        @Override
        public synchronized List<RegisteredIntent> intents() {
            return versions.values().stream().map(h -> new RegisteredIntent(h.ref(), true, "test")).toList();
        }

        @Override
        public List<RefusedHandler> refusals() {
            return List.of();
        }

        @Override
        public synchronized Optional<AdmittedHandler> resolve(String intentType, String versionRange) {
            if (!TYPE.equals(intentType)) {
                return Optional.ofNullable(others.get(intentType));
            }
            VersionRange range = versionRange == null ? null : VersionRange.valueOf(versionRange);
            return versions.descendingMap().values().stream()
                    .filter(h -> range == null || range.includes(Version.parseVersion(h.ref().intentVersion())))
                    .findFirst();
        }
    }
}
