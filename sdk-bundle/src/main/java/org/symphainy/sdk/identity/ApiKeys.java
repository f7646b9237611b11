package org.symphainy.sdk.identity;

import java.util.List;
import java.util.Set;

import org.osgi.annotation.versioning.ProviderType;
import org.symphainy.sdk.intent.Json;

/**
 * The API keys the Security Guard knows (a service of the Security Guard role bundle). A key's secret is shown once,
 * when it is created; the Security Guard keeps only a slow salted hash of it.
 * <p>
 * The audited way to change keys is through platform intents, so that every change is governed, attributed and
 * recorded in the write-ahead log like any other: {@link #prepare} generates a key and gives the payload of a
 * {@value #CREATE_INTENT} intent, which carries the key's id, principal, label and hash but never its secret; the caller
 * shows the secret once and submits the intent. The key works once that execution is recorded and the Security Guard
 * has applied it. A {@value #REVOKE_INTENT} intent, payload {@code {"keyId": "...", "reason": "..."}}, revokes a key the
 * same way. {@link #create} and {@link #revoke} change keys directly, outside the log: they are kept for the bootstrap
 * administrator's key and for tests.
 */
@ProviderType
public interface ApiKeys {

    /** The intent type that creates a key prepared by {@link #prepare}; its payload is {@link PreparedKey#createPayload}. */
    String CREATE_INTENT = "platform.apikey.create";

    /** The intent type that revokes a key: payload {@code {"keyId": "...", "reason": "..."}} ({@code reason} optional). */
    String REVOKE_INTENT = "platform.apikey.revoke";

    /**
     * Generates a key for {@code actor} in {@code tenant} with {@code roles} without storing it: a new key id and
     * secret, and the slow salted hash of the secret. The returned {@link PreparedKey} holds the secret, to show its
     * owner once, and the payload of the {@value #CREATE_INTENT} intent that creates the key; submit that intent (as an
     * administrator) for the key to work. The Security Guard checks the request when the intent is governed: a key id
     * that exists, a malformed hash, or role {@code admin} in tenant {@code system} granted by someone who does not hold
     * it are denied with the reason.
     *
     * @param tenant the tenant the key acts in
     * @param actor the actor it proves, within the tenant
     * @param roles the roles it grants (may be empty)
     * @param label what it is for; null or blank for none
     * @throws IllegalArgumentException if a value cannot be used, saying which and why
     */
    PreparedKey prepare(String tenant, String actor, Set<String> roles, String label);

    /**
     * Creates a key for {@code actor} in {@code tenant} with {@code roles} at once; the returned {@link IssuedKey} holds
     * the secret, which cannot be read again. The change is not recorded in the write-ahead log: the audited way is
     * {@link #prepare} and a {@value #CREATE_INTENT} intent. Kept for the bootstrap administrator's key and for tests.
     */
    IssuedKey create(String tenant, String actor, Set<String> roles, String label);

    /**
     * Revokes a key at once; false if no active key has this id. The change is not recorded in the write-ahead log: the
     * audited way is a {@value #REVOKE_INTENT} intent. Kept for emergencies and for tests.
     */
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
     * A key generated but not yet stored: submit {@link #createPayload} as the payload of a {@value #CREATE_INTENT}
     * intent to create it. {@code toString()} hides the secret.
     *
     * @param keyId the key's public id (also the first part of the credential)
     * @param secret the credential to hand to its owner ({@code sk_<keyId>_<secret>}): shown now, never again; it works
     *        once the intent's execution is recorded and applied
     * @param createPayload the {@value #CREATE_INTENT} payload: the key id, tenant, actor, roles, label and the hash
     *        (algorithm, iterations, salt and value in base64), never the secret
     */
    record PreparedKey(String keyId, String secret, Json createPayload) {
        @Override
        public String toString() {
            return "PreparedKey[" + keyId + ", secret=<hidden>, createPayload=" + createPayload + "]";
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
