package org.symphainy.sdk.governance;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;
import org.symphainy.sdk.internal.Checks;

/**
 * What-if for a policy change, before it is applied: decides the most recent recorded intents under a candidate policy
 * and under the policy in force, with the principal recorded with each, and reports the decisions that would flip. A
 * service of the City Manager; the admin console serves it. Nothing is changed and no quota is taken.
 */
@ProviderType
public interface PolicyAdvisor {

    /** The most intents one what-if examines. */
    int MAX_INTENTS = 100_000;

    /**
     * Compares {@code candidatePolicy} (a policy document, JSON text) with the policy in force on the last
     * {@code lastIntents} recorded executions, newest first.
     *
     * @throws IllegalArgumentException if the candidate cannot be used, saying where and what is wrong, or if
     *         {@code lastIntents} is not between 1 and {@link #MAX_INTENTS}
     * @throws IllegalStateException if the Runtime is not available to read the recorded intents from
     */
    WhatIf whatIf(String candidatePolicy, int lastIntents);

    /**
     * The policy document in force, as JSON text: what was last loaded and compiled (a document that was rejected is
     * not in force), or the platform's secure default while there is no policy.
     */
    String policyInForce();

    /**
     * The outcome of a what-if.
     *
     * @param examined how many recorded intents were decided under both policies
     * @param flips the decisions that would change, newest first
     */
    record WhatIf(int examined, List<Flip> flips) {

        /** Copies the flips. */
        public WhatIf {
            flips = Checks.list("flips", flips);
        }
    }

    /**
     * A recorded intent whose policy decision would change.
     *
     * @param executionId its execution
     * @param intentType its type
     * @param tenant its tenant
     * @param actor who submitted it
     * @param before the decision under the policy in force, such as {@code allow by 'editors'}
     * @param after the decision under the candidate, such as {@code deny (no rule)} or {@code approve by 'big'}
     */
    record Flip(String executionId, String intentType, String tenant, String actor, String before, String after) {
    }
}
