package org.symphainy.sdk.identity;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Proves who presents a credential (a service of the Security Guard role bundle): an API key, or a signed JWT.
 */
@ProviderType
public interface Authenticator {

    /**
     * The principal {@code credential} proves.
     *
     * @throws AuthenticationException (code {@code UNAUTHENTICATED}) if it proves nothing: unknown or revoked key,
     *         expired, tampered or wrongly signed token, unknown signing key — with the reason in the message
     */
    Principal authenticate(String credential);
}
