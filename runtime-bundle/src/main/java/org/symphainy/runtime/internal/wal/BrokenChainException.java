package org.symphainy.runtime.internal.wal;

/** The log's hash chain does not verify: a record was changed, removed or reordered after it was written. */
public final class BrokenChainException extends WalException {

    private static final long serialVersionUID = 1L;

    private final long firstBadSequence;

    /** A break found at {@code firstBadSequence}, described by {@code message}. */
    public BrokenChainException(long firstBadSequence, String message) {
        super(message);
        this.firstBadSequence = firstBadSequence;
    }

    /** The sequence of the first record that does not verify. */
    public long firstBadSequence() {
        return firstBadSequence;
    }
}
