package org.symphainy.postoffice.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.symphainy.sdk.runtime.ExecutionUpdate;

/** {@link History} against the updates a kernel-like Runtime publishes, for each shape an execution's life can take. */
class HistoryTest {

    private final FakeRuntime runtime = new FakeRuntime();

    @Test
    void theRunningUpdatesOfASagasStepsKeepTheStepsNamesAsTheRuntimePublishesThem() {
        java.time.Instant at = java.time.Instant.parse("2026-01-01T00:00:00Z");
        org.symphainy.sdk.intent.HandlerRef ship = new org.symphainy.sdk.intent.HandlerRef("org.acme", "1.0.0", "parcel.ship", "1.0.0");
        org.symphainy.sdk.runtime.Step done = new org.symphainy.sdk.runtime.Step(1, "parcel.ship", ship,
                org.symphainy.sdk.runtime.StepState.COMPLETED, 1, new org.symphainy.sdk.runtime.RecordedContext("e-1", 1, "acme",
                        "alice", 1, at, 7, List.of()), at, at, List.of(), null, "ship", false);
        org.symphainy.sdk.intent.Intent intent = org.symphainy.sdk.intent.Intent.builder("orders.place").tenant("acme")
                .session("s").actor("alice").correlationId("c").payload(org.symphainy.sdk.intent.Json.of("{}")).build();
        org.symphainy.sdk.runtime.Execution saga = new org.symphainy.sdk.runtime.Execution("e-1", intent,
                org.symphainy.sdk.runtime.ExecutionState.COMPLETED, ship, List.of(), List.of(done), List.of(), at, at, null);

        List<ExecutionUpdate> rebuilt = History.of(saga);

        assertEquals(List.of("ship", "ship", "ship"), rebuilt.subList(1, 4).stream().map(u -> u.step().name()).toList());
        assertEquals(org.symphainy.sdk.runtime.StepState.RUNNING, rebuilt.get(1).step().state());
    }

    @Test
    void rebuildsACompletedExecution() {
        assertRebuiltAsPublished(id -> runtime.runToCompletion(id), 4);
    }

    @Test
    void rebuildsAFailedStep() {
        assertRebuiltAsPublished(id -> {
            runtime.startStep(id);
            runtime.failStep(id, "the handler threw java.lang.IllegalStateException");
            runtime.fail(id);
        }, 4);
    }

    @Test
    void rebuildsAnExecutionThatFailedBeforeItsStep() {
        assertRebuiltAsPublished(runtime::fail, 2);
    }

    @Test
    void rebuildsEveryUpdateOfARunningExecution() {
        assertRebuiltAsPublished(id -> {
            runtime.startStep(id);
            runtime.completeStep(id, 3);
        }, 3);
    }

    @Test
    void rebuildsAttemptsARestartInterruptedWithTheTimeBeforeThem() {
        String id = runtime.accept();
        List<ExecutionUpdate> published = follow(id);
        runtime.startStep(id);
        runtime.startStep(id);
        runtime.startStep(id);

        List<ExecutionUpdate> rebuilt = History.of(runtime.execution(id).orElseThrow());

        assertEquals(4, rebuilt.size());
        for (int i = 1; i < 3; i++) {
            assertEquals(published.get(i).sequence(), rebuilt.get(i).sequence());
            assertEquals(published.get(i).state(), rebuilt.get(i).state());
            assertEquals(published.get(i).step().context(), rebuilt.get(i).step().context(), "attempt " + i);
            assertEquals(published.get(i).step().state(), rebuilt.get(i).step().state());
        }
        assertEquals(published.get(3), rebuilt.get(3), "the latest attempt exactly");
        assertEquals(rebuilt.get(0).at(), rebuilt.get(1).at(), "an interrupted attempt has the time before it");
    }

    @Test
    void agreesOnlyWithTheRuntimesOwnNumbering() {
        String id = runtime.accept();
        runtime.runToCompletion(id);
        List<ExecutionUpdate> rebuilt = History.of(runtime.execution(id).orElseThrow());
        ExecutionUpdate last = rebuilt.get(3);

        assertTrue(History.agrees(rebuilt, last));
        assertFalse(History.agrees(rebuilt.subList(0, 3), last), "too short");
        assertFalse(History.agrees(rebuilt, new ExecutionUpdate(id, 3, last.at(), last.state(), last.step(), null)),
                "an end that is not the last update");
        assertFalse(History.agrees(rebuilt, new ExecutionUpdate(id, 2, last.at(), rebuilt.get(2).state(),
                rebuilt.get(2).step(), null)), "another change at the same number");
    }

    /** Runs {@code life} on a new execution and checks the rebuilt updates are those published (update 1: same change). */
    private void assertRebuiltAsPublished(Consumer<String> life, int count) {
        String id = runtime.accept();
        List<ExecutionUpdate> published = follow(id);
        life.accept(id);

        List<ExecutionUpdate> rebuilt = History.of(runtime.execution(id).orElseThrow());

        assertEquals(count, rebuilt.size());
        assertEquals(published.size(), rebuilt.size());
        assertTrue(History.sameChange(published.get(0), rebuilt.get(0)));
        assertEquals(runtime.execution(id).orElseThrow().acceptedAt(), rebuilt.get(0).at());
        assertEquals(published.subList(1, count), rebuilt.subList(1, count));
    }

    /** Every update the Runtime publishes for {@code id} from now, the current state first. */
    private List<ExecutionUpdate> follow(String id) {
        List<ExecutionUpdate> updates = new CopyOnWriteArrayList<>();
        runtime.subscribe(id, updates::add);
        return updates;
    }
}
