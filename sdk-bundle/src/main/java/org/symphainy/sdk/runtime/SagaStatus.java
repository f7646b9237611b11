package org.symphainy.sdk.runtime;

import java.util.List;

import org.symphainy.sdk.internal.Checks;

/**
 * What a saga that gave up has undone and has not: what an operator needs after
 * {@link ExecutionState#COMPENSATION_FAILED}, and what anyone following a {@link ExecutionState#COMPENSATING} one sees.
 *
 * @param failedStep the name of the step that failed for good (or was next when the saga was cancelled or timed out)
 * @param compensated the names of the steps undone, in the order their compensations completed (latest step first)
 * @param uncompensated the names of the completed steps with a compensation that are not undone (yet), in the order
 *        they are (to be) undone
 * @param failures every failed attempt of a step or a compensation, in the order they failed
 */
public record SagaStatus(String failedStep, List<String> compensated, List<String> uncompensated,
        List<AttemptFailure> failures) {

    /** Checks every value and copies the lists. */
    public SagaStatus {
        Checks.present("failedStep", failedStep);
        compensated = Checks.list("compensated", compensated);
        uncompensated = Checks.list("uncompensated", uncompensated);
        failures = Checks.list("failures", failures);
    }
}
