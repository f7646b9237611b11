package org.symphainy.nurse.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.symphainy.sdk.intent.ErrorCode;
import org.symphainy.sdk.intent.HandlerRef;
import org.symphainy.sdk.intent.Intent;
import org.symphainy.sdk.runtime.Execution;
import org.symphainy.sdk.runtime.ExecutionQuery;
import org.symphainy.sdk.runtime.ExecutionState;
import org.symphainy.sdk.runtime.ExecutionSummary;
import org.symphainy.sdk.runtime.Failure;
import org.symphainy.sdk.runtime.Page;
import org.symphainy.sdk.runtime.ReplayReport;
import org.symphainy.sdk.runtime.Runtime;
import org.symphainy.sdk.runtime.Submission;
import org.symphainy.sdk.runtime.Subscription;

/** A Runtime holding executions in memory, listing them as the real one does; it counts what it is asked. */
class FakeRuntime implements Runtime {

    private record Held(ExecutionSummary summary, ErrorCode code) {
    }

    private final Map<String, Held> executions = new LinkedHashMap<>();
    int queries;
    int summariesListed;
    int lookups;

    /** Adds (or replaces) execution {@code id}; {@code endedAt} null while it runs, {@code code} only when FAILED. */
    FakeRuntime put(String id, String type, ExecutionState state, Instant acceptedAt, Instant endedAt, ErrorCode code) {
        executions.put(id, new Held(new ExecutionSummary(id, type, "acme", "alice", state, acceptedAt, endedAt), code));
        return this;
    }

    /** Removes execution {@code id}. */
    void remove(String id) {
        executions.remove(id);
    }

    @Override
    public Page<ExecutionSummary> query(ExecutionQuery query) {
        queries++;
        List<ExecutionSummary> matching = new ArrayList<>();
        executions.values().forEach(held -> {
            if (query.acceptedFrom() == null || !held.summary().acceptedAt().isBefore(query.acceptedFrom())) {
                matching.add(held.summary());
            }
        });
        matching.sort(Comparator.comparing(ExecutionSummary::acceptedAt).reversed());
        int start = query.cursor() == null ? 0 : Integer.parseInt(query.cursor());
        int end = Math.min(matching.size(), start + query.limit());
        summariesListed += end - start;
        return new Page<>(matching.subList(start, end), end < matching.size() ? Integer.toString(end) : null);
    }

    @Override
    public Optional<Execution> execution(String executionId) {
        lookups++;
        Held held = executions.get(executionId);
        if (held == null) {
            return Optional.empty();
        }
        ExecutionSummary s = held.summary();
        Intent intent = Intent.builder(s.intentType()).tenant("acme").session("s-1").actor("alice").correlationId("c-1")
                .build();
        Failure failure = s.state() == ExecutionState.FAILED ? new Failure(held.code(), "it failed") : null;
        return Optional.of(new Execution(s.id(), intent, s.state(), new HandlerRef("org.acme.content", "1.0.0",
                s.intentType(), "1.0.0"), List.of(), List.of(), List.of(), s.acceptedAt(), s.endedAt(), failure));
    }

    @Override
    public Submission submit(Intent intent) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Subscription subscribe(String executionId, Consumer<org.symphainy.sdk.runtime.ExecutionUpdate> listener) {
        throw new UnsupportedOperationException();
    }

    @Override
    public ReplayReport replay(String executionId) {
        throw new UnsupportedOperationException();
    }
}
