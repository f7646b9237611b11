package org.symphainy.nurse.internal;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.symphainy.sdk.runtime.RetryPolicy;

/**
 * The retry policies in force, immutable, with a lookup for {@link #forIntent} that the Runtime asks at every step
 * failure: the policy of the exact type, else of the longest matching prefix, else of {@code *}, else the default.
 * Resolved answers are remembered per type (up to {@link #CACHE_LIMIT} types), so a repeated question is one hash lookup.
 */
final class PolicyTable {

    /** Most intent types whose answer is remembered; beyond, answers are resolved each time (still a few lookups). */
    static final int CACHE_LIMIT = 10_000;

    private final RetryPolicy defaultPolicy;
    private final Map<String, RetryPolicy> byPattern;
    private final Map<String, RetryPolicy> exact = new HashMap<>();
    private final Map<String, RetryPolicy> prefixes = new HashMap<>();
    private final RetryPolicy any;
    private final ConcurrentHashMap<String, RetryPolicy> resolved = new ConcurrentHashMap<>();

    /** The table of {@code defaultPolicy} and the overrides {@code byPattern} (pattern text to policy, in order). */
    PolicyTable(RetryPolicy defaultPolicy, Map<IntentPattern, RetryPolicy> byPattern) {
        this.defaultPolicy = defaultPolicy;
        Map<String, RetryPolicy> texts = new LinkedHashMap<>();
        RetryPolicy star = null;
        for (Map.Entry<IntentPattern, RetryPolicy> entry : byPattern.entrySet()) {
            IntentPattern pattern = entry.getKey();
            texts.put(pattern.text(), entry.getValue());
            if (pattern.exact()) {
                exact.put(pattern.text(), entry.getValue());
            } else if (pattern.any()) {
                star = entry.getValue();
            } else {
                prefixes.put(pattern.prefix(), entry.getValue());
            }
        }
        this.byPattern = Collections.unmodifiableMap(texts);
        this.any = star;
    }

    /** Only the default policy. */
    static PolicyTable of(RetryPolicy defaultPolicy) {
        return new PolicyTable(defaultPolicy, Map.of());
    }

    /** The policy of {@code intentType}: the most specific override that matches, or the default. */
    RetryPolicy forIntent(String intentType) {
        if (intentType == null) {
            return any != null ? any : defaultPolicy;
        }
        RetryPolicy policy = resolved.get(intentType);
        if (policy != null) {
            return policy;
        }
        policy = resolve(intentType);
        if (resolved.size() < CACHE_LIMIT) {
            resolved.putIfAbsent(intentType, policy);
        }
        return policy;
    }

    /** The default policy: for every intent type no override matches. */
    RetryPolicy defaultPolicy() {
        return defaultPolicy;
    }

    /** The overrides, by pattern as written. */
    Map<String, RetryPolicy> overrides() {
        return byPattern;
    }

    /** {@code default maxAttempts:10,...; content.*=maxAttempts:3,...}: the table in the configuration's syntax. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("default ").append(PolicySyntax.format(defaultPolicy));
        byPattern.forEach((pattern, policy) -> text.append("; ").append(pattern).append('=')
                .append(PolicySyntax.format(policy)));
        return text.toString();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PolicyTable that && defaultPolicy.equals(that.defaultPolicy)
                && byPattern.equals(that.byPattern);
    }

    @Override
    public int hashCode() {
        return defaultPolicy.hashCode() * 31 + byPattern.hashCode();
    }

    /** The exact type's policy, else the longest prefix's (walking back dot by dot), else {@code *}'s, else the default. */
    private RetryPolicy resolve(String intentType) {
        RetryPolicy policy = exact.get(intentType);
        if (policy != null) {
            return policy;
        }
        if (!prefixes.isEmpty()) {
            for (int dot = intentType.lastIndexOf('.'); dot > 0; dot = intentType.lastIndexOf('.', dot - 1)) {
                policy = prefixes.get(intentType.substring(0, dot + 1));
                if (policy != null) {
                    return policy;
                }
            }
        }
        return any != null ? any : defaultPolicy;
    }
}
