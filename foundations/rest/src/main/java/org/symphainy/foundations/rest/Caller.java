package org.symphainy.foundations.rest;

import java.util.Objects;

import jakarta.ws.rs.container.ContainerRequestContext;

import org.symphainy.sdk.identity.Principal;

/**
 * Who sent a request, as the {@link AuthenticationFilter} proved it: the principal and the session its intents name.
 *
 * @param principal the authenticated principal
 * @param sessionId the session intents are submitted under (a credential itself: never shown or logged whole)
 */
public record Caller(Principal principal, String sessionId) {

    /** The request property the filter stores the caller under. */
    public static final String PROPERTY = "org.symphainy.foundations.rest.caller";

    /** The role that may see every tenant's executions. */
    public static final String ADMIN_ROLE = "admin";

    public Caller {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(sessionId, "sessionId");
    }

    /** The caller the {@link AuthenticationFilter} proved for {@code request}; 401 if it proved none. */
    public static Caller of(ContainerRequestContext request) {
        if (request != null && request.getProperty(PROPERTY) instanceof Caller caller) {
            return caller;
        }
        throw new ProblemException(Problems.unauthenticated("no credential was checked for this request: send "
                + "Authorization: Bearer <session token, API key or JWT>", false));
    }

    /** True if the caller may see executions of {@code tenant}: its own, or any for an administrator. */
    public boolean maySee(String tenant) {
        return principal.tenant().equals(tenant) || isAdmin();
    }

    /** True if the caller holds the administrator role. */
    public boolean isAdmin() {
        return principal.hasRole(ADMIN_ROLE);
    }

    @Override
    public String toString() {
        return principal.toString();
    }
}
