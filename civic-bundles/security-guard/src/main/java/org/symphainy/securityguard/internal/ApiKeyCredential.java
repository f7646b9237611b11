package org.symphainy.securityguard.internal;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * An API key as its owner holds it: {@code sk_<keyId>_<secret>}. The key id is short, random and public (it names the
 * key in lists and logs); the secret is 32 random bytes in base64url and is shown once. {@code toString()} hides the
 * secret.
 *
 * @param keyId the key's public id: lower-case letters and digits, no '_'
 * @param secret the secret part
 */
record ApiKeyCredential(String keyId, String secret) {

    /** How every API key starts. */
    static final String PREFIX = "sk_";

    private static final String KEY_ID_ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";
    private static final int KEY_ID_LENGTH = 12;
    private static final int SECRET_BYTES = 32;
    private static final int MAX_KEY_ID_LENGTH = 64;
    private static final int MAX_SECRET_LENGTH = 512;

    /** A new credential with a random key id and secret. */
    static ApiKeyCredential random(SecureRandom random) {
        StringBuilder keyId = new StringBuilder(KEY_ID_LENGTH);
        for (int i = 0; i < KEY_ID_LENGTH; i++) {
            keyId.append(KEY_ID_ALPHABET.charAt(random.nextInt(KEY_ID_ALPHABET.length())));
        }
        byte[] secret = new byte[SECRET_BYTES];
        random.nextBytes(secret);
        return new ApiKeyCredential(keyId.toString(), Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
    }

    /** The credential in {@code text}, or empty if it is not shaped like {@code sk_<keyId>_<secret>}. */
    static Optional<ApiKeyCredential> parse(String text) {
        if (!text.startsWith(PREFIX)) {
            return Optional.empty();
        }
        int separator = text.indexOf('_', PREFIX.length());
        if (separator < 0) {
            return Optional.empty();
        }
        String keyId = text.substring(PREFIX.length(), separator);
        String secret = text.substring(separator + 1);
        if (!isKeyId(keyId) || secret.isEmpty() || secret.length() > MAX_SECRET_LENGTH || !isBase64Url(secret)) {
            return Optional.empty();
        }
        return Optional.of(new ApiKeyCredential(keyId, secret));
    }

    /** True if {@code keyId} could be a key id: 1 to 64 lower-case letters and digits. */
    static boolean isKeyId(String keyId) {
        if (keyId.isEmpty() || keyId.length() > MAX_KEY_ID_LENGTH) {
            return false;
        }
        for (int i = 0; i < keyId.length(); i++) {
            char c = keyId.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isBase64Url(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_')) {
                return false;
            }
        }
        return true;
    }

    /** The credential to hand to its owner. */
    String text() {
        return PREFIX + keyId + "_" + secret;
    }

    @Override
    public String toString() {
        return PREFIX + keyId + "_<hidden>";
    }
}
