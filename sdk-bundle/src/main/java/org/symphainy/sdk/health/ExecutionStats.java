package org.symphainy.sdk.health;

import java.util.List;

import org.symphainy.sdk.internal.Checks;

/**
 * One intent type's executions over the report's window: those that ended in it, and those still running now.
 *
 * @param completed executions that completed in the window
 * @param failed executions that failed in the window
 * @param running executions accepted but not ended when last looked at (awaiting approval, accepted or running)
 * @param failureRate {@code failed / (completed + failed)}, 0 to 1; 0 when none ended
 * @param failureCodes the most frequent failure codes, most frequent first (at most five)
 * @param unclassifiedFailures failures whose code was not looked up (the Nurse looks up a bounded number per poll)
 */
public record ExecutionStats(long completed, long failed, long running, double failureRate,
        List<FailureCount> failureCodes, long unclassifiedFailures) {

    /** No executions at all. */
    public static final ExecutionStats NONE = new ExecutionStats(0, 0, 0, 0, List.of(), 0);

    /** Checks every value and copies the list. */
    public ExecutionStats {
        if (completed < 0 || failed < 0 || running < 0 || unclassifiedFailures < 0 || unclassifiedFailures > failed) {
            throw new IllegalArgumentException("execution counts must not be negative, and unclassified failures ("
                    + unclassifiedFailures + ") cannot exceed failures (" + failed + ")");
        }
        if (!(failureRate >= 0 && failureRate <= 1)) {
            throw new IllegalArgumentException("failureRate is " + failureRate + "; it must be between 0 and 1");
        }
        failureCodes = Checks.list("failureCodes", failureCodes);
    }

    /** Executions that ended in the window. */
    public long ended() {
        return completed + failed;
    }
}
