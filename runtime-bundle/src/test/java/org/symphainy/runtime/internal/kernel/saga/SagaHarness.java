package org.symphainy.runtime.internal.kernel.saga;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.symphainy.sdk.intent.Artifact;
import org.symphainy.sdk.intent.ErrorCode;
import org.symphainy.sdk.intent.Json;
import org.symphainy.sdk.runtime.RetryPolicy;
import org.symphainy.sdk.saga.SagaDefinition;
import org.symphainy.sdk.saga.SagaStep;

/**
 * Runs sagas the way the kernel will: a log that keeps what was appended until a crash, and a restart that folds the
 * kept events into a new progress and resumes it with a new orchestrator. Steps fail as scripted.
 */
final class SagaHarness {

    /** The process died: what the log holds is all that survives. */
    static final class Crash extends RuntimeException {
        Crash() {
            super("crash", null, false, false);
        }
    }

    /** How often the handler of a step (or of its compensation) fails before it succeeds, and with which code. */
    record Script(int failures, ErrorCode code) {
    }

    /** When every saga here was accepted: the harness clock's start. */
    static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    final List<SagaEvent> log = new ArrayList<>();
    final List<String> calls = new ArrayList<>();
    final List<String> payloads = new ArrayList<>();
    private final Map<String, Script> scripts = new HashMap<>();
    private final Map<String, Integer> invocations = new HashMap<>();
    private final MutableClock clock = new MutableClock();
    private final SagaDefinition definition;
    private final Function<String, RetryPolicy> policies;
    private int budget = Integer.MAX_VALUE;
    int crashes;

    SagaHarness(SagaDefinition definition, Function<String, RetryPolicy> policies) {
        this.definition = definition;
        this.policies = policies;
    }

    /** Step {@code step}'s handler (its compensation's if {@code compensation}) fails {@code failures} times first. */
    SagaHarness script(int step, boolean compensation, int failures, ErrorCode code) {
        scripts.put(key(step, compensation), new Script(failures, code));
        return this;
    }

    /** Runs to the end, crashing after each of {@code crashAfter} further appends in turn, restarting after each. */
    SagaProgress run(List<Integer> crashAfter) throws InterruptedException {
        for (int appends : crashAfter) {
            budget = appends;
            try {
                SagaProgress progress = restart();
                new SagaOrchestrator(this::invoke, this::append, clock, clock::advanceTo).run(progress);
                return progress;
            } catch (Crash crash) {
                crashes++;
            }
        }
        budget = Integer.MAX_VALUE;
        SagaProgress progress = restart();
        new SagaOrchestrator(this::invoke, this::append, clock, clock::advanceTo).run(progress);
        return progress;
    }

    /** A new progress folded from the log, as a restarted kernel makes it. */
    SagaProgress restart() {
        SagaProgress progress = new SagaProgress(definition, Json.of("{\"sku\":\"A1\"}"), START, policies, 42L);
        log.forEach(progress::apply);
        return progress;
    }

    Instant now() {
        return clock.instant();
    }

    private void append(SagaEvent event) {
        if (budget-- <= 0) {
            throw new Crash();
        }
        log.add(event);
        clock.advance(Duration.ofMillis(1));
    }

    /** Fails as scripted; a step completes with one artifact of kind {@code <intent type>.result}: {"id": "<step>-<n>"}. */
    private SagaOrchestrator.Outcome invoke(SagaStep step, boolean compensation, int attempt, Json payload) {
        int index = definition.indexOf(step.name());
        String key = key(index, compensation);
        calls.add((compensation ? "undo " : "do ") + step.name());
        payloads.add((compensation ? "undo " : "do ") + step.name() + " " + payload.text());
        int n = invocations.merge(key, 1, Integer::sum);
        Script script = scripts.get(key);
        if (script != null && n <= script.failures()) {
            return SagaOrchestrator.Outcome.failed(script.code(), "scripted failure " + n);
        }
        return SagaOrchestrator.Outcome.completed(compensation ? List.of() : List.of(Artifact.of(step.intentType() + ".result",
                Json.of("{\"id\":\"" + step.name() + "-" + n + "\"}"))));
    }

    private static String key(int step, boolean compensation) {
        return (compensation ? "c" : "s") + step;
    }

    /** A clock that moves only when told: by each append, and to the due time of each durable timer. */
    static final class MutableClock extends Clock {
        private Instant now = START;

        void advance(Duration by) {
            now = now.plus(by);
        }

        void advanceTo(Instant due) {
            if (due.isAfter(now)) {
                now = due;
            }
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
