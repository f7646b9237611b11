package org.symphainy.nurse.internal;

import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.symphainy.sdk.intent.ErrorCode;
import org.symphainy.sdk.runtime.RetryPolicy;

/**
 * A retry policy as the configuration writes it: comma-separated {@code field:value} pairs, each field at most once,
 * the fields not given taken from a base policy; or {@code none} for no retry.
 *
 * <pre>
 * maxAttempts:5,initialInterval:500ms,backoffCoefficient:2,maxInterval:30s,jitter:0.1,nonRetryable:PAYLOAD_INVALID|FORBIDDEN
 * </pre>
 *
 * {@code nonRetryable} replaces the base's codes whole ({@code nonRetryable:none} for none).
 */
final class PolicySyntax {

    /** Most attempts accepted: more is retrying forever in all but name. */
    static final int MAX_ATTEMPTS = 1000;

    /** Longest interval accepted. */
    static final Duration MAX_INTERVAL = Duration.ofHours(24);

    /** Largest backoff coefficient accepted. */
    static final double MAX_COEFFICIENT = 100;

    private static final String FIELDS = "maxAttempts, initialInterval, backoffCoefficient, maxInterval, jitter, "
            + "nonRetryable";

    private PolicySyntax() {
    }

    /** The policy {@code text} describes over {@code base}, or an IllegalArgumentException saying what to write. */
    static RetryPolicy parse(String text, RetryPolicy base) {
        String spec = text.trim();
        if (spec.equals("none")) {
            return new RetryPolicy(1, base.initialInterval(), base.backoffCoefficient(), base.maxInterval(),
                    base.jitter(), base.nonRetryable());
        }
        if (spec.isEmpty()) {
            throw new IllegalArgumentException("no fields; write field:value pairs separated by commas (" + FIELDS
                    + "), or none for no retry");
        }
        int maxAttempts = base.maxAttempts();
        Duration initial = base.initialInterval();
        double coefficient = base.backoffCoefficient();
        Duration max = null;
        double jitter = base.jitter();
        Set<ErrorCode> nonRetryable = base.nonRetryable();
        Set<String> seen = new HashSet<>();
        for (String pair : spec.split(",", -1)) {
            int colon = pair.indexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException("'" + pair.trim() + "' is not field:value; write e.g. maxAttempts:5");
            }
            String field = pair.substring(0, colon).trim();
            String value = pair.substring(colon + 1).trim();
            if (!seen.add(field)) {
                throw new IllegalArgumentException(field + " is given twice; keep one");
            }
            switch (field) {
                case "maxAttempts" -> maxAttempts = attempts(value);
                case "initialInterval" -> initial = Durations.parse(field, value, Duration.ofMillis(1), MAX_INTERVAL);
                case "backoffCoefficient" -> coefficient = number(field, value, 1, MAX_COEFFICIENT,
                        "a number from 1 (constant waits) to " + (int) MAX_COEFFICIENT + ", such as 2 or 1.5");
                case "maxInterval" -> max = Durations.parse(field, value, Duration.ofMillis(1), MAX_INTERVAL);
                case "jitter" -> jitter = number(field, value, 0, 1, "a number from 0 (none) to 1, such as 0.2");
                case "nonRetryable" -> nonRetryable = codes(value);
                default -> throw new IllegalArgumentException("unknown field '" + field + "'; the fields are " + FIELDS);
            }
        }
        if (max == null) {
            max = base.maxInterval().compareTo(initial) < 0 ? null : base.maxInterval();
            if (max == null) {
                throw new IllegalArgumentException("initialInterval " + Durations.format(initial)
                        + " is longer than the default maxInterval " + Durations.format(base.maxInterval())
                        + "; add maxInterval:" + Durations.format(initial) + " or longer");
            }
        } else if (max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("maxInterval " + Durations.format(max) + " is shorter than initialInterval "
                    + Durations.format(initial) + "; write a maxInterval of " + Durations.format(initial) + " or longer");
        }
        return new RetryPolicy(maxAttempts, initial, coefficient, max, jitter, nonRetryable);
    }

    /** {@code policy} in the configuration's own syntax, every field written out. */
    static String format(RetryPolicy policy) {
        String codes = policy.nonRetryable().isEmpty() ? "none" : EnumSet.copyOf(policy.nonRetryable()).stream()
                .map(Enum::name).collect(Collectors.joining("|"));
        return "maxAttempts:" + policy.maxAttempts() + ",initialInterval:" + Durations.format(policy.initialInterval())
                + ",backoffCoefficient:" + number(policy.backoffCoefficient()) + ",maxInterval:"
                + Durations.format(policy.maxInterval()) + ",jitter:" + number(policy.jitter()) + ",nonRetryable:" + codes;
    }

    private static int attempts(String value) {
        String allowed = "a whole number from 1 (no retry) to " + MAX_ATTEMPTS + ", such as maxAttempts:5";
        try {
            int attempts = Integer.parseInt(value);
            if (attempts >= 1 && attempts <= MAX_ATTEMPTS) {
                return attempts;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("maxAttempts is '" + value + "'; write " + allowed);
    }

    private static double number(String field, String value, double min, double max, String allowed) {
        try {
            double number = Double.parseDouble(value);
            if (number >= min && number <= max && !value.isEmpty() && Character.isDigit(value.charAt(value.length() - 1))) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(field + " is '" + value + "'; write " + allowed);
    }

    private static Set<ErrorCode> codes(String value) {
        if (value.equals("none")) {
            return Set.of();
        }
        Set<ErrorCode> codes = EnumSet.noneOf(ErrorCode.class);
        for (String name : value.split("\\|", -1)) {
            try {
                codes.add(ErrorCode.valueOf(name.trim()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("nonRetryable names '" + name.trim() + "', which is not a failure "
                        + "code; write codes separated by | (or none) from " + Arrays.toString(ErrorCode.values()));
            }
        }
        return codes;
    }

    /** {@code 2} rather than {@code 2.0}, {@code 0.2} as is. */
    private static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value).toLowerCase(Locale.ROOT);
    }
}
