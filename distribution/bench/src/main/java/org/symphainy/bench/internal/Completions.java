package org.symphainy.bench.internal;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.symphainy.sdk.runtime.Execution;
import org.symphainy.sdk.runtime.ExecutionQuery;
import org.symphainy.sdk.runtime.ExecutionState;
import org.symphainy.sdk.runtime.ExecutionSummary;
import org.symphainy.sdk.runtime.Runtime;

/**
 * Waits until every execution the kernel holds has ended, and checks that none failed. Cheap enough to run right after
 * a load: it follows the last execution each submitter started (the kernel runs executions in acceptance order), then
 * asks the kernel for any execution still ACCEPTED or RUNNING until there is none.
 */
final class Completions {

    /** Between looks at an execution: each look builds its snapshot, which costs the kernel CPU. */
    private static final long POLL_MILLIS = 5;

    private Completions() {
    }

    /** Returns when ({@link System#nanoTime()}) the last execution was seen ending. */
    static long awaitAll(Runtime runtime, List<String> lastIds, Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        long ended = System.nanoTime();
        for (String id : lastIds) {
            ended = Math.max(ended, awaitEnded(runtime, id, deadline));
        }
        for (Optional<String> open = open(runtime); open.isPresent(); open = open(runtime)) {
            ended = Math.max(ended, awaitEnded(runtime, open.get(), deadline));
        }
        Optional<String> failed = first(runtime, ExecutionState.FAILED);
        if (failed.isPresent()) {
            Execution execution = runtime.execution(failed.get()).orElseThrow();
            throw new BenchFailure("execution " + execution.id() + " of " + execution.intent().type() + " failed ("
                    + execution.failure().code() + ": " + execution.failure().message() + ")");
        }
        return ended;
    }

    /** Waits until the execution has ended; returns when it was seen ended. */
    private static long awaitEnded(Runtime runtime, String id, long deadline) throws InterruptedException {
        while (true) {
            ExecutionState state = runtime.execution(id).map(Execution::state)
                    .orElseThrow(() -> new BenchFailure("the kernel does not know execution " + id + ", which it accepted"));
            if (state.isTerminal()) {
                return System.nanoTime();
            }
            if (System.nanoTime() - deadline > 0) {
                throw new BenchFailure("execution " + id + " is still " + state + " after the load ended; the kernel's "
                        + "workers did not finish the executions it accepted in time");
            }
            Thread.sleep(POLL_MILLIS);
        }
    }

    private static Optional<String> open(Runtime runtime) {
        return first(runtime, ExecutionState.ACCEPTED).or(() -> first(runtime, ExecutionState.RUNNING));
    }

    private static Optional<String> first(Runtime runtime, ExecutionState state) {
        List<ExecutionSummary> items = runtime.query(ExecutionQuery.builder().state(state).limit(1).build()).items();
        return items.isEmpty() ? Optional.empty() : Optional.of(items.get(0).id());
    }
}
