package org.symphainy.citymanager.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.symphainy.sdk.identity.Principal;
import org.symphainy.sdk.intent.Intent;

/**
 * What-if for a policy change: decides recent intents under the policy in force and under a candidate, and reports
 * the decisions that would flip (allowed, allowed on approval, denied) with the rules that decide each side. Only the policy rules
 * are compared: tenants and quotas do not change with a policy, and a what-if takes no quota tokens. Thread-safe and
 * free of side effects.
 */
public final class PolicyWhatIf {

    private PolicyWhatIf() {
    }

    /** Compares {@code current} with {@code candidate} on {@code samples}. */
    static Report compare(Policy current, Policy candidate, List<Sample> samples) {
        List<Flip> flips = new ArrayList<>();
        for (Sample sample : samples) {
            PolicyVerdict before = current.decide(sample.facts());
            PolicyVerdict after = candidate.decide(sample.facts());
            if (before.allowed() != after.allowed() || before.approval() != after.approval()) {
                flips.add(new Flip(sample, before, after));
            }
        }
        return new Report(samples.size(), List.copyOf(flips));
    }

    /**
     * A recent intent and the principal that submitted it.
     *
     * @param intent the intent
     * @param principal its session's principal; null if none was known
     */
    public record Sample(Intent intent, Principal principal) {

        /** Checks the intent is present. */
        public Sample {
            Objects.requireNonNull(intent, "a what-if sample needs its intent");
        }

        IntentFacts facts() {
            return new IntentFacts(intent, Optional.ofNullable(principal));
        }
    }

    /**
     * A decision that would change.
     *
     * @param sample the intent and its principal
     * @param before its verdict under the policy in force
     * @param after its verdict under the candidate
     */
    public record Flip(Sample sample, PolicyVerdict before, PolicyVerdict after) {

        /** The intent whose decision flips. */
        public Intent intent() {
            return sample.intent();
        }

        /** {@code content.ingest@acme: allow by 'a' -> deny by 'b'}. */
        @Override
        public String toString() {
            return intent().type() + "@" + intent().tenant() + ": " + before.summary() + " -> " + after.summary();
        }
    }

    /**
     * The outcome of a what-if.
     *
     * @param examined how many intents were decided under both policies
     * @param flips the decisions that would flip, in the order of the samples
     */
    public record Report(int examined, List<Flip> flips) {
    }
}
