package org.symphainy.datasteward.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.symphainy.sdk.intent.Artifact;
import org.symphainy.sdk.intent.HandlerRef;
import org.symphainy.sdk.intent.Provenance;

/**
 * The Data Steward's provenance rules for the artifacts an execution recorded: every artifact is recorded with
 * provenance naming that execution and the handler bundle that produced it, and an artifact whose kind matches a
 * pattern of configuration {@code requireInputsFor} (such as {@code insights.*}) names at least one input artifact.
 * The Runtime calls it (through {@code DataSteward.provenanceProblems}) before it records a step's artifacts; a step
 * whose artifacts break a rule fails with {@code ARTIFACT_REJECTED}. Immutable and thread-safe.
 */
public final class ProvenanceChecker {

    /** No kind needs inputs; provenance itself is still required. */
    static final ProvenanceChecker DEFAULT = new ProvenanceChecker(List.of());

    private final List<NamePattern> requireInputsFor;

    /** Rules requiring inputs for the artifact kinds matching {@code requireInputsFor}. */
    ProvenanceChecker(List<NamePattern> requireInputsFor) {
        this.requireInputsFor = List.copyOf(requireInputsFor);
    }

    /**
     * What breaks the rules among {@code artifacts}, recorded by execution {@code executionId}: one sentence per
     * problem, saying what to fix; empty if every artifact meets them.
     */
    public List<String> check(String executionId, List<Artifact> artifacts) {
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < artifacts.size(); i++) {
            Artifact artifact = artifacts.get(i);
            if (artifact == null) {
                problems.add("artifact #" + (i + 1) + " of execution " + executionId + " is missing (null); record "
                        + "every artifact the handler returned");
            } else {
                check(executionId, i, artifact, problems);
            }
        }
        return problems;
    }

    /** True if an artifact of {@code kind} must name at least one input artifact. */
    public boolean requiresInputs(String kind) {
        return matching(kind) != null;
    }

    private void check(String executionId, int index, Artifact artifact, List<String> problems) {
        Provenance provenance = artifact.provenance();
        String name = "artifact " + (artifact.isRecorded() ? artifact.id() : "#" + (index + 1)) + " ("
                + artifact.kind() + ")";
        if (!artifact.isRecorded() || provenance == null) {
            problems.add(name + " of execution " + executionId + " has no provenance; record it with "
                    + "Artifact.recorded(id, provenance) naming the execution and the handler that produced it");
            return;
        }
        if (!executionId.equals(provenance.executionId())) {
            problems.add(name + " names execution " + provenance.executionId() + " in its provenance, not "
                    + executionId + "; record it under the execution that produced it");
        }
        HandlerRef handler = provenance.handler();
        if (handler == null || handler.bundleSymbolicName() == null || handler.bundleSymbolicName().isBlank()) {
            problems.add(name + " names no handler bundle in its provenance; record the bundle (symbolic name and "
                    + "version) whose handler produced it");
        }
        NamePattern rule = matching(artifact.kind());
        if (rule != null && provenance.inputArtifactIds().isEmpty()) {
            problems.add(name + " names no input artifact in its provenance, but rule requireInputsFor '" + rule
                    + "' requires artifacts of its kind to name the artifacts they were derived from; record the "
                    + "step's input artifact ids, or change requireInputsFor in configuration "
                    + PolicyReader.PID);
        }
    }

    /** The first pattern of {@code requireInputsFor} that {@code kind} matches, or null. */
    private NamePattern matching(String kind) {
        for (NamePattern pattern : requireInputsFor) {
            if (pattern.matches(kind)) {
                return pattern;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return requireInputsFor.isEmpty() ? "provenance on every artifact"
                : "provenance on every artifact, inputs for " + requireInputsFor.stream().map(NamePattern::text)
                        .collect(Collectors.joining(", "));
    }
}
