package org.symphainy.runtime.internal.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.symphainy.runtime.internal.kernel.KernelFixtures.allowing;
import static org.symphainy.runtime.internal.kernel.KernelFixtures.awaitEnd;
import static org.symphainy.runtime.internal.kernel.KernelFixtures.config;
import static org.symphainy.runtime.internal.kernel.KernelFixtures.intent;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.symphainy.runtime.internal.record.KernelRecord;
import org.symphainy.runtime.internal.record.RecordType;
import org.symphainy.runtime.internal.wal.WalOptions;
import org.symphainy.runtime.internal.wal.WriteAheadLog;
import org.symphainy.sdk.governance.Decision;
import org.symphainy.sdk.governance.GovernanceRole;
import org.symphainy.sdk.governance.IntentDeniedException;
import org.symphainy.sdk.governance.Stage;
import org.symphainy.sdk.intent.Artifact;
import org.symphainy.sdk.intent.ErrorCode;
import org.symphainy.sdk.intent.HandlerRef;
import org.symphainy.sdk.intent.Intent;
import org.symphainy.sdk.intent.IntentException;
import org.symphainy.sdk.intent.Json;
import org.symphainy.sdk.intent.Result;
import org.symphainy.sdk.runtime.Execution;
import org.symphainy.sdk.runtime.ExecutionQuery;
import org.symphainy.sdk.runtime.ExecutionState;
import org.symphainy.sdk.runtime.Page;
import org.symphainy.sdk.runtime.ExecutionSummary;
import org.symphainy.sdk.runtime.ReplayReport;
import org.symphainy.sdk.runtime.Submission;

/** The kernel on a real WAL in a temporary directory, with test role services and handlers. */
class KernelTest {

    @TempDir
    Path dir;

    private final KernelFixtures.Registry registry = new KernelFixtures.Registry().serve("platform.echo", new EchoHandler());
    private final List<Kernel> kernels = new ArrayList<>();

    @AfterEach
    void close() {
        kernels.forEach(Kernel::close);
    }

    @Test
    void runsAnAcceptedIntentToCompletionWithItsDecisionsAndArtifact() throws Exception {
        Kernel kernel = start(KernelFixtures::allowing);

        Submission submission = kernel.submit(intent("platform.echo", "{\"hello\":\"world\"}"));
        Execution execution = awaitEnd(kernel, submission.executionId());

        assertEquals(ExecutionState.COMPLETED, execution.state());
        assertEquals(5, execution.decisions().size(), "every stage decides");
        assertEquals("{\"hello\":\"world\"}", execution.artifacts().get(0).text());
        assertEquals(submission.executionId() + "/1/1", execution.artifacts().get(0).id());
        assertEquals("org.acme.test", execution.handler().bundleSymbolicName());
    }

    @Test
    void aMissingRoleDeniesNamingTheRoleAndTheDenialIsInTheWal() throws Exception {
        Kernel kernel = start(stage -> stage == Stage.LIBRARIAN ? null : allowing(stage));

        IntentDeniedException denied = assertThrows(IntentDeniedException.class,
                () -> kernel.submit(intent("platform.echo", "{}")));

        Decision denial = denied.denial();
        assertEquals(Stage.LIBRARIAN, denial.stage());
        assertEquals(Decision.ROLE_UNAVAILABLE, denial.code());
        assertTrue(denial.reasons().get(0).contains("no Librarian service is registered"), denial.reasons().toString());
        stopAll();
        assertEquals(List.of(RecordType.INTENT_DENIED.code()), walTypes());
    }

    @Test
    void anUnknownTenantIsRefusedWithItsOwnCodeAndRecorded() throws Exception {
        Kernel kernel = start(stage -> stage != Stage.CITY_MANAGER ? allowing(stage) : new GovernanceRole() {
            public Stage stage() {
                return Stage.CITY_MANAGER;
            }

            public Decision decide(Intent intent, org.symphainy.sdk.governance.GovernanceContext context) {
                return "acme".equals(intent.tenant()) ? Decision.allow(Stage.CITY_MANAGER, "tenant acme is active")
                        : Decision.deny(Stage.CITY_MANAGER, Decision.UNKNOWN_TENANT, "no tenant '" + intent.tenant()
                                + "'; create it first");
            }
        });

        IntentDeniedException denied = assertThrows(IntentDeniedException.class,
                () -> kernel.submit(intent("platform.echo", "{}").toBuilder().tenant("globex").build()));

        assertEquals(ErrorCode.UNKNOWN_TENANT, denied.code());
        assertTrue(denied.getMessage().contains("no tenant 'globex'"), denied.getMessage());
        stopAll();
        assertEquals(List.of(RecordType.INTENT_DENIED.code()), walTypes(), "the refusal is recorded, nothing runs");
    }

