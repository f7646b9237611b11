package org.symphainy.citymanager.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How many executions each tenant may have in flight at once (accepted and not ended, not counting those waiting for
 * approval): a default and {@code <tenant>=<count>} or {@code <tenant>=unlimited} overrides. Unlike the rate quota,
 * which smooths arrivals, this bounds the work a tenant holds in the runtime at any moment, so one tenant's slow
 * handlers cannot take every worker.
 *
 * @param defaultLimit every tenant's limit unless overridden; {@link Integer#MAX_VALUE} for unlimited
 * @param byTenant the overrides
 * @param problems what could not be read, each saying how to fix it (the entry is left out: its tenant keeps the default)
 */
record InFlightQuotas(int defaultLimit, Map<String, Integer> byTenant, List<String> problems) {

    static final int UNLIMITED = Integer.MAX_VALUE;

    /** The quotas from {@code defaultLimit} and {@code overrides} (an array, or comma-separated in one value). */
    static InFlightQuotas read(String defaultLimit, String[] overrides) {
        List<String> problems = new ArrayList<>();
        int fallback;
        try {
            fallback = parse(defaultLimit);
        } catch (IllegalArgumentException e) {
            problems.add("maxInFlight: " + e.getMessage() + "; using 1000");
            fallback = 1_000;
        }
        Map<String, Integer> byTenant = new HashMap<>();
        for (String value : overrides == null ? new String[0] : overrides) {
            for (String entry : value == null ? new String[0] : value.split(",")) {
                if (entry.isBlank()) {
                    continue;
                }
                int equals = entry.indexOf('=');
                if (equals <= 0) {
                    problems.add("inFlightQuotas entry '" + entry.trim() + "' is not '<tenant>=<count>' (such as "
                            + "'acme=200') or '<tenant>=unlimited'; ignored");
                    continue;
                }
                try {
                    byTenant.put(entry.substring(0, equals).trim(), parse(entry.substring(equals + 1)));
                } catch (IllegalArgumentException e) {
                    problems.add("inFlightQuotas entry '" + entry.trim() + "': " + e.getMessage()
                            + "; ignored, the tenant keeps the default");
                }
            }
        }
        return new InFlightQuotas(fallback, Map.copyOf(byTenant), List.copyOf(problems));
    }

    /** The limit of {@code tenant}. */
    int limit(String tenant) {
        return byTenant.getOrDefault(tenant, defaultLimit);
    }

    /** {@code 200}, or {@code unlimited}. */
    static String describe(int limit) {
        return limit == UNLIMITED ? "unlimited" : Integer.toString(limit);
    }

    private static int parse(String text) {
        String value = text == null ? "" : text.trim();
        if (value.equals("unlimited")) {
            return UNLIMITED;
        }
        try {
            int limit = Integer.parseInt(value);
            if (limit >= 1) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new IllegalArgumentException("'" + value + "' is not a count of 1 or more, or 'unlimited'");
    }
}
