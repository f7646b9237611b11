package org.symphainy.sdk.saga;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.symphainy.sdk.internal.Checks;

/**
 * A saga: the intent type that starts it and its steps, run in order. When a step fails for good, the completed
 * steps are compensated in reverse order. Structural checks (at least one step) happen here; the checks that need
 * the deployed intents (unknown intents, mappings from later steps or undeclared artifact kinds) happen when the
 * saga's bundle is deployed.
 *
 * <pre>
 * SagaDefinition.builder("orders.place")
 *     .step(SagaStep.builder("reserve", "stock.reserve").map("/sku", "/input/sku")
 *             .compensateWith("stock.release", PayloadMapping.of("/reservation", "/steps/reserve/artifacts/stock.reservation/id"))
 *             .build())
 *     .step(SagaStep.builder("charge", "payment.charge").map("/amount", "/input/amount").build())
 *     .build();
 * </pre>
 *
 * @param intentType the intent type that starts the saga
 * @param steps the steps, in order
 * @param timeout how long the whole saga may run before it is compensated, or null for no limit
 */
public record SagaDefinition(String intentType, List<SagaStep> steps, Duration timeout) {

    /** Checks the fields and copies the list. */
    public SagaDefinition {
        Checks.present("saga intent type", intentType);
        steps = List.copyOf(Checks.present("steps", steps));
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("saga '" + intentType + "' has no steps; declare at least one");
        }
        if (timeout != null && (timeout.isZero() || timeout.isNegative())) {
            throw new IllegalArgumentException("timeout of saga '" + intentType + "' is " + timeout + "; it must be positive");
        }
    }

    /** The step named {@code name}. */
    public Optional<SagaStep> step(String name) {
        return steps.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /** The position (0-based) of the step named {@code name}, or -1. */
    public int indexOf(String name) {
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** A builder of the saga started by {@code intentType}. */
    public static Builder builder(String intentType) {
        return new Builder(intentType);
    }

    /** Builds a {@link SagaDefinition}. */
    public static final class Builder {
        private final String intentType;
        private final List<SagaStep> steps = new ArrayList<>();
        private Duration timeout;

        private Builder(String intentType) {
            this.intentType = intentType;
        }

        /** Adds the next step. */
        public Builder step(SagaStep step) {
            steps.add(Checks.present("step", step));
            return this;
        }

        /** How long the whole saga may run. */
        public Builder timeout(Duration sagaTimeout) {
            this.timeout = sagaTimeout;
            return this;
        }

        public SagaDefinition build() {
            return new SagaDefinition(intentType, steps, timeout);
        }
    }
}
