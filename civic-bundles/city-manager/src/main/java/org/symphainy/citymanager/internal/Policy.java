package org.symphainy.citymanager.internal;

import java.util.List;

import org.symphainy.sdk.intent.Intent;

/**
 * A compiled, immutable policy: an ordered list of rules where the first rule that matches an intent decides, and an
 * intent no rule matches is denied. A deny rule whose condition cannot be evaluated for an intent counts as matching,
 * an allow rule as not matching: an evaluation error never widens access. Thread-safe.
 */
final class Policy {

    private final List<PolicyRule> rules;
    private final RuleIndex index;
    private final String origin;
    private final boolean secureDefault;

    /** {@code rules} in document order, read from {@code origin} (a file, or what a what-if was given). */
    Policy(List<PolicyRule> rules, String origin, boolean secureDefault) {
        this.rules = List.copyOf(rules);
        this.index = new RuleIndex(this.rules);
        this.origin = origin;
        this.secureDefault = secureDefault;
    }

    /** The rules, in document order. */
    List<PolicyRule> rules() {
        return rules;
    }

    /** Where the rules came from. */
    String origin() {
        return origin;
    }

    /** True for the built-in policy in force when there is no policy file. */
    boolean secureDefault() {
        return secureDefault;
    }

    /** The verdict of the first rule that matches, or a denial naming what to add. */
    PolicyVerdict decide(IntentFacts facts) {
        Intent intent = facts.intent();
        for (PolicyRule rule : index.candidates(intent.type(), intent.tenant())) {
            if (rule.condition() == null) {
                return verdict(rule, intent, null);
            }
            try {
                if (rule.condition().test(facts)) {
                    return verdict(rule, intent, null);
                }
            } catch (PolicyLanguage.EvaluationFailed e) {
                if (!rule.allow()) {
                    return verdict(rule, intent, e.getMessage());
                }
            }
        }
        return new PolicyVerdict(false, false, null, noRule(intent));
    }

    private static PolicyVerdict verdict(PolicyRule rule, Intent intent, String evaluationError) {
        StringBuilder reason = new StringBuilder("policy rule '").append(rule.id()).append("' ")
                .append(rule.approval() ? "requires a second principal's approval of" : rule.allow() ? "allows" : "denies")
                .append(" intent '").append(intent.type())
                .append("' for tenant '").append(intent.tenant()).append('\'');
        if (rule.reason() != null) {
            reason.append(": ").append(rule.reason());
        }
        if (evaluationError != null) {
            reason.append(" (its condition could not be evaluated, which denies: ").append(evaluationError)
                    .append("; guard optional payload fields with has(payload.field))");
        }
        return new PolicyVerdict(rule.allow(), rule.approval(), rule.id(), reason.toString());
    }

    private String noRule(Intent intent) {
        String base = "no policy allows intent '" + intent.type() + "' for tenant '" + intent.tenant() + "'";
        if (secureDefault) {
            return base + "; no policy file is in force (" + origin + "), so only the bootstrap administrator (role "
                    + "'admin' in tenant 'system') may submit platform.* intents: write rules to that file, such as "
                    + "{\"id\": \"...\", \"effect\": \"allow\", \"intent\": \"" + intent.type() + "\", \"tenant\": \""
                    + intent.tenant() + "\"}";
        }
        return base + "; add a rule to " + origin + " such as {\"id\": \"...\", \"effect\": \"allow\", \"intent\": \""
                + intent.type() + "\", \"tenant\": \"" + intent.tenant() + "\"}";
    }
}
