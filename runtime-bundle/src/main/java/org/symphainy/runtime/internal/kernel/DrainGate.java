package org.symphainy.runtime.internal.kernel;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

import org.symphainy.sdk.intent.HandlerRef;
import org.symphainy.sdk.runtime.DrainTimeoutException;
import org.symphainy.sdk.runtime.ExecutionDrain;

/**
 * Counts the executions bound to each bundle revision's handlers and closes a bundle while one of its revisions
 * drains and is swapped. Binding and closing take the same lock, so an execution is either counted before a drain
 * starts (and the drain waits for it) or refused a binding (and waits for the drain to end): none runs a handler whose
 * revision is being swapped. The whole symbolic name is closed, not only the draining version: the new revision's
 * handlers come and go while the framework updates and refreshes, and nothing may bind to them until it is done.
 */
final class DrainGate {

    private final Object lock = new Object();
    private final Map<Revision, Integer> bound = new HashMap<>();
    private final Map<String, CompletableFuture<Void>> draining = new HashMap<>();

    /** A bundle revision: symbolic name and version. */
    record Revision(String symbolicName, String version) {

        static Revision of(HandlerRef ref) {
            return new Revision(ref.bundleSymbolicName(), ref.bundleVersion());
        }

        @Override
        public String toString() {
            return symbolicName + " " + version;
        }
    }

    /** An execution's binding to a revision; released once, by whoever ends it. */
    final class Lease {

        private final Revision revision;
        private final AtomicBoolean released = new AtomicBoolean();
        private volatile boolean handedOver;

        private Lease(Revision revision) {
            this.revision = revision;
        }

        /** The binding now belongs to a running task, which releases it when the handler has returned. */
        void handOver() {
            handedOver = true;
        }

        /** Releases the binding unless a task took it over. */
        void releaseUnlessHandedOver() {
            if (!handedOver) {
                release();
            }
        }

        /** Releases the binding (once). */
        void release() {
            if (released.compareAndSet(false, true)) {
                unbind(revision);
            }
        }
    }

    /** Binds an execution to the handler's revision; null if that revision drains now (wait for {@link #released}). */
    Lease tryBind(HandlerRef ref) {
        Revision revision = Revision.of(ref);
        synchronized (lock) {
            if (draining.containsKey(revision.symbolicName())) {
                return null;
            }
            bound.merge(revision, 1, Integer::sum);
        }
        return new Lease(revision);
    }

    /** Completes when the revision of {@code ref} is not draining (at once if it is not now). */
    CompletableFuture<Void> released(HandlerRef ref) {
        synchronized (lock) {
            CompletableFuture<Void> drain = draining.get(ref.bundleSymbolicName());
            return drain == null ? CompletableFuture.completedFuture(null) : drain;
        }
    }

    /** Completes when every drain in progress now has ended (at once if none is). */
    CompletableFuture<Void> drainsNow() {
        synchronized (lock) {
            return CompletableFuture.allOf(draining.values().toArray(CompletableFuture[]::new));
        }
    }

    /** How many executions are bound to the revision now. */
    int bound(Revision revision) {
        synchronized (lock) {
            return bound.getOrDefault(revision, 0);
        }
    }

    /**
     * Closes the revision, waits up to {@code limit} for its bound executions to end, runs {@code change}, and opens
     * it again; if executions are still bound after {@code limit}, opens it without running the change and throws.
     */
    <E extends Exception> void drain(Revision revision, Duration limit, ExecutionDrain.Change<E> change) throws E {
        CompletableFuture<Void> done = new CompletableFuture<>();
        synchronized (lock) {
            if (draining.putIfAbsent(revision.symbolicName(), done) != null) {
                throw new IllegalStateException(revision.symbolicName() + " is being drained already; one change at a time");
            }
        }
        try {
            int left = awaitIdle(revision, limit);
            if (left > 0) {
                throw new DrainTimeoutException(revision.toString(), limit, left);
            }
            change.run();
        } finally {
            synchronized (lock) {
                draining.remove(revision.symbolicName());
            }
            done.complete(null);
        }
    }

    /** Waits until no execution is bound to the revision, or the limit has passed; returns how many are left. */
    private int awaitIdle(Revision revision, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        synchronized (lock) {
            int left;
            while ((left = bound.getOrDefault(revision, 0)) > 0) {
                long wait = (deadline - System.nanoTime()) / 1_000_000;
                if (wait <= 0) {
                    return left;
                }
                try {
                    lock.wait(wait);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return left;
                }
            }
            return 0;
        }
    }

    private void unbind(Revision revision) {
        synchronized (lock) {
            int left = bound.merge(revision, -1, Integer::sum);
            if (left <= 0) {
                bound.remove(revision);
                lock.notifyAll();
            }
        }
    }
}