    @Test
    void beyondMaxInFlightSubmitRefusesUntilExecutionsEndAndNothingIsRecordedForTheRefusal() throws Exception {
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        registry.serve("test.blocked", (intent, context) -> {
            release.await();
            return Result.empty();
        });
        Kernel kernel = new Kernel(dir.resolve("wal"), config(10_000, "fsync", 2), registry, KernelFixtures::allowing);
        kernels.add(kernel);
        String first = kernel.submit(intent("test.blocked", "{}")).executionId();
        String second = kernel.submit(intent("test.blocked", "{}")).executionId();

        IntentException refused = assertThrows(IntentException.class, () -> kernel.submit(intent("platform.echo", "{}")));

        assertEquals(ErrorCode.RUNTIME_UNAVAILABLE, refused.code());
        assertTrue(refused.getMessage().contains("maxInFlight"), refused.getMessage());
        release.countDown();
        awaitEnd(kernel, first);
        awaitEnd(kernel, second);
        assertEquals(ExecutionState.COMPLETED, awaitEnd(kernel, kernel.submit(intent("platform.echo", "{}")).executionId()).state());
    }

    @Test
    void everyStageSeesThePrincipalOfTheIntentsSessionWhichIsRecordedAndAnUnknownSessionHasNone() throws Exception {
        java.util.Map<String, org.symphainy.sdk.identity.Principal> active = java.util.Map.of("s-1",
                new org.symphainy.sdk.identity.Principal("acme", "alice", java.util.Set.of("editor"), "api-key"));
        Function<Stage, GovernanceRole> roles = stage -> stage != Stage.SECURITY_GUARD ? allowing(stage) : new GovernanceRole() {
            public Stage stage() {
                return Stage.SECURITY_GUARD;
            }

            public Decision decide(Intent intent, org.symphainy.sdk.governance.GovernanceContext context) {
                return context.principal().map(p -> Decision.allow(Stage.SECURITY_GUARD, p + " may"))
                        .orElse(Decision.deny(Stage.SECURITY_GUARD, Decision.UNAUTHENTICATED, "no active session"));
            }
        };
        Kernel kernel = new Kernel(dir.resolve("wal"), config(10_000, "fsync"), registry, roles,
                session -> java.util.Optional.ofNullable(active.get(session)));
        kernels.add(kernel);

        String id = kernel.submit(intent("platform.echo", "{}")).executionId();
        IntentDeniedException denied = assertThrows(IntentDeniedException.class,
                () -> kernel.submit(intent("platform.echo", "{}").toBuilder().session("s-unknown").build()));

        assertEquals("alice@acme may", awaitEnd(kernel, id).decisions().get(1).reasons().get(0));
        assertEquals(ErrorCode.UNAUTHENTICATED, denied.code());
        assertEquals(active.get("s-1"), kernel.execution(id).orElseThrow().principal(), "the attribution is recorded");
        stopAll();
        Kernel restarted = start(KernelFixtures::allowing);
        assertEquals(active.get("s-1"), restarted.execution(id).orElseThrow().principal(), "and read back from the WAL");
    }

    @Test
    void aStepWhoseArtifactsBreakTheDataStewardsProvenanceRulesFailsAndRecordsNoArtifact() throws Exception {
        registry.serve("insights.summarise", (intent, context) -> Result.of(Artifact.of("insights.summary", Json.of("{}"))));
        List<String> checked = new java.util.concurrent.CopyOnWriteArrayList<>();
        org.symphainy.sdk.governance.DataSteward steward = new org.symphainy.sdk.governance.DataSteward() {
            public Decision decide(Intent intent, org.symphainy.sdk.governance.GovernanceContext context) {
                return Decision.allow(Stage.DATA_STEWARD, "test allows");
            }

            public List<String> provenanceProblems(String executionId, List<Artifact> artifacts) {
                artifacts.forEach(a -> checked.add(a.id() + " " + a.provenance().executionId() + " "
                        + a.provenance().handler().bundleSymbolicName()));
                return artifacts.stream().filter(a -> a.kind().startsWith("insights."))
                        .map(a -> a.id() + " names no input artifact").toList();
            }
        };
        Kernel kernel = start(stage -> stage == Stage.DATA_STEWARD ? steward : allowing(stage));

        Execution rejected = awaitEnd(kernel, kernel.submit(intent("insights.summarise", "{}")).executionId());
        Execution echoed = awaitEnd(kernel, kernel.submit(intent("platform.echo", "{}")).executionId());

        assertEquals(ExecutionState.FAILED, rejected.state());
        assertEquals(ErrorCode.ARTIFACT_REJECTED, rejected.failure().code());
        assertEquals("the step's artifacts were rejected: Data Steward: " + rejected.id()
                + "/1/1 names no input artifact", rejected.failure().message());
        assertTrue(rejected.artifacts().isEmpty());
        assertEquals(ExecutionState.COMPLETED, echoed.state());
        assertEquals(List.of(rejected.id() + "/1/1 " + rejected.id() + " org.acme.test",
                echoed.id() + "/1/1 " + echoed.id() + " org.acme.test"), checked, "stamped with provenance before the check");
    }

