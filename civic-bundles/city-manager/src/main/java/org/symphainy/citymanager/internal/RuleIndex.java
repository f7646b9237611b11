package org.symphainy.citymanager.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Finds the rules that may apply to an intent without scanning them all: rules are indexed by exact intent type and by
 * prefix, and the candidates for one (type, tenant) pair — every rule whose pattern and tenant fit, in document order —
 * are computed once and cached. A lookup is then two hash look-ups, however many rules the policy has. The cache holds
 * at most {@value #MAX_CACHED} pairs; beyond that candidates are computed on each call (a few hash look-ups more).
 */
final class RuleIndex {

    static final int MAX_CACHED = 100_000;

    private static final PolicyRule[] NONE = new PolicyRule[0];

    private final Map<String, List<PolicyRule>> byType = new HashMap<>();
    private final Map<String, List<PolicyRule>> byPrefix = new HashMap<>();
    private final List<PolicyRule> everyType = new ArrayList<>();
    private final ConcurrentHashMap<String, ConcurrentHashMap<String, PolicyRule[]>> cache = new ConcurrentHashMap<>();
    private final AtomicInteger cached = new AtomicInteger();

    RuleIndex(List<PolicyRule> rules) {
        for (PolicyRule rule : rules) {
            IntentPattern pattern = rule.intent();
            if (pattern.exact()) {
                byType.computeIfAbsent(pattern.text(), k -> new ArrayList<>()).add(rule);
            } else if (pattern.prefix().isEmpty()) {
                everyType.add(rule);
            } else {
                byPrefix.computeIfAbsent(pattern.prefix(), k -> new ArrayList<>()).add(rule);
            }
        }
    }

    /** The rules that apply to intents of {@code type} in {@code tenant}, in document order. */
    PolicyRule[] candidates(String type, String tenant) {
        ConcurrentHashMap<String, PolicyRule[]> byTenant = cache.get(type);
        PolicyRule[] found = byTenant == null ? null : byTenant.get(tenant);
        if (found != null) {
            return found;
        }
        PolicyRule[] computed = compute(type, tenant);
        if (cached.get() < MAX_CACHED) {
            if (cache.computeIfAbsent(type, k -> new ConcurrentHashMap<>()).putIfAbsent(tenant, computed) == null) {
                cached.incrementAndGet();
            }
        }
        return computed;
    }

    private PolicyRule[] compute(String type, String tenant) {
        List<PolicyRule> rules = new ArrayList<>();
        add(rules, byType.get(type), tenant);
        for (int dot = type.indexOf('.'); dot >= 0; dot = type.indexOf('.', dot + 1)) {
            add(rules, byPrefix.get(type.substring(0, dot + 1)), tenant);
        }
        add(rules, everyType, tenant);
        if (rules.isEmpty()) {
            return NONE;
        }
        PolicyRule[] sorted = rules.toArray(NONE);
        Arrays.sort(sorted, Comparator.comparingInt(PolicyRule::order));
        return sorted;
    }

    private static void add(List<PolicyRule> into, List<PolicyRule> rules, String tenant) {
        if (rules != null) {
            for (PolicyRule rule : rules) {
                if (rule.appliesToTenant(tenant)) {
                    into.add(rule);
                }
            }
        }
    }
}
