package org.symphainy.runtime.internal.wal;

import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * Computes and checks the hash chain. A record's hash is SHA-256 over: the previous record's hash (32 zero bytes before
 * record 1), the record's sequence (8 bytes, big-endian), then its encoded header and payload exactly as they sit in
 * its chunk: type (4), timestamp millis (8), payload length (4), payload. Not thread-safe: one per thread, reused, so
 * hashing allocates nothing.
 */
final class ChainHasher {

    /** Bytes in a hash. */
    static final int HASH_BYTES = 32;

    private static final byte[] GENESIS = new byte[HASH_BYTES];

    private final MessageDigest sha256;
    private final byte[] sequenceBytes = new byte[Long.BYTES];
    private final byte[] scratch = new byte[HASH_BYTES];

    /** A hasher with its own SHA-256 digest. */
    ChainHasher() {
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java runtime has no SHA-256; every Java SE runtime must have it", e);
        }
    }

    /** The "previous hash" of record 1 (not a copy: never change it). */
    static byte[] genesis() {
        return GENESIS;
    }

    /**
     * Writes into {@code out} at {@code outOffset} the hash of the record whose header starts at {@code recordOffset}
     * in {@code chunk} and whose header and payload take {@code contentLength} bytes.
     */
    void hash(byte[] previous, int previousOffset, long sequence, byte[] chunk, int recordOffset, int contentLength,
            byte[] out, int outOffset) {
        sha256.update(previous, previousOffset, HASH_BYTES);
        for (int i = 0; i < Long.BYTES; i++) {
            sequenceBytes[i] = (byte) (sequence >>> (56 - 8 * i));
        }
        sha256.update(sequenceBytes);
        sha256.update(chunk, recordOffset, contentLength);
        try {
            sha256.digest(out, outOffset, HASH_BYTES);
        } catch (DigestException e) {
            throw new IllegalStateException("SHA-256 did not fit its 32-byte output", e);
        }
    }

    /** Whether the record's stored hash (right after its payload) is the one its content and previous hash give. */
    boolean verifies(byte[] previous, int previousOffset, long sequence, byte[] chunk, int recordOffset,
            int contentLength) {
        hash(previous, previousOffset, sequence, chunk, recordOffset, contentLength, scratch, 0);
        int stored = recordOffset + contentLength;
        return Arrays.equals(scratch, 0, HASH_BYTES, chunk, stored, stored + HASH_BYTES);
    }
}
