package org.symphainy.nurse.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.symphainy.sdk.runtime.RetryPolicy;

/**
 * Reads the retry part of a {@link NurseConfig} ({@code defaultPolicy} and {@code policies}) into a {@link PolicyTable},
 * or into one problem per bad value or entry, naming it and saying what to write instead. A configuration with any
 * problem yields no table: the caller keeps the one in force, so a typo never half-applies.
 */
final class RetrySettings {

    private RetrySettings() {
    }

    /**
     * The table {@code defaultPolicy} and {@code policies} describe, and the problems found; the table is null if any.
     *
     * @param defaultPolicy the default policy's fields over {@link RetryPolicy#DEFAULT}; blank for that default
     * @param policies overrides, each value one or more {@code pattern=policy} entries separated by {@code ;}
     */
    static Reading read(String defaultPolicy, String[] policies) {
        List<String> problems = new ArrayList<>();
        RetryPolicy base = RetryPolicy.DEFAULT;
        if (defaultPolicy != null && !defaultPolicy.isBlank()) {
            try {
                base = PolicySyntax.parse(defaultPolicy, RetryPolicy.DEFAULT);
            } catch (IllegalArgumentException e) {
                problems.add("defaultPolicy '" + defaultPolicy.trim() + "': " + e.getMessage());
            }
        }
        Map<IntentPattern, RetryPolicy> overrides = new LinkedHashMap<>();
        Map<String, String> entryOf = new LinkedHashMap<>();
        for (String entry : entries(policies)) {
            String problem = readEntry(entry, base, overrides, entryOf);
            if (problem != null) {
                problems.add("policies entry '" + entry + "': " + problem);
            }
        }
        if (!problems.isEmpty()) {
            return new Reading(null, List.copyOf(problems));
        }
        return new Reading(new PolicyTable(base, overrides), List.of());
    }

    /** Reads one {@code pattern=policy} entry into {@code overrides}; returns what is wrong with it, or null. */
    private static String readEntry(String entry, RetryPolicy base, Map<IntentPattern, RetryPolicy> overrides,
            Map<String, String> entryOf) {
        int equals = entry.indexOf('=');
        if (equals < 0) {
            return "not '<pattern>=<policy>'; write e.g. content.ingest=maxAttempts:5,initialInterval:500ms";
        }
        try {
            IntentPattern pattern = IntentPattern.parse(entry.substring(0, equals).trim());
            String previous = entryOf.putIfAbsent(pattern.text(), entry);
            if (previous != null) {
                return "pattern " + pattern.text() + " is given twice (also in '" + previous + "'); keep one entry per "
                        + "pattern";
            }
            overrides.put(pattern, PolicySyntax.parse(entry.substring(equals + 1), base));
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    /** Every non-blank entry of {@code policies}, each value split at {@code ;}, trimmed. */
    private static List<String> entries(String[] policies) {
        List<String> entries = new ArrayList<>();
        if (policies != null) {
            for (String value : policies) {
                for (String entry : value == null ? new String[0] : value.split(";")) {
                    if (!entry.isBlank()) {
                        entries.add(entry.trim());
                    }
                }
            }
        }
        return entries;
    }

    /**
     * A configuration as read.
     *
     * @param table the policies it describes; null if anything was refused
     * @param problems one line per refused value or entry; empty if the table is usable
     */
    record Reading(PolicyTable table, List<String> problems) {
    }
}
