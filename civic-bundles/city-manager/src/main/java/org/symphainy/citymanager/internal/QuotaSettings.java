package org.symphainy.citymanager.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Reads the quota configuration: a default {@link QuotaLimit} and {@code <tenant>=<limit>} overrides (an array, or
 * comma-separated in one value). An entry that
 * cannot be read is reported and left out (its tenant keeps the default: still limited), so one typo does not take
 * the City Manager down.
 *
 * @param quotas the quotas, built
 * @param problems what could not be read, each saying how to fix it
 */
record QuotaSettings(TenantQuotas quotas, List<String> problems) {

    /** The settings from {@code defaultQuota} and {@code overrides}, on {@code clock}. */
    static QuotaSettings read(String defaultQuota, String[] overrides, LongSupplier clock) {
        List<String> problems = new ArrayList<>();
        QuotaLimit defaultLimit;
        try {
            defaultLimit = QuotaLimit.parse(defaultQuota);
        } catch (IllegalArgumentException e) {
            problems.add("defaultQuota: " + e.getMessage() + "; using 100/200");
            defaultLimit = QuotaLimit.of(100, 200);
        }
        Map<String, QuotaLimit> byTenant = new HashMap<>();
        for (String entry : entries(overrides)) {
            int equals = entry.indexOf('=');
            if (equals <= 0) {
                problems.add("quotas entry '" + entry + "' is not '<tenant>=<rate>/<burst>' (such as 'acme=50/100'); "
                        + "ignored");
                continue;
            }
            try {
                byTenant.put(entry.substring(0, equals).trim(), QuotaLimit.parse(entry.substring(equals + 1)));
            } catch (IllegalArgumentException e) {
                problems.add("quotas entry '" + entry + "': " + e.getMessage() + "; ignored, the tenant keeps the default");
            }
        }
        return new QuotaSettings(new TenantQuotas(defaultLimit, byTenant, clock), List.copyOf(problems));
    }

    /** The non-blank entries; one value may hold several, comma-separated (as a {@code .cfg} file gives them). */
    private static List<String> entries(String[] overrides) {
        List<String> entries = new ArrayList<>();
        for (String value : overrides == null ? new String[0] : overrides) {
            for (String entry : value == null ? new String[0] : value.split(",")) {
                if (!entry.isBlank()) {
                    entries.add(entry.trim());
                }
            }
        }
        return entries;
    }
}
