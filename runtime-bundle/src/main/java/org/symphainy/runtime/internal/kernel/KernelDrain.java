package org.symphainy.runtime.internal.kernel;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiPredicate;
import java.util.function.Supplier;

import org.osgi.framework.Version;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.symphainy.sdk.intent.ErrorCode;
import org.symphainy.sdk.intent.HandlerRef;
import org.symphainy.sdk.intent.IntentException;
import org.symphainy.sdk.registry.AdmittedHandler;
import org.symphainy.sdk.registry.IntentRegistry;
import org.symphainy.sdk.runtime.ExecutionDrain;

/**
 * The kernel's side of drain and pin: binds executions to handlers through the {@link DrainGate}, makes submissions
 * wait while the revision that serves them drains, and resolves the handler an accepted execution is pinned to (see
 * the package documentation for what happens when that intent version is gone).
 */
final class KernelDrain implements ExecutionDrain {

    private static final Logger LOG = LoggerFactory.getLogger("org.symphainy.runtime");
    /** The longest a submission waits for a drain and its swap, whatever the drain's own bound. */
    static final Duration MAX_SUBMIT_WAIT = Duration.ofMinutes(5);

    private final IntentRegistry registry;
    private final DrainGate gate = new DrainGate();
    private final Duration maxWait;
    private volatile BiPredicate<String, String> installed = (type, version) -> true;

    /** Drains against {@code registry}; a submission waits at most {@code maxWait} for a drain to end. */
    KernelDrain(IntentRegistry registry, Duration maxWait) {
        this.registry = registry;
        this.maxWait = maxWait;
    }

    /** A handler and the execution's binding to its revision. */
    record Bound(AdmittedHandler handler, DrainGate.Lease lease) {
    }

    /**
     * Tells which intent versions some installed bundle (active or not) declares: {@code (type, version)}. Until it
     * is told, every version counts as installed, so executions stay strictly pinned.
     */
    void installedIntents(BiPredicate<String, String> declared) {
        this.installed = declared;
    }

    @Override
    public <E extends Exception> void drained(String symbolicName, String version, Duration bound, Change<E> change) throws E {
        DrainGate.Revision revision = new DrainGate.Revision(symbolicName, Version.parseVersion(version).toString());
        long started = System.nanoTime();
        LOG.info("draining {}: {} executions running on its handlers; new ones wait (at most {} ms)", revision,
                gate.bound(revision), bound.toMillis());
        gate.drain(revision, bound, () -> {
            long drainedAt = System.nanoTime();
            change.run();
            LOG.info("{} drained in {} ms and changed in {} ms; waiting work proceeds", revision,
                    (drainedAt - started) / 1_000_000, (System.nanoTime() - drainedAt) / 1_000_000);
        });
    }

    /**
     * The handler of the highest admitted version of {@code type} in {@code range}, bound: if its revision drains,
     * waits for the drain to end and resolves again (the new revision serves it then). If nothing serves it while a
     * bundle is being swapped, waits for that swap once before calling the intent unknown.
     */
    Bound bindNewest(String type, String range, Supplier<IntentException> unknown) {
        return bindNewest(type, range, Optional::empty, unknown);
    }

    /** As {@link #bindNewest(String, String, Supplier)}, with {@code otherwise} when no handler serves the intent. */
    Bound bindNewest(String type, String range, Supplier<Optional<AdmittedHandler>> otherwise,
            Supplier<IntentException> unknown) {
        long deadline = System.nanoTime() + maxWait.toNanos();
        boolean waitedForSwaps = false;
        while (true) {
            Optional<AdmittedHandler> found = registry.resolve(type, range).or(otherwise);
            if (found.isEmpty()) {
                CompletableFuture<Void> swaps = gate.drainsNow();
                if (waitedForSwaps || swaps.isDone()) {
                    throw unknown.get();
                }
                await(swaps, type, deadline);
                waitedForSwaps = true;
                continue;
            }
            AdmittedHandler handler = found.get();
            DrainGate.Lease lease = gate.tryBind(handler.ref());
            if (lease != null) {
                return new Bound(handler, lease);
            }
            await(gate.released(handler.ref()), type, deadline);
        }
    }

    /** Binds an execution to {@code handler}; null if its revision drains now. */
    DrainGate.Lease tryBind(AdmittedHandler handler) {
        return gate.tryBind(handler.ref());
    }

    /** Completes when every drain (and its swap) in progress now has ended; at once if none is. */
    CompletableFuture<Void> swapsNow() {
        return gate.drainsNow();
    }

    /** Runs {@code task} once the revision of {@code ref} is not draining (at once if it is not). */
    void afterRelease(HandlerRef ref, Runnable task) {
        gate.released(ref).thenRun(task);
    }

    /**
     * The handler an accepted execution is pinned to: exactly its intent version, as recorded. If no installed bundle
     * declares that version any more (an update replaced it, or it was uninstalled), the highest admitted version of
     * the same major version above it: compatible by semantic versioning, so acknowledged work still ends.
     */
    Optional<AdmittedHandler> pinned(HandlerRef ref) {
        String version = ref.intentVersion();
        Optional<AdmittedHandler> exact = registry.resolve(ref.intentType(), "[" + version + "," + version + "]");
        if (exact.isPresent() || installed.test(ref.intentType(), version)) {
            return exact;
        }
        Version pinned = Version.parseVersion(version);
        return registry.resolve(ref.intentType(), "[" + pinned + "," + (pinned.getMajor() + 1) + ".0.0)");
    }

    private void await(CompletableFuture<Void> swap, String type, long deadline) {
        try {
            swap.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw new IntentException(ErrorCode.RUNTIME_UNAVAILABLE, "intent " + type + " waited "
                    + maxWait.toSeconds() + " s for a bundle update to finish; the intent was not accepted: submit it again");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IntentException(ErrorCode.RUNTIME_UNAVAILABLE, "interrupted while waiting for a deploy to finish");
        } catch (ExecutionException e) {
            throw new IllegalStateException(e); // the gate's futures only complete normally
        }
    }
}
