package org.symphainy.sdk.testkit;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;

import org.symphainy.sdk.intent.Artifact;
import org.symphainy.sdk.intent.Determinism;
import org.symphainy.sdk.intent.HandlerRef;
import org.symphainy.sdk.intent.Provenance;
import org.symphainy.sdk.intent.RuntimeContext;
import org.symphainy.sdk.internal.Checks;
import org.symphainy.sdk.runtime.RecordedContext;

/**
 * A {@link RuntimeContext} for tests: fixed execution id, tenant, actor, attempt, clock instant, seed and inputs, with
 * the clock and random source made exactly as the Runtime makes them ({@link Determinism}). Build a synthetic one with
 * {@link #builder()}, or rebuild what a recorded step saw with {@link #recorded(RecordedContext)}. {@link HandlerTestKit}
 * runs every handler call on a fresh copy, so each run starts from the same random sequence.
 */
public final class TestContext implements RuntimeContext {

    /** The clock instant of a context built without one. */
    public static final Instant DEFAULT_INSTANT = Instant.parse("2026-01-01T00:00:00Z");

    /** The random seed of a context built without one. */
    public static final long DEFAULT_SEED = 42L;

    private final String executionId;
    private final String tenant;
    private final String actor;
    private final int attempt;
    private final Instant instant;
    private final long seed;
    private final List<Artifact> inputs;
    private final Clock clock;
    private final RandomGenerator random;

    private TestContext(String executionId, String tenant, String actor, int attempt, Instant instant, long seed,
            List<Artifact> inputs) {
        this.executionId = Checks.id("executionId", executionId);
        this.tenant = Checks.id("tenant", tenant);
        this.actor = Checks.id("actor", actor);
        this.attempt = Checks.atLeast("attempt", attempt, 1);
        this.instant = Checks.present("instant", instant);
        this.seed = seed;
        this.inputs = List.copyOf(inputs);
        this.clock = Determinism.clock(instant);
        this.random = Determinism.random(seed);
    }

    /** A builder with the defaults: execution {@code test-execution}, tenant {@code test-tenant}, actor
     * {@code test-actor}, attempt 1, {@link #DEFAULT_INSTANT}, {@link #DEFAULT_SEED}, no inputs. */
    public static Builder builder() {
        return new Builder();
    }

    /** The context a recorded step's handler saw. */
    public static TestContext recorded(RecordedContext recorded) {
        Checks.present("recorded", recorded);
        return new TestContext(recorded.executionId(), recorded.tenant(), recorded.actor(), recorded.attempt(),
                recorded.instant(), recorded.seed(), recorded.inputs());
    }

    /** A copy whose random source starts again from the seed. */
    TestContext fresh() {
        return new TestContext(executionId, tenant, actor, attempt, instant, seed, inputs);
    }

    @Override
    public String executionId() {
        return executionId;
    }

    @Override
    public String tenant() {
        return tenant;
    }

    @Override
    public String actor() {
        return actor;
    }

    @Override
    public int attempt() {
        return attempt;
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public RandomGenerator random() {
        return random;
    }

    @Override
    public List<Artifact> inputs() {
        return inputs;
    }

    @Override
    public Optional<Artifact> input(String artifactId) {
        return inputs.stream().filter(artifact -> artifact.id().equals(artifactId)).findFirst();
    }

    /** The instant the clock is fixed at. */
    public Instant instant() {
        return instant;
    }

    /** The random source's seed. */
    public long seed() {
        return seed;
    }

    @Override
    public String toString() {
        return "TestContext[execution=" + executionId + ", tenant=" + tenant + ", actor=" + actor + ", attempt="
                + attempt + ", instant=" + instant + ", seed=" + seed + ", inputs=" + inputs.size() + "]";
    }

    /** Builds a {@link TestContext}. */
    public static final class Builder {

        private static final HandlerRef TEST_HANDLER =
                new HandlerRef("org.symphainy.sdk.testkit", "1.0.0", "test.input", "1.0.0");

        private String executionId = "test-execution";
        private String tenant = "test-tenant";
        private String actor = "test-actor";
        private int attempt = 1;
        private Instant instant = DEFAULT_INSTANT;
        private long seed = DEFAULT_SEED;
        private final List<Artifact> inputs = new ArrayList<>();

        private Builder() {
        }

        /** Sets the execution id. */
        public Builder executionId(String executionId) {
            this.executionId = executionId;
            return this;
        }

        /** Sets the tenant; it must be the intent's. */
        public Builder tenant(String tenant) {
            this.tenant = tenant;
            return this;
        }

        /** Sets the actor; it must be the intent's. */
        public Builder actor(String actor) {
            this.actor = actor;
            return this;
        }

        /** Sets the attempt number, 1 for the first. */
        public Builder attempt(int attempt) {
            this.attempt = attempt;
            return this;
        }

        /** Sets the instant the clock is fixed at. */
        public Builder instant(Instant instant) {
            this.instant = instant;
            return this;
        }

        /** Sets the random source's seed. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * Adds an input artifact. An unrecorded one is recorded as the Runtime would, with id {@code test-input-<n>}
         * (n counting inputs from 1) and a test provenance.
         */
        public Builder input(Artifact artifact) {
            Checks.present("input artifact", artifact);
            inputs.add(artifact.isRecorded() ? artifact : artifact.recorded("test-input-" + (inputs.size() + 1),
                    new Provenance("test-upstream", 1, TEST_HANDLER, List.of(),
                            DEFAULT_INSTANT.minus(1, ChronoUnit.DAYS))));
            return this;
        }

        /** The context; throws an IllegalArgumentException if a value is invalid or two inputs share an id. */
        public TestContext build() {
            Set<String> ids = new HashSet<>();
            for (Artifact input : inputs) {
                if (!ids.add(input.id())) {
                    throw new IllegalArgumentException("two inputs have id '" + input.id() + "'; give each its own");
                }
            }
            return new TestContext(executionId, tenant, actor, attempt, instant, seed, inputs);
        }
    }
}
