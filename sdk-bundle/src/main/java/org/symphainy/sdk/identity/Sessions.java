package org.symphainy.sdk.identity;

import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The sessions the Traffic Cop keeps (a service of the Traffic Cop role bundle). Experience opens one for a principal
 * the {@link Authenticator} proved; the Runtime looks up the session an intent names.
 */
@ProviderType
public interface Sessions {

    /** Opens a session for {@code principal}, with the Traffic Cop's configured lifetime. */
    Session open(Principal principal);

    /** The session with this id if it is active now: known, not expired and not revoked. */
    Optional<Session> find(String sessionId);

    /** Revokes a session at once; false if no active session has this id. */
    boolean revoke(String sessionId);
}
