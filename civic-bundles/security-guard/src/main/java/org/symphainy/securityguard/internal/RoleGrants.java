package org.symphainy.securityguard.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The grants of one role, arranged for matching an intent type fast: a hash lookup for exact types, then a short scan of
 * the prefixes. Immutable once built.
 */
final class RoleGrants {

    private final String role;
    private final Grant all;
    private final Map<String, Grant> exact;
    private final String[] prefixes;
    private final Grant[] prefixGrants;

    private RoleGrants(Builder builder) {
        this.role = builder.role;
        this.all = builder.all;
        this.exact = Map.copyOf(builder.exact);
        this.prefixes = builder.prefixes.toArray(String[]::new);
        this.prefixGrants = builder.prefixGrants.toArray(Grant[]::new);
    }

    /** The role these grants belong to. */
    String role() {
        return role;
    }

    /** The grant that covers {@code type}, or null if none does. */
    Grant match(String type) {
        if (all != null) {
            return all;
        }
        Grant grant = exact.get(type);
        if (grant != null) {
            return grant;
        }
        for (int i = 0; i < prefixes.length; i++) {
            if (type.startsWith(prefixes[i])) {
                return prefixGrants[i];
            }
        }
        return null;
    }

    /** Collects one role's patterns; {@link #add} expects a pattern {@link GrantTable} has checked. */
    static final class Builder {

        private final String role;
        private Grant all;
        private final Map<String, Grant> exact = new HashMap<>();
        private final List<String> prefixes = new ArrayList<>();
        private final List<Grant> prefixGrants = new ArrayList<>();

        Builder(String role) {
            this.role = role;
        }

        /** Adds {@code pattern}: {@code *}, {@code a.b.*} (the prefix {@code a.b.}) or an exact type. */
        Builder add(String pattern) {
            Grant grant = new Grant(role, pattern);
            if (pattern.equals(GrantTable.EVERY_TYPE)) {
                all = grant;
            } else if (pattern.endsWith(".*")) {
                String prefix = pattern.substring(0, pattern.length() - 1);
                if (!prefixes.contains(prefix)) {
                    prefixes.add(prefix);
                    prefixGrants.add(grant);
                }
            } else {
                exact.putIfAbsent(pattern, grant);
            }
            return this;
        }

        RoleGrants build() {
            return new RoleGrants(this);
        }
    }
}
