package org.symphainy.securityguard.internal;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * The slow salted hash the Security Guard keeps instead of an API key's secret: PBKDF2 with HMAC-SHA-256 from the JDK,
 * a 16-byte random salt per key and the iteration count the key was created with (kept with it, so a later change of
 * the configured count does not lock existing keys out). Immutable; the arrays are copied in and out.
 */
final class KeyHash {

    /** The JDK algorithm name, also written to the key file. */
    static final String ALGORITHM = "PBKDF2WithHmacSHA256";

    /** Salt length in bytes. */
    static final int SALT_BYTES = 16;

    /** Hash length in bytes. */
    static final int HASH_BYTES = 32;

    /** OWASP's recommended iteration count for PBKDF2-HMAC-SHA256. */
    static final int DEFAULT_ITERATIONS = 210_000;

    private final int iterations;
    private final byte[] salt;
    private final byte[] value;

    KeyHash(int iterations, byte[] salt, byte[] value) {
        if (iterations < 1 || salt.length < SALT_BYTES || value.length != HASH_BYTES) {
            throw new IllegalArgumentException("a key hash needs iterations >= 1, a salt of " + SALT_BYTES
                    + " bytes or more and a value of " + HASH_BYTES + " bytes");
        }
        this.iterations = iterations;
        this.salt = salt.clone();
        this.value = value.clone();
    }

    /** The hash of {@code secret} under a fresh random salt. */
    static KeyHash of(String secret, int iterations, SecureRandom random) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        return new KeyHash(iterations, salt, derive(secret, salt, iterations));
    }

    /** True if {@code secret} hashes to this value; compares in constant time. */
    boolean matches(String secret) {
        return MessageDigest.isEqual(value, derive(secret, salt, iterations));
    }

    /** Spends the work of one check without a key, so an unknown key id takes as long to refuse as a wrong secret. */
    static void spendEquivalentWork(String secret, int iterations) {
        derive(secret, new byte[SALT_BYTES], iterations);
    }

    int iterations() {
        return iterations;
    }

    byte[] salt() {
        return salt.clone();
    }

    byte[] value() {
        return value.clone();
    }

    private static byte[] derive(String secret, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(secret.toCharArray(), salt, iterations, HASH_BYTES * 8);
        try {
            return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is not available from this Java runtime's providers; "
                    + "run on a standard JDK 17 or later", e);
        } finally {
            spec.clearPassword();
        }
    }

    @Override
    public String toString() {
        return "KeyHash[" + ALGORITHM + ", " + iterations + " iterations]";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof KeyHash that && iterations == that.iterations && Arrays.equals(salt, that.salt)
                && Arrays.equals(value, that.value);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(salt) + Arrays.hashCode(value);
    }
}
