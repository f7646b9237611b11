package org.symphainy.runtime.internal.wal;

/**
 * Where a log stands when it is opened: its last record, the segment holding it, the hash the next record chains to
 * (at {@code lastHashOffset} in {@code lastHashBytes}) and the first record that failed verification (0 if none, or if
 * the chain was not checked).
 */
record ChainState(long lastSequence, Segment tail, byte[] lastHashBytes, int lastHashOffset, long brokenAt) {

    /** The state of a log with no records. */
    static ChainState empty() {
        return new ChainState(0, null, ChainHasher.genesis(), 0, 0);
    }

    /** This state, marked as broken at {@code sequence}. */
    ChainState brokenAt(long sequence) {
        return new ChainState(lastSequence, tail, lastHashBytes, lastHashOffset, sequence);
    }
}
