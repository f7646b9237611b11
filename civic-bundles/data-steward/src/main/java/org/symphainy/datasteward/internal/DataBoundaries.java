package org.symphainy.datasteward.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Which data sources each tenant may reference: per tenant, the patterns of configuration {@code boundaries}. Tenant
 * {@value #SYSTEM} may reference every source unless the configuration names it; a tenant the configuration does not
 * name may reference none. Immutable.
 */
final class DataBoundaries {

    /** The platform's own tenant, which may reference every source unless configured otherwise. */
    static final String SYSTEM = "system";

    /** The secure default: {@code system} every source, every other tenant none. */
    static final DataBoundaries SECURE_DEFAULT = new DataBoundaries(Map.of());

    private static final String NONE = "no data source";

    private final Map<String, List<NamePattern>> byTenant;
    private final Map<String, String> descriptions;

    /** The boundaries of the configured tenants, with {@code system=*} unless {@code configured} names system. */
    DataBoundaries(Map<String, List<NamePattern>> configured) {
        Map<String, List<NamePattern>> copy = new HashMap<>();
        configured.forEach((tenant, patterns) -> copy.put(tenant, List.copyOf(patterns)));
        copy.putIfAbsent(SYSTEM, List.of(NamePattern.ALL));
        this.byTenant = Map.copyOf(copy);
        this.descriptions = byTenant.entrySet().stream().collect(Collectors.toUnmodifiableMap(Map.Entry::getKey,
                entry -> entry.getValue().isEmpty() ? NONE : entry.getValue().stream().map(NamePattern::text)
                        .collect(Collectors.joining(", "))));
    }

    /** The sources of {@code sources} outside {@code tenant}'s boundary, in their order; empty if all are inside. */
    List<String> outside(String tenant, Collection<String> sources) {
        List<NamePattern> patterns = byTenant.getOrDefault(tenant, List.of());
        List<String> outside = null;
        for (String source : sources) {
            if (!anyMatches(patterns, source)) {
                if (outside == null) {
                    outside = new ArrayList<>(sources.size());
                }
                outside.add(source);
            }
        }
        return outside == null ? List.of() : outside;
    }

    /** {@code crm.*, erp.orders}, or {@code no data source} for a tenant without a boundary. */
    String describe(String tenant) {
        return descriptions.getOrDefault(tenant, NONE);
    }

    /** How many tenants have a boundary ({@code system} included). */
    int tenants() {
        return byTenant.size();
    }

    private static boolean anyMatches(List<NamePattern> patterns, String source) {
        for (NamePattern pattern : patterns) {
            if (pattern.matches(source)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return byTenant.keySet().stream().sorted().map(tenant -> tenant + "=" + describe(tenant))
                .collect(Collectors.joining("; "));
    }
}
