package org.symphainy.citymanager.internal;

/**
 * What the policy rules say about one intent.
 *
 * @param allowed whether the intent may run
 * @param approval true if it may run only once a second principal approves it (an {@code "approve"} rule)
 * @param ruleId the rule that decided; null when no rule matched (a denial)
 * @param reason why, in plain words that say what to do
 */
public record PolicyVerdict(boolean allowed, boolean approval, String ruleId, String reason) {

    /** {@code allow by 'rule'}, {@code approve by 'rule'}, {@code deny by 'rule'} or {@code deny (no rule)}. */
    public String summary() {
        return effect() + (ruleId == null ? " (no rule)" : " by '" + ruleId + "'");
    }

    /** {@code allow}, {@code approve} or {@code deny}. */
    public String effect() {
        return approval ? "approve" : allowed ? "allow" : "deny";
    }
}
