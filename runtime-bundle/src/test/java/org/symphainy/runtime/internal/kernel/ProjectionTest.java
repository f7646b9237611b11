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
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.symphainy.sdk.intent.Artifact;
import org.symphainy.sdk.intent.Result;
import org.symphainy.sdk.runtime.Effect;
import org.symphainy.sdk.runtime.Execution;
import org.symphainy.sdk.runtime.Projection;

/** Projections: state rebuilt from the log, fed the completed executions of the intent types they follow. */
class ProjectionTest {

    @TempDir
    Path dir;

    private final KernelFixtures.Registry registry = new KernelFixtures.Registry()
            .serve("platform.echo", new EchoHandler())
            .serve("test.tenant.create", (intent, context) -> Result.of(Artifact.of("tenant", intent.payload())))
            .serve("test.broken", (intent, context) -> {
                throw new IllegalStateException("broken on purpose");
            });
    private final List<Kernel> kernels = new ArrayList<>();

    @AfterEach
    void close() {
        kernels.forEach(Kernel::close);
    }

    @Test
    void aProjectionGetsTheRecordedExecutionsOldestFirstThenEachAsItCompletesAndAgainAfterARestart() throws Exception {
        Kernel kernel = start();
        String first = kernel.submit(intent("test.tenant.create", "{\"name\":\"acme\"}")).executionId();
        awaitEnd(kernel, kernel.submit(intent("platform.echo", "{}")).executionId());
        String second = kernel.submit(intent("test.tenant.create", "{\"name\":\"globex\"}")).executionId();
        awaitEnd(kernel, kernel.submit(intent("test.broken", "{}")).executionId());
        awaitEnd(kernel, first);
        awaitEnd(kernel, second);
        Recorder tenants = new Recorder();

        kernel.addProjection(tenants, "org.acme.tenants", Set.of("test.tenant.create", "test.broken"));
        tenants.await(2);
        String third = kernel.submit(intent("test.tenant.create", "{\"name\":\"initech\"}")).executionId();
        tenants.await(3);

        assertEquals(List.of(first, second, third), tenants.ids(), "completed ones only, oldest first, then the new one");
        assertEquals(List.of("{\"name\":\"acme\"}", "{\"name\":\"globex\"}", "{\"name\":\"initech\"}"), tenants.contents());
        kernels.forEach(Kernel::close);
        kernels.clear();

        Recorder rebuilt = new Recorder();
        start().addProjection(rebuilt, "org.acme.tenants", Set.of("test.tenant.create"));
        rebuilt.await(3);
        assertEquals(List.of(first, second, third), rebuilt.ids(), "the state is rebuilt from the log");
    }

    @Test
    void aRemovedProjectionIsNotFedAndOneThatThrowsDoesNotStopTheOthers() throws Exception {
        Kernel kernel = start();
        Recorder kept = new Recorder();
        Recorder removed = new Recorder();
        Projection throwing = execution -> {
            throw new IllegalStateException("projection failure on purpose");
        };
        kernel.addProjection(throwing, "org.acme.tenants", Set.of("test.tenant.create"));
        kernel.addProjection(kept, "org.acme.tenants", Set.of("test.tenant.create"));
        kernel.addProjection(removed, "org.acme.tenants", Set.of("test.tenant.create"));
        kernel.removeProjection(removed);

        awaitEnd(kernel, kernel.submit(intent("test.tenant.create", "{\"name\":\"acme\"}")).executionId());
        kept.await(1);

        assertEquals(1, kept.ids().size());
        assertEquals(0, removed.ids().size());
    }

    @Test
    void aProjectionRecordsWhatCameOfAnExecutionDurablyBesideItAndEveryViewShowsIt() throws Exception {
        Kernel kernel = start();
        String execution = kernel.submit(intent("test.tenant.create", "{\"name\":\"acme\"}")).executionId();
        awaitEnd(kernel, execution);
        List<Effect> recorded = new CopyOnWriteArrayList<>();
        kernel.addProjection(new Projection() {
            @Override
            public void apply(Execution given) {
                throw new AssertionError("the Runtime calls apply(execution, effects)");
            }

            @Override
            public void apply(Execution given, Effects effects) {
                recorded.add(effects.record(true, "tenant acme created in the directory"));
                recorded.add(effects.record(false, "x".repeat(Effect.MAX_SUMMARY + 10)));
            }
        }, "org.acme.tenants", Set.of("test.tenant.create"));
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (kernel.execution(execution).orElseThrow().effects().size() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(2);
        }

        List<Effect> effects = kernel.execution(execution).orElseThrow().effects();
        assertEquals(recorded, effects);
        assertEquals("org.acme.tenants", effects.get(0).by(), "named by the Runtime: the projection's bundle");
        assertTrue(effects.get(0).applied());
        assertEquals("tenant acme created in the directory", effects.get(0).summary());
        assertFalse(effects.get(1).applied());
        assertEquals(Effect.MAX_SUMMARY, effects.get(1).summary().length(), "a long summary is cut");
        assertTrue(effects.get(1).summary().endsWith("..."));
        assertEquals(org.symphainy.sdk.runtime.ExecutionState.COMPLETED, kernel.execution(execution).orElseThrow().state(),
                "an effect does not change how the execution ended");
        kernels.forEach(Kernel::close);
        kernels.clear();

        assertEquals(effects, start().execution(execution).orElseThrow().effects(), "kept in the WAL across a restart");
    }

    @Test
    void anEffectIsRecordedOnlyForAnEndedExecutionAndOnlySoMany() throws Exception {
        Kernel kernel = start();
        IllegalStateException unknown = assertThrows(IllegalStateException.class,
                () -> kernel.recordEffect("no-such-execution", "org.acme.tenants", true, "done"));
        assertTrue(unknown.getMessage().contains("no execution no-such-execution"), unknown.getMessage());
        String execution = kernel.submit(intent("test.tenant.create", "{\"name\":\"acme\"}")).executionId();
        awaitEnd(kernel, execution);

        for (int i = 0; i < Kernel.MAX_EFFECTS; i++) {
            kernel.recordEffect(execution, "org.acme.tenants", true, "applied, time " + i);
        }
        IllegalStateException full = assertThrows(IllegalStateException.class,
                () -> kernel.recordEffect(execution, "org.acme.tenants", true, "once more"));
        assertTrue(full.getMessage().contains("no more are kept"), full.getMessage());
        assertEquals(Kernel.MAX_EFFECTS, kernel.execution(execution).orElseThrow().effects().size());
    }

    private Kernel start() {
        Kernel kernel = new Kernel(dir.resolve("wal"), config(10_000, "fsync"), registry, KernelFixtures::allowing);
        kernels.add(kernel);
        return kernel;
    }

    /** Notes what it is given. */
    private static final class Recorder implements Projection {
        private final List<Execution> given = new CopyOnWriteArrayList<>();

        @Override
        public void apply(Execution execution) {
            given.add(execution);
        }

        List<String> ids() {
            return given.stream().map(Execution::id).toList();
        }

        List<String> contents() {
            return given.stream().map(e -> e.artifacts().get(0).text()).toList();
        }

        void await(int count) throws InterruptedException {
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (given.size() < count && System.nanoTime() < deadline) {
                Thread.sleep(2);
            }
            assertEquals(count, given.size(), "executions given: " + ids());
        }
    }
}
