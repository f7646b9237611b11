package org.symphainy.conductor.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.symphainy.sdk.saga.PayloadMapping;
import org.symphainy.sdk.saga.SagaDefinition;
import org.symphainy.sdk.saga.SagaProblem;
import org.symphainy.sdk.saga.SagaStep;

/**
 * The deploy-time check of a saga definition against the deployed intents: every problem, each naming its step and
 * saying what to fix. A saga's steps run in order, so a cycle can only be a step that reads a step not before it, or
 * a step that runs the saga's own intent; both are refused.
 */
final class SagaCheck {

    private final IntentCatalog catalog;

    SagaCheck(IntentCatalog catalog) {
        this.catalog = catalog;
    }

    /** Every problem of {@code saga}; empty if it may be deployed. */
    List<SagaProblem> problems(SagaDefinition saga) {
        List<SagaProblem> problems = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < saga.steps().size(); i++) {
            SagaStep step = saga.steps().get(i);
            int index = i;
            if (!names.add(step.name())) {
                problems.add(new SagaProblem(step.name(), "DUPLICATE_STEP", "another step of saga '" + saga.intentType()
                        + "' is named '" + step.name() + "'; give each step its own name"));
            }
            if (step.intentType().equals(saga.intentType())) {
                problems.add(new SagaProblem(step.name(), "CYCLE", "the step runs the saga's own intent '"
                        + saga.intentType() + "'; a saga cannot contain itself"));
            } else {
                known(step, step.intentType(), "intent", problems);
            }
            step.payload().forEach(m -> mapping(saga, index, step, m, false, problems));
            if (step.compensation() != null) {
                known(step, step.compensation().intentType(), "compensation intent", problems);
                step.compensation().payload().forEach(m -> mapping(saga, index, step, m, true, problems));
            }
        }
        return problems;
    }

    private void known(SagaStep step, String intentType, String what, List<SagaProblem> problems) {
        if (catalog.artifactKinds(intentType).isEmpty()) {
            problems.add(new SagaProblem(step.name(), "UNKNOWN_INTENT", "its " + what + " '" + intentType
                    + "' is not provided by any deployed bundle; deploy the bundle that provides it first, or fix the name"));
        }
    }

    /** A mapping may read the input, or an artifact kind declared by an earlier step (a compensation: also its own). */
    private void mapping(SagaDefinition saga, int index, SagaStep step, PayloadMapping mapping, boolean compensation,
            List<SagaProblem> problems) {
        String source = mapping.sourceStep();
        if (source == null) {
            return;
        }
        int from = saga.indexOf(source);
        String where = (compensation ? "its compensation's" : "its") + " payload at '" + mapping.target() + "' reads "
                + mapping.source();
        if (from < 0) {
            problems.add(new SagaProblem(step.name(), "UNKNOWN_STEP", where + ", but the saga has no step '" + source + "'"));
        } else if (from > index || (from == index && !compensation)) {
            problems.add(new SagaProblem(step.name(), "FORWARD_REFERENCE", where + ", but step '" + source
                    + "' does not run before it (a cycle); read only the input and earlier steps' artifacts"));
        } else {
            String intentType = saga.steps().get(from).intentType();
            Optional<Set<String>> kinds = catalog.artifactKinds(intentType);
            if (kinds.isPresent() && !kinds.get().contains(mapping.sourceArtifactKind())) {
                problems.add(new SagaProblem(step.name(), "UNDECLARED_ARTIFACT", where + ", but intent '" + intentType
                        + "' of step '" + source + "' declares no artifact kind '" + mapping.sourceArtifactKind()
                        + "' (it declares " + (kinds.get().isEmpty() ? "none" : String.join(", ", kinds.get().stream().sorted().toList()))
                        + "); add it to @ProvidesIntent(artifacts = ...) or read a declared kind"));
            }
        }
    }
}
