package org.symphainy.runtime.internal.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.symphainy.runtime.internal.record.KernelRecord;
import org.symphainy.sdk.intent.Artifact;
import org.symphainy.sdk.intent.ErrorCode;
import org.symphainy.sdk.intent.HandlerRef;
import org.symphainy.sdk.intent.Result;
import org.symphainy.sdk.registry.AdmittedHandler;
import org.symphainy.sdk.registry.IntentRegistry;
import org.symphainy.sdk.runtime.ArtifactDiff;
import org.symphainy.sdk.runtime.ExecutionState;
import org.symphainy.sdk.runtime.Failure;
import org.symphainy.sdk.runtime.ReplayReport;

/**
 * Re-runs a completed execution from its WAL records — the recorded intent, clock, seed and attempt — against the
 * handler deployed now for the same intent version, in a sandbox that writes nothing, and compares the artifacts by hash.
 */
final class Replay {

    private final IntentRegistry registry;

    Replay(IntentRegistry registry) {
        this.registry = registry;
    }

    /** The report: identical, the differing artifacts with both contents, or why it could not replay. */
    ReplayReport of(ExecutionEntry entry, Function<ExecutionEntry, ExecutionBook.Detail> details) {
        return of(entry, details, sequence -> {
            throw new IllegalStateException("no WAL to read a saga's steps from");
        });
    }

    /**
     * As {@link #of(ExecutionEntry, Function)}, reading a saga's records with {@code records}: each step is re-run
     * with the payload its mappings build from the recorded input and the recorded artifacts of the steps before it,
     * against the handler deployed now for its intent, and its artifacts compared with the recorded ones.
     */
    ReplayReport of(ExecutionEntry entry, Function<ExecutionEntry, ExecutionBook.Detail> details,
            java.util.function.LongFunction<KernelRecord> records) {
        HandlerRef recorded = entry.handler();
        if (entry.state() != ExecutionState.COMPLETED) {
            return failed(entry, recorded, recorded, "execution " + entry.id() + " is " + entry.state()
                    + "; only COMPLETED executions replay");
        }
        if (entry.saga()) {
            return saga(entry, details.apply(entry).accepted(), records);
        }
        String version = recorded.intentVersion();
        Optional<AdmittedHandler> handler = registry.resolve(recorded.intentType(), "[" + version + "," + version + "]");
        if (handler.isEmpty()) {
            return failed(entry, recorded, recorded, "no deployed bundle serves intent " + recorded.intentType() + " "
                    + version + " now; deploy it to replay this execution");
        }
        ExecutionBook.Detail detail = details.apply(entry);
        Result result;
        try {
            result = handler.get().handler().handle(detail.accepted().intent(), new KernelContext(entry.context(entry.attempts())));
        } catch (Exception | LinkageError e) {
            return failed(entry, recorded, handler.get().ref(), "the handler threw " + e + " on replay");
        }
        if (result == null) {
            return failed(entry, recorded, handler.get().ref(), "the handler returned null on replay");
        }
        return new ReplayReport(entry.id(), recorded, handler.get().ref(), differences(detail.artifacts(), result.artifacts()), null);
    }

    /** Replays a completed saga step by step, feeding later steps the recorded artifacts (as the saga saw them). */
    private ReplayReport saga(ExecutionEntry entry, KernelRecord.IntentAccepted accepted, java.util.function.LongFunction<KernelRecord> records) {
        HandlerRef recorded = entry.handler();
        org.symphainy.runtime.internal.kernel.saga.SagaProgress progress = new org.symphainy.runtime.internal.kernel.saga.SagaProgress(
                accepted.saga(), accepted.intent().payload(), accepted.at(), type -> org.symphainy.sdk.runtime.RetryPolicy.NONE,
                accepted.seed());
        List<ArtifactDiff> differences = new ArrayList<>();
        long[] sequences = entry.sequences();
        for (int i = 1; i < sequences.length; i++) {
            KernelRecord record = records.apply(sequences[i]);
            if (record instanceof KernelRecord.StepCompleted done) {
                org.symphainy.sdk.saga.SagaStep step = accepted.saga().steps().get(done.step() - 1);
                Optional<AdmittedHandler> handler = registry.resolve(step.intentType(), null);
                if (handler.isEmpty()) {
                    return failed(entry, recorded, recorded, "no deployed bundle serves intent " + step.intentType()
                            + " (step '" + step.name() + "') now; deploy it to replay this saga");
                }
                Result result;
                try {
                    org.symphainy.sdk.intent.Intent intent = accepted.intent().toBuilder().type(step.intentType())
                            .versionRange(null).idempotencyKey(null).payload(progress.payload(done.step() - 1, false)).build();
                    result = handler.get().handler().handle(intent, new KernelContext(entry.context(done.step(), done.attempt())));
                } catch (Exception | LinkageError e) {
                    return failed(entry, recorded, handler.get().ref(), "the handler of step '" + step.name() + "' threw "
                            + e + " on replay");
                }
                if (result == null) {
                    return failed(entry, recorded, handler.get().ref(), "the handler of step '" + step.name()
                            + "' returned null on replay");
                }
                for (ArtifactDiff diff : differences(done.artifacts(), result.artifacts())) {
                    differences.add(new ArtifactDiff(done.step(), diff.index(), diff.recorded(), diff.replayed()));
                }
            }
            org.symphainy.runtime.internal.kernel.saga.SagaEvent event = SagaRunner.event(record);
            if (event != null) {
                progress.apply(event);
            }
        }
        return new ReplayReport(entry.id(), recorded, recorded, differences, null);
    }

    static List<ArtifactDiff> differences(List<Artifact> recorded, List<Artifact> replayed) {
        List<ArtifactDiff> differences = new ArrayList<>();
        for (int i = 0; i < Math.max(recorded.size(), replayed.size()); i++) {
            Artifact before = i < recorded.size() ? recorded.get(i) : null;
            Artifact after = i < replayed.size() ? replayed.get(i) : null;
            if (before == null || after == null || !before.contentHash().equals(after.contentHash())
                    || !before.kind().equals(after.kind())) {
                differences.add(new ArtifactDiff(ExecutionEntry.STEP, i, before, after));
            }
        }
        return differences;
    }

    private static ReplayReport failed(ExecutionEntry entry, HandlerRef recorded, HandlerRef replayed, String why) {
        return new ReplayReport(entry.id(), recorded, replayed, List.of(), new Failure(ErrorCode.NOT_REPLAYABLE, why));
    }
}
