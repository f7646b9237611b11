package org.symphainy.securityguard.internal;

import java.time.Instant;

import org.symphainy.sdk.identity.ApiKeys.ApiKeyInfo;
import org.symphainy.sdk.identity.Principal;

/**
 * An API key as the key file keeps it: who it proves, its label, when it was created and revoked, and the hash of its
 * secret (never the secret).
 *
 * @param keyId the key's public id
 * @param principal who the key proves, authenticated by {@value #AUTHENTICATED_BY}
 * @param label what it is for
 * @param createdAt when it was created
 * @param revokedAt when it was revoked; null while active
 * @param hash the slow salted hash of its secret
 */
record StoredKey(String keyId, Principal principal, String label, Instant createdAt, Instant revokedAt, KeyHash hash) {

    /** The {@code authenticatedBy} of every principal an API key proves. */
    static final String AUTHENTICATED_BY = "api-key";

    /** True while the key is not revoked. */
    boolean active() {
        return revokedAt == null;
    }

    /** This key, revoked at {@code instant}. */
    StoredKey revokedAt(Instant instant) {
        return new StoredKey(keyId, principal, label, createdAt, instant, hash);
    }

    /** What the {@code ApiKeys} service shows of it. */
    ApiKeyInfo info() {
        return new ApiKeyInfo(keyId, principal, label, createdAt, revokedAt);
    }
}
