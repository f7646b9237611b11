package org.symphainy.runtime.internal.wal;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * One record of the log. Immutable: the arrays are copied in and out.
 *
 * @param sequence its number, from 1, without gaps
 * @param type the caller's type code
 * @param timestampMillis when the writer took it (from the log's clock)
 * @param payload the caller's bytes
 * @param hash SHA-256 chaining it to the record before (see {@link ChainHasher})
 */
public record WalRecord(long sequence, int type, long timestampMillis, byte[] payload, byte[] hash) {

    /** Copies the arrays, so later changes to the caller's arrays do not reach the record. */
    public WalRecord {
        payload = payload.clone();
        hash = hash.clone();
    }

    /** A copy of the payload. */
    @Override
    public byte[] payload() {
        return payload.clone();
    }

    /** A copy of the hash. */
    @Override
    public byte[] hash() {
        return hash.clone();
    }

    /** The payload's length, without copying it. */
    public int payloadLength() {
        return payload.length;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof WalRecord that && sequence == that.sequence && type == that.type
                && timestampMillis == that.timestampMillis && Arrays.equals(payload, that.payload)
                && Arrays.equals(hash, that.hash);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(sequence) * 31 + Arrays.hashCode(hash);
    }

    @Override
    public String toString() {
        return "WalRecord[sequence=" + sequence + ", type=" + type + ", timestampMillis=" + timestampMillis
                + ", payload=" + payload.length + " bytes, hash=" + HexFormat.of().formatHex(hash) + "]";
    }
}
