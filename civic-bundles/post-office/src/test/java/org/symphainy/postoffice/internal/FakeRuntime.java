package org.symphainy.postoffice.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.stream.IntStream;

import org.symphainy.sdk.governance.Decision;
import org.symphainy.sdk.governance.Stage;
import org.symphainy.sdk.intent.ErrorCode;
import org.symphainy.sdk.intent.HandlerRef;
import org.symphainy.sdk.intent.Intent;
import org.symphainy.sdk.intent.IntentException;
import org.symphainy.sdk.runtime.Execution;
import org.symphainy.sdk.runtime.ExecutionQuery;
import org.symphainy.sdk.runtime.ExecutionState;
import org.symphainy.sdk.runtime.ExecutionSummary;
import org.symphainy.sdk.runtime.ExecutionUpdate;
import org.symphainy.sdk.runtime.Failure;
import org.symphainy.sdk.runtime.Page;
import org.symphainy.sdk.runtime.RecordedContext;
import org.symphainy.sdk.runtime.ReplayReport;
import org.symphainy.sdk.runtime.Runtime;
import org.symphainy.sdk.runtime.Step;
import org.symphainy.sdk.runtime.StepState;
import org.symphainy.sdk.runtime.Submission;
import org.symphainy.sdk.runtime.Subscription;

/**
 * A Runtime for tests that numbers and shapes updates as the kernel does (runtime-bundle's ExecutionEntry and
 * Subscriptions): one update per recorded transition, the subscriber's first update is the current state stamped with
 * the time it subscribed, and the subscription ends with the execution. Transitions are driven by the test, and
 * listeners are called on the driving thread, which plays the Runtime's update thread.
 */
final class FakeRuntime implements Runtime {

    private static final HandlerRef HANDLER = new HandlerRef("com.acme.ingest", "1.0.0", "content.ingest", "1.0.0");
    private static final Instant EPOCH = Instant.parse("2026-11-24T00:00:00Z");

    private final Map<String, Entry> executions = new ConcurrentHashMap<>();
    private final AtomicLong ticks = new AtomicLong();
    private final AtomicInteger ids = new AtomicInteger();
    final AtomicInteger subscribes = new AtomicInteger();
    final AtomicInteger openSubscriptions = new AtomicInteger();

    /** Accepts a new execution (update 1) and returns its id. */
    String accept() {
        Entry entry = new Entry("ex-" + ids.incrementAndGet(), now());
        executions.put(entry.id, entry);
        return entry.id;
    }

    /** StepStarted: the next attempt of the step (a second one is what a restart does to an interrupted attempt). */
    void startStep(String id) {
        transition(id, e -> {
            e.state = ExecutionState.RUNNING;
            e.stepState = StepState.RUNNING;
            e.attempts++;
            e.stepStartedAt = e.at;
            e.stepEndedAt = null;
            e.stepFailure = null;
        });
    }

    /** StepCompleted with {@code artifacts} artifacts. */
    void completeStep(String id, int artifacts) {
        transition(id, e -> {
            e.stepState = StepState.COMPLETED;
            e.stepEndedAt = e.at;
            e.artifacts = artifacts;
        });
    }

    /** StepFailed. */
    void failStep(String id, String message) {
        transition(id, e -> {
            e.stepState = StepState.FAILED;
            e.stepEndedAt = e.at;
            e.stepFailure = new Failure(ErrorCode.HANDLER_FAILED, message);
        });
    }

    /** ExecutionCompleted. */
    void complete(String id) {
        transition(id, e -> {
            e.state = ExecutionState.COMPLETED;
            e.endedAt = e.at;
        });
    }

    /** ExecutionFailed, with the step's failure if it failed. */
    void fail(String id) {
        transition(id, e -> {
            e.state = ExecutionState.FAILED;
            e.failure = e.stepFailure != null ? e.stepFailure : new Failure(ErrorCode.HANDLER_UNAVAILABLE, "gone");
            e.endedAt = e.at;
        });
    }

