package org.symphainy.trafficcop.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Session ids and what the store keeps of them. An id is {@code ses_} followed by 256 bits from a {@link SecureRandom}
 * in URL-safe Base64 without padding (47 characters in all): unguessable, and safe in a header, a URL or a log line's
 * prefix. The store keys sessions by the id's SHA-256 ({@link TokenDigest}), never by the id, so a heap dump or a debugger
 * shows no token that could be replayed; and a lookup compares digests, so its timing tells nothing about which
 * characters of a guessed id were right. Messages show an id by its {@link #shortForm} only.
 */
final class SessionTokens {

    /** What every session id starts with, so a token is recognisable in a leak scanner or a support ticket. */
    static final String PREFIX = "ses_";

    /** Random bytes in an id: 256 bits. */
    static final int RANDOM_BYTES = 32;

    /** Length of every id this class makes. */
    static final int LENGTH = PREFIX.length() + 43;

    /** Characters of an id shown in messages and logs: the prefix and 6 random characters (36 bits of 256). */
    private static final int SHOWN = PREFIX.length() + 6;

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    });

    private final SecureRandom random;

    /** Ids from {@code random}. */
    SessionTokens(SecureRandom random) {
        this.random = random;
    }

    /** A new session id. */
    String next() {
        byte[] bytes = new byte[RANDOM_BYTES];
        random.nextBytes(bytes);
        return PREFIX + ENCODER.encodeToString(bytes);
    }

    /** True if {@code id} has the shape of an id this class makes (cheap: prefix and length only). */
    static boolean wellFormed(String id) {
        return id != null && id.length() == LENGTH && id.startsWith(PREFIX);
    }

    /** The SHA-256 of {@code id}, the key the store files its session under. */
    static TokenDigest digest(String id) {
        MessageDigest sha256 = SHA256.get();
        sha256.reset();
        return TokenDigest.of(sha256.digest(id.getBytes(StandardCharsets.ISO_8859_1)));
    }

    /** {@code ses_Ab12Cd...}: enough of {@code id} to tell sessions apart in a message, too little to use it. */
    static String shortForm(String id) {
        if (id == null) {
            return "null";
        }
        StringBuilder shown = new StringBuilder(SHOWN + 3);
        for (int i = 0; i < Math.min(SHOWN, id.length()); i++) {
            char c = id.charAt(i);
            shown.append(c < 0x20 || c == 0x7f ? '?' : c);
        }
        return id.length() > SHOWN ? shown.append("...").toString() : shown.toString();
    }

    /**
     * A SHA-256 digest as four longs: a compact, immutable map key with value equality.
     *
     * @param a bytes 0 to 7
     * @param b bytes 8 to 15
     * @param c bytes 16 to 23
     * @param d bytes 24 to 31
     */
    record TokenDigest(long a, long b, long c, long d) {

        /** The digest held in the 32 bytes {@code sha256}. */
        static TokenDigest of(byte[] sha256) {
            return new TokenDigest(longAt(sha256, 0), longAt(sha256, 8), longAt(sha256, 16), longAt(sha256, 24));
        }

        private static long longAt(byte[] bytes, int offset) {
            long value = 0;
            for (int i = offset; i < offset + 8; i++) {
                value = (value << 8) | (bytes[i] & 0xff);
            }
            return value;
        }

        @Override
        public int hashCode() {
            return Long.hashCode(a);
        }

        /** Not the digest: nothing in a log line should help match a stored session to a token. */
        @Override
        public String toString() {
            return "TokenDigest[<hidden>]";
        }
    }
}
