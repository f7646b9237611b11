package org.symphainy.trafficcop.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The session settings in force: validated, immutable. {@link #read} turns a {@link TrafficCopConfig} into a policy, or
 * into the list of its unusable values, each naming the attribute, the value given and what is allowed; the caller keeps
 * its previous policy (or {@link #DEFAULTS}) when any value is refused, so a typo never half-applies a configuration.
 *
 * @param ttl how long a session is accepted after it opens, however active
 * @param idleTimeout how long an unused session stays accepted; {@link Duration#ZERO} for no idle timeout
 * @param maxPerPrincipal most active sessions one principal (tenant and actor) holds
 * @param sweepInterval how often ended sessions are removed from memory
 */
record SessionPolicy(Duration ttl, Duration idleTimeout, int maxPerPrincipal, Duration sweepInterval) {

    /** The configuration PID. */
    static final String PID = "org.symphainy.trafficcop";

    /** Longest session lifetime and idle timeout accepted, in minutes (366 days). */
    static final long MAX_MINUTES = 366L * 24 * 60;

    /** Most sessions per principal accepted. */
    static final int MAX_PER_PRINCIPAL = 100_000;

    /** Longest sweep interval accepted, in seconds (a day). */
    static final long MAX_SWEEP_SECONDS = 24L * 60 * 60;

    /** The defaults of {@link TrafficCopConfig}: 8 hours, 30 minutes idle, 100 per principal, a sweep a minute. */
    static final SessionPolicy DEFAULTS = new SessionPolicy(Duration.ofHours(8), Duration.ofMinutes(30), 100,
            Duration.ofMinutes(1));

    /** The policy {@code config} describes and the problems found; the policy is null if there is any problem. */
    static Reading read(TrafficCopConfig config) {
        List<String> problems = new ArrayList<>();
        long ttl = number(problems, "sessionTtlMinutes", config::sessionTtlMinutes, 1, MAX_MINUTES,
                "a whole number of minutes from 1 to " + MAX_MINUTES + " (480 is 8 hours)");
        long idle = number(problems, "idleTimeoutMinutes", config::idleTimeoutMinutes, 0, MAX_MINUTES,
                "a whole number of minutes from 0 (no idle timeout) to " + MAX_MINUTES);
        long cap = number(problems, "maxSessionsPerPrincipal", () -> (long) config.maxSessionsPerPrincipal(), 1,
                MAX_PER_PRINCIPAL, "a whole number from 1 to " + MAX_PER_PRINCIPAL);
        long sweep = number(problems, "sweepIntervalSeconds", config::sweepIntervalSeconds, 1, MAX_SWEEP_SECONDS,
                "a whole number of seconds from 1 to " + MAX_SWEEP_SECONDS);
        if (!problems.isEmpty()) {
            return new Reading(null, List.copyOf(problems));
        }
        return new Reading(new SessionPolicy(Duration.ofMinutes(ttl), Duration.ofMinutes(idle), (int) cap,
                Duration.ofSeconds(sweep)), List.of());
    }

    /** True if an idle timeout applies. */
    boolean idleTimeoutOn() {
        return !idleTimeout.isZero();
    }

    /** {@code sessionTtlMinutes=480, idleTimeoutMinutes=30, ...}: the policy in the configuration's own terms. */
    @Override
    public String toString() {
        return "sessionTtlMinutes=" + ttl.toMinutes() + ", idleTimeoutMinutes=" + idleTimeout.toMinutes()
                + ", maxSessionsPerPrincipal=" + maxPerPrincipal + ", sweepIntervalSeconds=" + sweepInterval.toSeconds();
    }

    /** The attribute's value if it is a number in [min, max]; otherwise records a problem and returns min. */
    private static long number(List<String> problems, String attribute, Supplier<Long> value, long min, long max,
            String allowed) {
        long number;
        try {
            number = value.get();
        } catch (RuntimeException e) {
            // Declarative Services could not convert the configured value (e.g. "8h" for a number of minutes)
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
    record Reading(SessionPolicy policy, List<String> problems) {
    }
}
