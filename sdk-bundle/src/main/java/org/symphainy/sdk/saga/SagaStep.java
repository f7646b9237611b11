package org.symphainy.sdk.saga;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.symphainy.sdk.internal.Checks;
import org.symphainy.sdk.runtime.RetryPolicy;

/**
 * One step of a saga: an intent of {@code intentType} whose payload the {@code payload} mappings build.
 *
 * @param name the step's name, unique in its saga: letters, digits, {@code _} and {@code -}
 * @param intentType the intent the step runs
 * @param payload how the step's payload is built from the saga's input and earlier steps' artifacts
 * @param compensation what undoes the step once completed, or null if nothing needs undoing
 * @param retry the retry policy of this step, or null for the intent type's own (the Nurse's)
 * @param timeout how long one attempt may run, or null for the Runtime's step timeout
 */
public record SagaStep(String name, String intentType, List<PayloadMapping> payload, Compensation compensation,
        RetryPolicy retry, Duration timeout) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    /** Checks the fields and copies the list. */
    public SagaStep {
        Checks.present("step name", name);
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("step name '" + name + "' must be 1 to 64 letters, digits, _ or -");
        }
        Checks.present("intent type of step '" + name + "'", intentType);
        payload = List.copyOf(Checks.present("payload mappings", payload));
        if (timeout != null && (timeout.isZero() || timeout.isNegative())) {
            throw new IllegalArgumentException("timeout of step '" + name + "' is " + timeout + "; it must be positive");
        }
    }

    /** A builder of the step {@code name} running {@code intentType}. */
    public static Builder builder(String name, String intentType) {
        return new Builder(name, intentType);
    }

    /** Builds a {@link SagaStep}. */
    public static final class Builder {
        private final String name;
        private final String intentType;
        private final List<PayloadMapping> payload = new ArrayList<>();
        private Compensation compensation;
        private RetryPolicy retry;
        private Duration timeout;

        private Builder(String name, String intentType) {
            this.name = name;
            this.intentType = intentType;
        }

        /** Places the value at {@code source} at {@code target} in the step's payload. */
        public Builder map(String target, String source) {
            payload.add(PayloadMapping.of(target, source));
            return this;
        }

        /** The intent that undoes the step, with its payload mappings. */
        public Builder compensateWith(String compensationIntent, PayloadMapping... mappings) {
            this.compensation = Compensation.of(compensationIntent, mappings);
            return this;
        }

        /** This step's own retry policy. */
        public Builder retry(RetryPolicy policy) {
            this.retry = policy;
            return this;
        }

        /** How long one attempt of the step may run. */
        public Builder timeout(Duration stepTimeout) {
            this.timeout = stepTimeout;
            return this;
        }

        public SagaStep build() {
            return new SagaStep(name, intentType, payload, compensation, retry, timeout);
        }
    }
}
