package org.symphainy.securityguard.internal;

/**
 * One configured grant: {@code role} may submit the intent types {@code pattern} matches (an exact type such as
 * {@code insights.analyze}, a prefix such as {@code content.*}, or {@code *} for every type). Created once, when the
 * configuration is read, and handed out by {@link GrantTable} without allocating.
 *
 * @param role the role that holds the grant
 * @param pattern the intent types it covers, as configured
 */
record Grant(String role, String pattern) {

    /** {@code role 'content-editor' grants 'content.*'}, as decisions name a grant. */
    @Override
    public String toString() {
        return "role '" + role + "' grants '" + pattern + "'";
    }
}
