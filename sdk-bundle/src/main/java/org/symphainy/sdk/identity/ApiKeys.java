package org.symphainy.sdk.identity;

import java.util.List;
import java.util.Set;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The API keys the Security Guard knows (a service of the Security Guard role bundle). A key's secret is shown once,
 * when it is created; the Security Guard keeps only a slow salted hash of it.
 */
@ProviderType
public interface ApiKeys {

    /**
     * Creates a key for {@code actor} in {@code tenant} with {@code roles}; the returned {@link IssuedKey} holds the
     * secret, which cannot be read again.
     */
    IssuedKey create(String tenant, String actor, Set<String> roles, String label);

    /** Revokes a key at once; false if no active key has this id. */
    boolean revoke(String keyId);

    /** Every key, active or revoked, without secrets. */
    List<ApiKeyInfo> list();

    /**
     * A key just created.
     *
     * @param info what the Security Guard keeps of it
     * @param secret the credential to hand to its owner: shown now, never again
     */
    record IssuedKey(ApiKeyInfo info, String secret) {
        @Override
        public String toString() {
            return "IssuedKey[" + info + ", secret=<hidden>]";
        }
    }

    /**
     * An API key as the Security Guard keeps it, without its secret.
     *
     * @param keyId the key's public id (also the first part of the credential)
     * @param principal who the key authenticates
     * @param label what it is for, as its creator said
     * @param createdAt when it was created
     * @param revokedAt when it was revoked, or null while active
     */
    record ApiKeyInfo(String keyId, Principal principal, String label, java.time.Instant createdAt,
            java.time.Instant revokedAt) {
    }
}
