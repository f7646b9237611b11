package org.symphainy.sdk.identity;

import java.util.Set;
import java.util.TreeSet;

import org.symphainy.sdk.internal.Checks;

/**
 * An authenticated party: the actor, the tenant it acts in, its roles, and how it proved who it is.
 *
 * @param tenant the tenant the principal acts in
 * @param actor the principal's id within the tenant (a user, a service account)
 * @param roles the roles granted to it, such as {@code admin} or {@code content-editor}
 * @param authenticatedBy how it was authenticated, such as {@code api-key} or {@code jwt}
 */
public record Principal(String tenant, String actor, Set<String> roles, String authenticatedBy) {

    /** Checks every value; the roles are kept sorted and unmodifiable. */
    public Principal {
        Checks.id("tenant", tenant);
        Checks.id("actor", actor);
        Checks.present("roles", roles);
        roles.forEach(role -> Checks.id("role", role));
        roles = Set.copyOf(new TreeSet<>(roles));
        Checks.id("authenticatedBy", authenticatedBy);
    }

    /** True if the principal was granted {@code role}. */
    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    /** {@code alice@acme}, as logs and reasons name a principal. */
    @Override
    public String toString() {
        return actor + "@" + tenant;
    }
}
