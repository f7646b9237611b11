package org.symphainy.citymanager.internal;

/**
 * What the policy rules say about one intent.
 *
 * @param allowed whether the intent may run
 * @param ruleId the rule that decided; null when no rule matched (a denial)
 * @param reason why, in plain words that say what to do
 */
public record PolicyVerdict(boolean allowed, String ruleId, String reason) {

    /** {@code allow by 'rule'}, {@code deny by 'rule'} or {@code deny (no rule)}. */
    public String summary() {
        return (allowed ? "allow" : "deny") + (ruleId == null ? " (no rule)" : " by '" + ruleId + "'");
    }
}
