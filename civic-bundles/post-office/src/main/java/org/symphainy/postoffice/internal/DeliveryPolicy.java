package org.symphainy.postoffice.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The delivery settings in force: validated, immutable. {@link #read} turns a {@link PostOfficeConfig} into a policy, or
 * into the list of its unusable values, each naming the attribute, the value given and what is allowed; the caller keeps
 * its previous policy (or {@link #DEFAULTS}) when any value is refused, so a typo never half-applies a configuration.
 *
 * @param deliveryThreads threads that hand updates to subscribers
 * @param maxLag most updates a subscriber may be behind the latest before it is closed
 * @param deliveryTimeout longest a subscriber may take to hand on one update
 * @param retain how long an execution's updates stay in memory once nobody subscribes to them
 */
record DeliveryPolicy(int deliveryThreads, int maxLag, Duration deliveryTimeout, Duration retain) {

    /** The configuration PID. */
    static final String PID = "org.symphainy.postoffice";

    static final int MAX_THREADS = 64;
    static final int MAX_LAG = 1_000_000;
    static final long MAX_TIMEOUT_SECONDS = 3_600;
    static final long MAX_RETAIN_SECONDS = 86_400;

    /** The defaults of {@link PostOfficeConfig}: 4 threads, 1,000 updates of lag, 30 s per update, 5 minutes retained. */
    static final DeliveryPolicy DEFAULTS = new DeliveryPolicy(4, 1_000, Duration.ofSeconds(30), Duration.ofMinutes(5));

    /** The policy {@code config} describes and the problems found; the policy is null if there is any problem. */
    static Reading read(PostOfficeConfig config) {
        List<String> problems = new ArrayList<>();
        long threads = number(problems, "deliveryThreads", () -> (long) config.deliveryThreads(), 1, MAX_THREADS,
                "a whole number from 1 to " + MAX_THREADS);
        long lag = number(problems, "maxLagUpdates", () -> (long) config.maxLagUpdates(), 1, MAX_LAG,
                "a whole number of updates from 1 to " + MAX_LAG);
        long timeout = number(problems, "deliveryTimeoutSeconds", config::deliveryTimeoutSeconds, 1, MAX_TIMEOUT_SECONDS,
                "a whole number of seconds from 1 to " + MAX_TIMEOUT_SECONDS);
        long retain = number(problems, "retainSeconds", config::retainSeconds, 0, MAX_RETAIN_SECONDS,
                "a whole number of seconds from 0 (dropped at the next sweep) to " + MAX_RETAIN_SECONDS);
        if (!problems.isEmpty()) {
            return new Reading(null, List.copyOf(problems));
        }
        return new Reading(new DeliveryPolicy((int) threads, (int) lag, Duration.ofSeconds(timeout),
                Duration.ofSeconds(retain)), List.of());
    }

    /** {@code deliveryThreads=4, maxLagUpdates=1000, ...}: the policy in the configuration's own terms. */
    @Override
    public String toString() {
        return "deliveryThreads=" + deliveryThreads + ", maxLagUpdates=" + maxLag + ", deliveryTimeoutSeconds="
                + deliveryTimeout.toSeconds() + ", retainSeconds=" + retain.toSeconds();
    }

    /** The attribute's value if it is a number in [min, max]; otherwise records a problem and returns min. */
    private static long number(List<String> problems, String attribute, Supplier<Long> value, long min, long max,
            String allowed) {
        long number;
        try {
            number = value.get();
        } catch (RuntimeException e) {
            // Declarative Services could not convert the configured value (e.g. "30s" for a number of seconds)
            problems.add(attribute + " is not a number (" + e.getMessage() + "); use " + allowed);
            return min;
        }
        if (number < min || number > max) {
            problems.add(attribute + " is " + number + "; use " + allowed);
            return min;
        }
        return number;
    }

    /**
     * A configuration as read.
     *
     * @param policy the policy it describes; null if any value was refused
     * @param problems one line per refused value; empty if the policy is usable
     */
    record Reading(DeliveryPolicy policy, List<String> problems) {
    }
}
