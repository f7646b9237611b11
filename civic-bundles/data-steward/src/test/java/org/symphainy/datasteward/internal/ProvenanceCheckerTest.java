package org.symphainy.datasteward.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.symphainy.sdk.intent.Artifact;
import org.symphainy.sdk.intent.HandlerRef;
import org.symphainy.sdk.intent.Json;
import org.symphainy.sdk.intent.Provenance;

class ProvenanceCheckerTest {

    private static final HandlerRef HANDLER = new HandlerRef("org.acme.insights", "1.2.0", "insights.analyze", "1.0.0");

    private final ProvenanceChecker checker = new ProvenanceChecker(
            List.of(NamePattern.parse("insights.*"), NamePattern.parse("outcomes.proposal")));

    private static Artifact recorded(String id, String kind, String executionId, String... inputs) {
        return Artifact.of(kind, Json.of("{}")).recorded(id, new Provenance(executionId, 1, HANDLER, List.of(inputs),
                Instant.EPOCH));
    }

    @Test
    void artifactsWithProvenanceAndRequiredInputsPass() {
        List<Artifact> artifacts = List.of(recorded("a1", "content.document", "ex-1"),
                recorded("a2", "insights.summary", "ex-1", "a1"), recorded("a3", "outcomes.proposal", "ex-1", "a1", "a2"));

        assertEquals(List.of(), checker.check("ex-1", artifacts));
    }

    @Test
    void anUnrecordedArtifactHasNoProvenance() {
        List<String> problems = checker.check("ex-1", List.of(Artifact.of("content.document", Json.of("{}"))));

        assertEquals(List.of("artifact #1 (content.document) of execution ex-1 has no provenance; record it with "
                + "Artifact.recorded(id, provenance) naming the execution and the handler that produced it"), problems);
    }

    @Test
    void provenanceMustNameThisExecution() {
        List<String> problems = checker.check("ex-1", List.of(recorded("a1", "content.document", "ex-2")));

        assertEquals(List.of("artifact a1 (content.document) names execution ex-2 in its provenance, not ex-1; record "
                + "it under the execution that produced it"), problems);
    }

    @Test
    void kindsMatchingTheRulesMustNameAnInput() {
        List<String> problems = checker.check("ex-1", List.of(recorded("a1", "insights.summary", "ex-1"),
                recorded("a2", "outcomes.proposal", "ex-1"), recorded("a3", "outcomes.roadmap", "ex-1")));

        assertEquals(2, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("artifact a1 (insights.summary) names no input artifact in its provenance, "
                + "but rule requireInputsFor 'insights.*' requires"), problems.get(0));
        assertTrue(problems.get(1).contains("rule requireInputsFor 'outcomes.proposal'"), problems.get(1));
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        List<String> problems = checker.check("ex-1", Arrays.asList(recorded("a1", "insights.summary", "ex-9"), null));

        assertEquals(3, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("names execution ex-9"), problems.get(0));
        assertTrue(problems.get(1).contains("names no input artifact"), problems.get(1));
        assertTrue(problems.get(2).startsWith("artifact #2 of execution ex-1 is missing (null)"), problems.get(2));
    }

    @Test
    void withoutRulesNoKindNeedsInputs() {
        assertFalse(ProvenanceChecker.DEFAULT.requiresInputs("insights.summary"));
        assertEquals(List.of(), ProvenanceChecker.DEFAULT.check("ex-1", List.of(recorded("a1", "insights.summary",
                "ex-1"))));
        assertTrue(new ProvenanceChecker(List.of(NamePattern.ALL)).requiresInputs("content.document"));
    }
}
