package org.symphainy.runtime.internal.kernel;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.symphainy.sdk.runtime.Effect;
import org.symphainy.sdk.runtime.Execution;
import org.symphainy.sdk.runtime.ExecutionState;
import org.symphainy.sdk.runtime.Projection;

/**
 * The projections the kernel feeds: each gets every completed execution of its intent types, first those already in the
 * log (oldest first), then each as it completes — all on one thread, so a projection sees executions one at a time and
 * in order. An execution that completes while a projection catches up is given to it once, not twice.
 */
final class Projections implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger("org.symphainy.runtime");

    /** A registered projection, its bundle, the intent types it follows and the executions it was given. */
    private record Follower(Projection projection, String by, Set<String> intentTypes, Set<String> given) {
    }

    /** Records an effect of an ended execution in the WAL, durably (the kernel's). */
    @FunctionalInterface
    interface EffectLog {
        Effect record(String executionId, String by, boolean applied, String summary);
    }

    private final EffectLog effects;

    private final Map<Projection, Follower> followers = new ConcurrentHashMap<>();
    private volatile Set<String> followedTypes = Set.of();
    private final ExecutorService thread = Executors.newSingleThreadExecutor(runnable -> {
        Thread t = new Thread(runnable, "symphainy-projections");
        t.setDaemon(true);
        return t;
    });

    /** Projections whose effects go to {@code effects}. */
    Projections(EffectLog effects) {
        this.effects = effects;
    }

    /**
     * Starts feeding {@code projection} of bundle {@code by}: the completed executions of {@code intentTypes} that
     * {@code recorded} lists now (oldest first), then those that complete from now on.
     */
    void add(Projection projection, String by, Set<String> intentTypes, Supplier<List<ExecutionEntry>> recorded,
            Function<ExecutionEntry, Execution> whole) {
        Follower follower = new Follower(projection, by, Set.copyOf(intentTypes), new HashSet<>());
        followers.put(projection, follower);
        refreshTypes();
        submit(() -> {
            for (ExecutionEntry entry : recorded.get()) {
                if (followers.get(projection) == follower && entry.state() == ExecutionState.COMPLETED
                        && follower.intentTypes().contains(entry.intentType())) {
                    give(follower, entry, whole);
                }
            }
        });
    }

    /** Stops feeding {@code projection}. */
    void remove(Projection projection) {
        followers.remove(projection);
        refreshTypes();
    }

    /** True if some projection follows {@code intentType} (so its completions are worth handing over). */
    boolean follows(String intentType) {
        return followedTypes.contains(intentType);
    }

    /** Gives a just-completed execution to the projections that follow its type. */
    void completed(ExecutionEntry entry, Function<ExecutionEntry, Execution> whole) {
        submit(() -> {
            for (Follower follower : followers.values()) {
                if (follower.intentTypes().contains(entry.intentType())) {
                    give(follower, entry, whole);
                }
            }
        });
    }

    private void give(Follower follower, ExecutionEntry entry, Function<ExecutionEntry, Execution> whole) {
        if (!follower.given().add(entry.id())) {
            return; // completed while the projection caught up: given once already
        }
        try {
            String id = entry.id();
            follower.projection().apply(whole.apply(entry),
                    (applied, summary) -> effects.record(id, follower.by(), applied, summary));
        } catch (RuntimeException e) {
            LOG.error("projection {} failed on execution {} ({}): {}", follower.projection().getClass().getName(),
                    entry.id(), entry.intentType(), e.toString(), e);
        }
    }

    private void refreshTypes() {
        Set<String> types = new HashSet<>();
        followers.values().forEach(follower -> types.addAll(follower.intentTypes()));
        followedTypes = Set.copyOf(types);
    }

    private void submit(Runnable task) {
        try {
            thread.execute(task);
        } catch (RejectedExecutionException closing) {
            // the kernel is closing: projections are fed again from the log at the next start
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