    @Test
    void theHandlersEventsReachSubscribersWithTheCompletedStepAndStayWithTheExecution() throws Exception {
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        registry.serve("content.ingest", (intent, context) -> {
            release.await();
            return Result.of(List.of(Artifact.of("content.doc", Json.of("{}"))),
                    List.of(new org.symphainy.sdk.intent.Event("content.ingested", Json.of("{\"n\":1}")),
                            new org.symphainy.sdk.intent.Event("content.indexed", Json.of("{\"n\":2}"))));
        });
        Kernel kernel = start(KernelFixtures::allowing);
        String id = kernel.submit(intent("content.ingest", "{}")).executionId();
        List<org.symphainy.sdk.runtime.ExecutionUpdate> updates = new java.util.concurrent.CopyOnWriteArrayList<>();
        kernel.subscribe(id, updates::add);
        release.countDown();
        awaitEnd(kernel, id);
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (updates.stream().noneMatch(u -> u.state().isTerminal()) && System.nanoTime() < deadline) {
            Thread.sleep(2);
        }

        List<String> delivered = updates.stream().flatMap(u -> u.events().stream()).map(e -> e.type()).toList();
        assertEquals(List.of("content.ingested", "content.indexed"), delivered, "once, in order: " + updates);
        assertEquals(List.of("content.ingested", "content.indexed"),
                kernel.execution(id).orElseThrow().events().stream().map(e -> e.type()).toList());
    }

    @Test
    void aRoleThatThrowsDenies() {
        Kernel kernel = start(stage -> stage != Stage.CITY_MANAGER ? allowing(stage) : new GovernanceRole() {
            public Stage stage() {
                return Stage.CITY_MANAGER;
            }

            public Decision decide(Intent intent, org.symphainy.sdk.governance.GovernanceContext context) {
                throw new IllegalStateException("policy store down");
            }
        });

        IntentDeniedException denied = assertThrows(IntentDeniedException.class, () -> kernel.submit(intent("platform.echo", "{}")));

        assertEquals(Decision.ROLE_FAILED, denied.denial().code());
        assertTrue(denied.denial().reasons().get(0).contains("policy store down"));
    }

    @Test
    void badInputIsRefusedWithAStableCodeBeforeAnythingIsWritten() {
        Kernel kernel = start(KernelFixtures::allowing);

        assertEquals(ErrorCode.UNKNOWN_INTENT, code(() -> kernel.submit(intent("content.nothing", "{}"))));
        assertEquals(ErrorCode.PAYLOAD_MALFORMED, code(() -> kernel.submit(intent("platform.echo", "{\"a\": "))));
        assertEquals(ErrorCode.PAYLOAD_MALFORMED, code(() -> kernel.submit(intent("platform.echo", "{} {}"))));
        assertEquals(ErrorCode.PAYLOAD_TOO_LARGE, code(() -> kernel.submit(intent("platform.echo", "\"" + "x".repeat(2000) + "\""))));
        IntentException unknown = assertThrows(IntentException.class, () -> kernel.submit(intent("content.nothing", "{}")));
        assertTrue(unknown.getMessage().contains("deployed intents: platform.echo 1.0.0"), unknown.getMessage());
        stopAll();
        assertEquals(List.of(), walTypes());
    }

    @Test
    void theSameKeyReturnsTheFirstExecutionAlsoAfterARestartAndADifferentPayloadConflicts() throws Exception {
        Kernel kernel = start(KernelFixtures::allowing);
        Intent first = intent("platform.echo", "{\"n\":1}").toBuilder().idempotencyKey("order-7").build();
        Submission original = kernel.submit(first);
        awaitEnd(kernel, original.executionId());

        Submission again = kernel.submit(first);
        assertTrue(again.duplicate());
        assertEquals(original.executionId(), again.executionId());
        assertEquals(ErrorCode.IDEMPOTENCY_CONFLICT, code(() -> kernel.submit(first.toBuilder().payload(Json.of("{\"n\":2}")).build())));

        stopAll();
        Kernel restarted = start(KernelFixtures::allowing);
        assertEquals(original.executionId(), restarted.submit(first).executionId());
        assertEquals(ErrorCode.IDEMPOTENCY_CONFLICT, code(() -> restarted.submit(first.toBuilder().payload(Json.of("{\"n\":3}")).build())));
    }

