package org.symphainy.bench.internal;

import java.util.Optional;

import org.symphainy.sdk.intent.Intent;
import org.symphainy.sdk.intent.IntentException;
import org.symphainy.sdk.runtime.Execution;
import org.symphainy.sdk.runtime.ExecutionState;
import org.symphainy.sdk.runtime.Runtime;

/** Whether the Runtime runs the bench's saga: one submitted and followed to its end before the timed scenario. */
final class SagaProbe {

    /** How long the probe saga may take. */
    private static final long PATIENCE_MILLIS = 30_000;

    private SagaProbe() {
    }

    /** Null if {@code saga} ran to COMPLETED; otherwise why the scenario cannot run, in words. */
    static String unable(Runtime runtime, Intent saga) throws InterruptedException {
        String id;
        try {
            id = runtime.submit(saga).executionId();
        } catch (IntentException e) {
            return "the Runtime refused the saga " + saga.type() + " (" + e.code() + ": " + e.getMessage() + ")";
        }
        long deadline = System.nanoTime() + PATIENCE_MILLIS * 1_000_000;
        while (System.nanoTime() - deadline < 0) {
            Optional<Execution> execution = runtime.execution(id);
            if (execution.isPresent() && execution.get().state().isTerminal()) {
                Execution ended = execution.get();
                return ended.state() == ExecutionState.COMPLETED ? null : "the probe saga " + id + " ended "
                        + ended.state() + (ended.failure() == null ? "" : " (" + ended.failure().code() + ": "
                        + ended.failure().message() + ")");
            }
            Thread.sleep(5);
        }
        return "the probe saga " + id + " did not end within " + PATIENCE_MILLIS / 1000 + " s";
    }
}
