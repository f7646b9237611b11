package org.symphainy.sdk.intent;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

import org.osgi.annotation.versioning.ProviderType;

/**
 * What a handler may know while it runs: the execution it works for, a deterministic clock and random source, and read
 * access to its input artifacts. The Runtime records the clock's instant, the random seed and the inputs in the
 * write-ahead log, so a retry, a recovery or a replay sees exactly the same values (see {@link Determinism}). Nothing
 * here lets a handler write state, call another handler or reach infrastructure. Methods may be added in minor versions.
 */
@ProviderType
public interface RuntimeContext {

    /** The id of the execution this step belongs to. */
    String executionId();

    /** The tenant the execution runs for. */
    String tenant();

    /** The authenticated actor (user or service) on whose behalf the execution runs. */
    String actor();

    /** This attempt's number, 1 for the first; retries and recovery count up. */
    int attempt();

    /** The clock to read time from: fixed at the instant the Runtime recorded for this attempt. */
    Clock clock();

    /** The random source to draw from: seeded from the recorded seed; the same instance for the whole attempt. */
    RandomGenerator random();

    /** The artifacts the Runtime admitted as this step's inputs, in a stable order. */
    List<Artifact> inputs();

    /** The input artifact with this id, if it is one of {@link #inputs()}. */
    Optional<Artifact> input(String artifactId);
}