    @Test
    void aHandlerThatThrowsReturnsNullOrHangsFailsItsExecutionOnly() throws Exception {
        registry.serve("test.throws", (intent, context) -> {
            throw new IllegalArgumentException("bad row 7");
        });
        registry.serve("test.null", (intent, context) -> null);
        registry.serve("test.hangs", (intent, context) -> {
            Thread.sleep(60_000);
            return Result.empty();
        });
        Kernel kernel = start(KernelFixtures::allowing, 300);

        Execution threw = awaitEnd(kernel, kernel.submit(intent("test.throws", "{}")).executionId());
        Execution nulled = awaitEnd(kernel, kernel.submit(intent("test.null", "{}")).executionId());
        Execution hung = awaitEnd(kernel, kernel.submit(intent("test.hangs", "{}")).executionId());
        Execution fine = awaitEnd(kernel, kernel.submit(intent("platform.echo", "{}")).executionId());

        assertEquals(ErrorCode.HANDLER_FAILED, threw.failure().code());
        assertTrue(threw.failure().message().contains("bad row 7"), threw.failure().message());
        assertEquals(ErrorCode.HANDLER_RETURNED_NULL, nulled.failure().code());
        assertEquals(ErrorCode.STEP_TIMEOUT, hung.failure().code());
        assertEquals(ExecutionState.COMPLETED, fine.state());
    }

    @Test
    void aCompletedExecutionNeverRunsAgainAfterARestart() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        registry.serve("test.count", (intent, context) -> {
            calls.incrementAndGet();
            return Result.of(Artifact.of("test.count", Json.of("{\"at\":\"" + context.clock().instant() + "\"}")));
        });
        Kernel kernel = start(KernelFixtures::allowing);
        String done = kernel.submit(intent("test.count", "{}")).executionId();
        awaitEnd(kernel, done);
        stopAll();
        assertEquals(1, calls.get());

