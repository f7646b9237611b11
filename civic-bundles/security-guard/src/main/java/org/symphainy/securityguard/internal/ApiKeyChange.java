package org.symphainy.securityguard.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Base64;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import org.symphainy.sdk.identity.Principal;
import org.symphainy.sdk.intent.Artifact;
import org.symphainy.sdk.intent.Json;

/**
 * One change to the API keys, as a {@code platform.apikey.*} intent asks for it and as its artifact records it: create
 * a key (its id, principal, label and the hash of its secret, never the secret) or revoke one (its id and a reason).
 * Every value is checked here with the rules the intents' JSON schemas state, so a change that exists is one the key
 * file can hold.
 *
 * @param action {@value #CREATE} or {@value #REVOKE}
 * @param keyId the key's public id
 * @param principal who the key proves (create), else null
 * @param label what the key is for, possibly empty (create), else null
 * @param hash the slow salted hash of its secret (create), else null
 * @param reason why (revoke; optional), else null
 */
record ApiKeyChange(String action, String keyId, Principal principal, String label, KeyHash hash, String reason) {

    static final String CREATE = "create";
    static final String REVOKE = "revoke";

    /** Fewest PBKDF2 iterations a key may be hashed with; the configuration's lower bound. */
    static final int MIN_ITERATIONS = GuardSettings.MIN_ITERATIONS;
    /** Most PBKDF2 iterations: every sign-in with the key computes them, so more would make it a way to stall. */
    static final int MAX_ITERATIONS = GuardSettings.MAX_ITERATIONS;
    static final int MAX_LABEL = 200;
    static final int MAX_REASON = 500;
    static final int MAX_ROLES = 32;
    static final int MAX_SALT_BYTES = 64;

    static final Pattern TENANT = Pattern.compile("[a-z0-9][a-z0-9._-]{0,62}");
    static final Pattern ACTOR = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@+:-]{0,127}");
    static final Pattern ROLE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,63}");
    static final Pattern BASE64 = Pattern.compile("(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?");

    /** Checks every value; throws IllegalArgumentException saying which is wrong and how. */
    ApiKeyChange {
        if (!ApiKeyCredential.isKeyId(keyId == null ? "" : keyId)) {
            throw new IllegalArgumentException("\"keyId\" must be 1 to 64 lower-case letters and digits, as "
                    + "ApiKeys.prepare makes it");
        }
        if (CREATE.equals(action)) {
            check(principal != null && label != null && hash != null && reason == null,
                    "a key to create needs a principal, a label and a hash, and no reason");
            check(TENANT.matcher(principal.tenant()).matches(), "\"tenant\" must match " + TENANT.pattern());
            check(ACTOR.matcher(principal.actor()).matches(), "\"actor\" must match " + ACTOR.pattern());
            check(principal.roles().size() <= MAX_ROLES, "a key grants at most " + MAX_ROLES + " roles");
            principal.roles().forEach(role -> check(ROLE.matcher(role).matches(), "role '" + role
                    + "' must match " + ROLE.pattern()));
            check(StoredKey.AUTHENTICATED_BY.equals(principal.authenticatedBy()), "an API key's principal is "
                    + "authenticated by " + StoredKey.AUTHENTICATED_BY);
            check(isText(label, MAX_LABEL), "\"label\" must be at most " + MAX_LABEL
                    + " characters without control characters");
            check(hash.iterations() >= MIN_ITERATIONS && hash.iterations() <= MAX_ITERATIONS, "the hash's "
                    + "\"iterations\" must be " + MIN_ITERATIONS + " to " + MAX_ITERATIONS);
            check(hash.salt().length <= MAX_SALT_BYTES, "the hash's \"salt\" must be " + KeyHash.SALT_BYTES + " to "
                    + MAX_SALT_BYTES + " bytes");
        } else if (REVOKE.equals(action)) {
            check(principal == null && label == null && hash == null, "a revocation names only a key and a reason");
            check(reason == null || isText(reason, MAX_REASON), "\"reason\" must be at most " + MAX_REASON
                    + " characters without control characters");
        } else {
            throw new IllegalArgumentException("action '" + action + "' is neither " + CREATE + " nor " + REVOKE);
        }
    }

    /** A key to create. */
    static ApiKeyChange create(String keyId, Principal principal, String label, KeyHash hash) {
        return new ApiKeyChange(CREATE, keyId, principal, label, hash, null);
    }

    /** A key to revoke, for {@code reason} (null: none given). */
    static ApiKeyChange revoke(String keyId, String reason) {
        return new ApiKeyChange(REVOKE, keyId, null, null, null, reason);
    }

    /** True for a key to create, false for one to revoke. */
    boolean creates() {
        return CREATE.equals(action);
    }

    /** The key to store, created at {@code createdAt}. */
    StoredKey storedKey(Instant createdAt) {
        return new StoredKey(keyId, principal, label, createdAt, null, hash);
    }

    /** The payload of the {@code platform.apikey.create} intent that asks for this key. */
    Json createPayload() {
        return Json.of(json(false));
    }

    /** The artifact that records this change, {@value ApiKeyIntents#CHANGE}. */
    Artifact artifact() {
        return Artifact.of(ApiKeyIntents.CHANGE, Json.of(json(true)));
    }

    private byte[] json(boolean withAction) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JsonGenerator out = KeyFileFormat.JSON.createGenerator(bytes, JsonEncoding.UTF8)) {
            out.writeStartObject();
            if (withAction) {
                out.writeStringField("action", action);
            }
            out.writeStringField("keyId", keyId);
            if (creates()) {
                out.writeStringField("tenant", principal.tenant());
                out.writeStringField("actor", principal.actor());
                out.writeArrayFieldStart("roles");
                for (String role : principal.roles().stream().sorted().toList()) {
                    out.writeString(role);
                }
                out.writeEndArray();
                out.writeStringField("label", label);
                out.writeObjectFieldStart("hash");
                out.writeStringField("algorithm", KeyHash.ALGORITHM);
                out.writeNumberField("iterations", hash.iterations());
                out.writeStringField("salt", Base64.getEncoder().encodeToString(hash.salt()));
                out.writeStringField("value", Base64.getEncoder().encodeToString(hash.value()));
                out.writeEndObject();
            } else if (reason != null) {
                out.writeStringField("reason", reason);
            }
            out.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return bytes.toByteArray();
    }

    /** True if {@code text} has at most {@code max} characters and no control characters. */
    static boolean isText(String text, int max) {
        return text.length() <= max && text.chars().noneMatch(Character::isISOControl);
    }

    private static void check(boolean condition, String problem) {
        if (!condition) {
            throw new IllegalArgumentException(problem);
        }
    }

    @Override
    public String toString() {
        return "ApiKeyChange[" + action + " " + keyId + (creates() ? " for " + principal + " " + principal.roles() : "")
                + "]";
    }
}
