package org.symphainy.nurse.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * The health part of a {@link NurseConfig}, validated and immutable. {@link #read} returns the settings, or one problem
 * per bad value naming the attribute, the value and what to write; the caller keeps the settings in force then.
 *
 * @param window how far back ended executions are counted
 * @param pollInterval how often the Runtime is looked at
 * @param followFor how long after its acceptance a running execution is followed for its outcome
 * @param scanLimit most execution summaries read per look
 * @param failureLookups most failed executions whose failure code is looked up per look
 */
record HealthSettings(Duration window, Duration pollInterval, Duration followFor, int scanLimit, int failureLookups) {

    /** The defaults of {@link NurseConfig}. */
    static final HealthSettings DEFAULTS = new HealthSettings(Duration.ofMinutes(5), Duration.ofSeconds(5),
            Duration.ofHours(1), 100_000, 200);

    /** The settings {@code config} describes and the problems found; the settings are null if there is any problem. */
    static Reading read(NurseConfig config) {
        List<String> problems = new ArrayList<>();
        Duration window = duration(problems, "healthWindow", config::healthWindow, Duration.ofSeconds(1),
                Duration.ofHours(24));
        Duration poll = duration(problems, "healthPollInterval", config::healthPollInterval, Duration.ofMillis(100),
                Duration.ofMinutes(10));
        Duration follow = duration(problems, "healthFollowFor", config::healthFollowFor, Duration.ofSeconds(1),
                Duration.ofHours(24));
        int scan = number(problems, "healthScanLimit", config::healthScanLimit, 1_000, 1_000_000);
        int lookups = number(problems, "healthFailureLookups", config::healthFailureLookups, 0, 10_000);
        if (window != null && follow != null && follow.compareTo(window) < 0) {
            problems.add("healthFollowFor is " + Durations.format(follow) + ", shorter than healthWindow "
                    + Durations.format(window) + "; write a healthFollowFor of " + Durations.format(window) + " or longer");
        }
        if (!problems.isEmpty()) {
            return new Reading(null, List.copyOf(problems));
        }
        return new Reading(new HealthSettings(window, poll, follow, scan, lookups), List.of());
    }

    /** {@code healthWindow=5m, healthPollInterval=5s, ...}: the settings in the configuration's own terms. */
    @Override
    public String toString() {
        return "healthWindow=" + Durations.format(window) + ", healthPollInterval=" + Durations.format(pollInterval)
                + ", healthFollowFor=" + Durations.format(followFor) + ", healthScanLimit=" + scanLimit
                + ", healthFailureLookups=" + failureLookups;
    }

    private static Duration duration(List<String> problems, String attribute, Supplier<String> value, Duration min,
            Duration max) {
        try {
            return Durations.parse(attribute, value.get(), min, max);
        } catch (RuntimeException e) {
            problems.add(e.getMessage());
            return null;
        }
    }

    private static int number(List<String> problems, String attribute, IntSupplier value, int min, int max) {
        String allowed = "; write a whole number from " + min + " to " + max;
        try {
            int number = value.getAsInt();
            if (number >= min && number <= max) {
                return number;
            }
            problems.add(attribute + " is " + number + allowed);
        } catch (RuntimeException e) {
            // Declarative Services could not convert the configured value (e.g. "lots" for a number)
            problems.add(attribute + " is not a number (" + e.getMessage() + ")" + allowed);
        }
        return min;
    }

    /**
     * A configuration as read.
     *
     * @param settings the settings it describes; null if any value was refused
     * @param problems one line per refused value; empty if the settings are usable
     */
    record Reading(HealthSettings settings, List<String> problems) {
    }
}