        Kernel restarted = start(KernelFixtures::allowing);
        assertEquals(ExecutionState.COMPLETED, restarted.execution(done).orElseThrow().state());
        assertEquals(1, calls.get(), "a completed execution ran again after a restart");
    }

    @Test
    void anExecutionCutOffMidStepResumesAsTheNextAttemptOnceItsHandlerIsRegistered() throws Exception {
        String id = "cut-off-1";
        Instant acceptedAt = Instant.parse("2026-01-01T00:00:00Z");
        try (Journal journal = new Journal(WriteAheadLog.open(dir.resolve("wal"), WalOptions.defaults()))) {
            List<Decision> allowed = java.util.Arrays.stream(Stage.values()).map(s -> Decision.allow(s, "test")).toList();
            journal.appendDurably(new KernelRecord.IntentAccepted(id, acceptedAt, intent("test.late", "{}"), allowed,
                    new HandlerRef("org.acme.test", "1.0.0", "test.late", "1.0.0"), 42L, Kernel.sha256("{}".getBytes()), null));
            journal.appendDurably(new KernelRecord.StepStarted(id, acceptedAt, 1, 1));
        }
        Kernel kernel = start(KernelFixtures::allowing);
        assertEquals(ExecutionState.RUNNING, kernel.execution(id).orElseThrow().state(), "the WAL says the step had started");

        List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        registry.serve("test.late", (intent, context) -> {
            seen.add(context.attempt() + "@" + context.clock().instant() + "#" + context.random().nextLong());
            return Result.empty();
        });
        Execution execution = awaitEnd(kernel, id);

        assertEquals(ExecutionState.COMPLETED, execution.state());
        assertEquals(2, execution.steps().get(0).attempts());
        assertEquals(List.of("2@" + acceptedAt + "#" + new java.util.Random(42L).nextLong()), seen,
                "one run, as attempt 2, with the recorded clock and seed");
    }

    @Test
    void replayIsIdenticalForADeterministicHandlerAndReportsTheDifferencesOfAChangedOne() throws Exception {
        registry.serve("test.time", (intent, context) -> Result.of(Artifact.of("test.time",
                Json.of("{\"at\":\"" + context.clock().instant() + "\",\"r\":" + context.random().nextInt() + "}"))));
        Kernel kernel = start(KernelFixtures::allowing);
        String id = kernel.submit(intent("test.time", "{}")).executionId();
        awaitEnd(kernel, id);

        ReplayReport same = kernel.replay(id);
        assertTrue(same.identical(), same.toString());

        registry.serve("test.time", (intent, context) -> Result.of(Artifact.of("test.time", Json.of("{\"v\":2}"))));
        ReplayReport changed = kernel.replay(id);
        assertFalse(changed.identical());
        assertEquals("{\"v\":2}", changed.differences().get(0).replayed().text());
        assertTrue(changed.differences().get(0).recorded().text().contains("\"at\""));
    }

    @Test
    void aSubscriberReceivesEveryLaterTransitionInOrder() throws Exception {
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        registry.serve("test.slow", (intent, context) -> {
            release.await();
            return Result.empty();
        });
        Kernel kernel = start(KernelFixtures::allowing);
        String id = kernel.submit(intent("test.slow", "{}")).executionId();
        // the step has started (its record applied) and its handler waits: the state to subscribe to is known
        for (long deadline = System.nanoTime() + 10_000_000_000L; kernel.execution(id).orElseThrow().state()
                != ExecutionState.RUNNING && System.nanoTime() < deadline; ) {
            Thread.sleep(1);
        }
        List<org.symphainy.sdk.runtime.ExecutionUpdate> updates = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.concurrent.CountDownLatch ended = new java.util.concurrent.CountDownLatch(1);
        kernel.subscribe(id, update -> {
            updates.add(update);
            if (update.state().isTerminal()) {
                ended.countDown();
            }
        });

        release.countDown();

        assertTrue(ended.await(20, java.util.concurrent.TimeUnit.SECONDS), "no terminal update: " + updates);
        assertEquals(List.of(ExecutionState.RUNNING, ExecutionState.RUNNING, ExecutionState.COMPLETED),
                updates.stream().map(org.symphainy.sdk.runtime.ExecutionUpdate::state).toList(),
                "the current state (step started), then each change (step completed, execution completed)");
        assertEquals(List.of(2L, 3L, 4L), updates.stream().map(org.symphainy.sdk.runtime.ExecutionUpdate::sequence).toList(),
                "numbered within the execution: IntentAccepted was 1, StepStarted 2");
        List<org.symphainy.sdk.runtime.ExecutionUpdate> late = new java.util.concurrent.CopyOnWriteArrayList<>();
        kernel.subscribe(id, late::add);
        for (long deadline = System.nanoTime() + 10_000_000_000L; late.isEmpty() && System.nanoTime() < deadline; ) {
            Thread.sleep(2);
        }
        assertEquals(List.of(ExecutionState.COMPLETED), late.stream().map(org.symphainy.sdk.runtime.ExecutionUpdate::state).toList(),
                "a subscriber of an ended execution gets its final state once");
    }

    @Test
    void queriesPageNewestFirstWithFilters() throws Exception {
        Kernel kernel = start(KernelFixtures::allowing);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(kernel.submit(intent("platform.echo", "{\"i\":" + i + "}")).executionId());
        }
        for (String id : ids) {
            awaitEnd(kernel, id);
        }

        Page<ExecutionSummary> first = kernel.query(ExecutionQuery.builder().tenant("acme").limit(2).build());
        Page<ExecutionSummary> second = kernel.query(ExecutionQuery.builder().tenant("acme").limit(2).cursor(first.nextCursor()).build());
        Page<ExecutionSummary> none = kernel.query(ExecutionQuery.builder().tenant("other").build());

        assertEquals(List.of(ids.get(4), ids.get(3)), first.items().stream().map(ExecutionSummary::id).toList(), "newest first");
        assertEquals(List.of(ids.get(2), ids.get(1)), second.items().stream().map(ExecutionSummary::id).toList());
        assertEquals(List.of(), none.items());
    }

    private Kernel start(Function<Stage, GovernanceRole> roles) {
        return start(roles, 10_000);
    }

    private Kernel start(Function<Stage, GovernanceRole> roles, long stepTimeoutMillis) {
        Kernel kernel = new Kernel(dir.resolve("wal"), config(stepTimeoutMillis, "fsync"), registry, roles);
        kernels.add(kernel);
        return kernel;
    }

    private void stopAll() {
        kernels.forEach(Kernel::close);
        kernels.clear();
    }

    private List<Integer> walTypes() {
        List<Integer> types = new ArrayList<>();
        try (WriteAheadLog wal = WriteAheadLog.open(dir.resolve("wal"), WalOptions.defaults())) {
            wal.read(1, record -> types.add(record.type()));
        }
        return types;
    }

    private static ErrorCode code(Runnable action) {
        return assertThrows(IntentException.class, action::run).code();
    }
}