    /** A recorded transition the Execution record does not show (as an approval would be): numbering it cannot rebuild. */
    void unseenRecord(String id) {
        transition(id, e -> { });
    }

    /** The whole life of a successful execution: started, completed with one artifact, ended. */
    void runToCompletion(String id) {
        startStep(id);
        completeStep(id, 1);
        complete(id);
    }

    @Override
    public Submission submit(Intent intent) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Optional<Execution> execution(String executionId) {
        Entry entry = executions.get(executionId);
        if (entry == null) {
            return Optional.empty();
        }
        synchronized (entry) {
            return Optional.of(entry.execution());
        }
    }

    @Override
    public Page<ExecutionSummary> query(ExecutionQuery query) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Subscription subscribe(String executionId, Consumer<ExecutionUpdate> listener) {
        Entry entry = executions.get(executionId);
        if (entry == null) {
            throw new IntentException(ErrorCode.UNKNOWN_EXECUTION, "no execution " + executionId
                    + "; list executions to find its id");
        }
        subscribes.incrementAndGet();
        ExecutionUpdate current;
        synchronized (entry) {
            current = entry.update(now());
            if (!current.state().isTerminal()) {
                entry.listeners.add(listener);
                openSubscriptions.incrementAndGet();
            }
        }
        listener.accept(current);
        return () -> {
            if (entry.listeners.remove(listener)) {
                openSubscriptions.decrementAndGet();
            }
        };
    }

    @Override
    public ReplayReport replay(String executionId) {
        throw new UnsupportedOperationException();
    }

    private void transition(String id, Consumer<Entry> change) {
        Entry entry = executions.get(id);
        ExecutionUpdate update;
        List<Consumer<ExecutionUpdate>> targets;
        synchronized (entry) {
            entry.at = now();
            change.accept(entry);
            entry.records++;
            update = entry.update(entry.at);
            targets = new ArrayList<>(entry.listeners);
            if (update.state().isTerminal()) {
                openSubscriptions.addAndGet(-entry.listeners.size());
                entry.listeners.clear();
            }
        }
        targets.forEach(listener -> listener.accept(update));
    }

    private Instant now() {
        return EPOCH.plusMillis(ticks.incrementAndGet());
    }

    /** One execution's state, as the kernel's ExecutionEntry holds it. */
    private static final class Entry {
        final String id;
        final Instant acceptedAt;
        final List<Consumer<ExecutionUpdate>> listeners = new CopyOnWriteArrayList<>();
        Instant at;
        ExecutionState state = ExecutionState.ACCEPTED;
        StepState stepState;
        int attempts;
        Instant stepStartedAt;
        Instant stepEndedAt;
        int artifacts;
        Failure stepFailure;
        Failure failure;
        Instant endedAt;
        int records = 1;

        Entry(String id, Instant acceptedAt) {
            this.id = id;
            this.acceptedAt = acceptedAt;
        }

        ExecutionUpdate update(Instant at) {
            return new ExecutionUpdate(id, records, at, state, step(), failure);
        }

        Step step() {
            if (stepState == null) {
                return null;
            }
            List<String> artifactIds = IntStream.rangeClosed(1, artifacts).mapToObj(n -> id + "/1/" + n).toList();
            return new Step(1, "content.ingest", HANDLER, stepState, attempts,
                    new RecordedContext(id, 1, "acme", "alice", Math.max(1, attempts), acceptedAt, 42L, List.of()),
                    stepStartedAt, stepEndedAt, artifactIds, stepFailure);
        }

        Execution execution() {
            Intent intent = Intent.builder("content.ingest").tenant("acme").actor("alice").session("ses_1")
                    .correlationId("corr-1").build();
            return new Execution(id, intent, state, HANDLER, List.of(Decision.allow(Stage.TRAFFIC_COP, "ok")),
                    stepState == null ? List.of() : List.of(step()), List.of(), acceptedAt, endedAt, failure);
        }
    }
}
