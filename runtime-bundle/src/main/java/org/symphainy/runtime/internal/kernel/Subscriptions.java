package org.symphainy.runtime.internal.kernel;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.symphainy.sdk.runtime.ExecutionUpdate;
import org.symphainy.sdk.runtime.Subscription;

/**
 * Listeners of executions' updates. Updates are delivered in order on one thread of their own, so a slow or failing
 * listener never holds up an execution.
 */
final class Subscriptions implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger("org.symphainy.runtime");

    private final Map<String, List<Consumer<ExecutionUpdate>>> listeners = new ConcurrentHashMap<>();
    private final ExecutorService delivery = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "symphainy-updates");
        thread.setDaemon(true);
        return thread;
    });

    /** Delivers {@code current} to the listener, then every later update of the execution, until it ends or is closed. */
    Subscription subscribe(String executionId, Consumer<ExecutionUpdate> listener, ExecutionUpdate current) {
        Subscription subscription = () -> listeners.computeIfPresent(executionId, (id, list) -> {
            list.remove(listener);
            return list.isEmpty() ? null : list;
        });
        delivery.execute(() -> deliver(listener, current));
        if (current.state().isTerminal()) {
            return subscription;
        }
        listeners.computeIfAbsent(executionId, id -> new CopyOnWriteArrayList<>()).add(listener);
        return subscription;
    }

    /** True if someone listens to the execution (so an update is worth building). */
    boolean watched(String executionId) {
        return listeners.containsKey(executionId);
    }

    /** Hands the update to the execution's listeners, if it has any. */
    void publish(ExecutionUpdate update) {
        List<Consumer<ExecutionUpdate>> targets = listeners.get(update.executionId());
        if (targets == null) {
            return;
        }
        if (update.state().isTerminal()) {
            listeners.remove(update.executionId()); // the execution ended: so do its subscriptions
        }
        delivery.execute(() -> targets.forEach(listener -> deliver(listener, update)));
    }

    private static void deliver(Consumer<ExecutionUpdate> listener, ExecutionUpdate update) {
        try {
            listener.accept(update);
        } catch (RuntimeException e) {
            LOG.warn("listener of execution {} failed on update {}: {}", update.executionId(), update.sequence(), e.toString());
        }
    }

    @Override
    public void close() {
        delivery.shutdownNow();
    }
}
