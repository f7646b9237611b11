package org.symphainy.bench.internal;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.symphainy.sdk.intent.Intent;
import org.symphainy.sdk.intent.IntentException;
import org.symphainy.sdk.ledger.Ledger;
import org.symphainy.sdk.ledger.LedgerRecord;
import org.symphainy.sdk.runtime.Execution;
import org.symphainy.sdk.runtime.ExecutionQuery;
import org.symphainy.sdk.runtime.ExecutionState;
import org.symphainy.sdk.runtime.Runtime;

/** Whether the Runtime runs the bench's saga: one submitted and followed to its end before the timed scenario. */
final class SagaProbe {

    /** How long the probe saga may take. */
    private static final long PATIENCE_MILLIS = 30_000;

    private SagaProbe() {
    }

    /** The outcome of the probe: the saga's id if it COMPLETED, else why the scenario cannot run. */
    record Probe(String executionId, String unable) {
    }

    /** Fails the bench if any execution of the kernel ended otherwise than COMPLETED (or is compensating). */
    static void requireAllCompleted(Runtime runtime) {
        for (ExecutionState state : ExecutionState.values()) {
            if (state.hasFailure()) {
                List<org.symphainy.sdk.runtime.ExecutionSummary> items =
                        runtime.query(ExecutionQuery.builder().state(state).limit(1).build()).items();
                if (!items.isEmpty()) {
                    throw new BenchFailure("saga execution " + items.get(0).id() + " is " + state + "; every saga of the "
                            + "scenario must complete");
                }
            }
        }
    }

    /** The record types of execution {@code id}, in order, as the ledger holds them; empty without a ledger. */
    static String records(Ledger ledger, String id) {
        return ledger == null ? "" : ledger.execution(id).stream().map(LedgerRecord::type).collect(Collectors.joining(", "));
    }

    /** Submits {@code saga} and follows it to its end. */
    static Probe probe(Runtime runtime, Intent saga) throws InterruptedException {
        String[] id = new String[1];
        String unable = unable(runtime, saga, id);
        return new Probe(id[0], unable);
    }

    /** Null if {@code saga} ran to COMPLETED; otherwise why the scenario cannot run, in words. */
    private static String unable(Runtime runtime, Intent saga, String[] submitted) throws InterruptedException {
        String id;
        try {
            id = runtime.submit(saga).executionId();
            submitted[0] = id;
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
