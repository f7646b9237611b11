package org.symphainy.runtime.internal.wal;

/** What opening a log does about its hash chain. */
public enum ChainCheck {

    /** The default: verify every record; a broken chain refuses the open with a {@link BrokenChainException}. */
    REQUIRE_INTACT,

    /** Verify every record; a broken chain is logged and told by {@link WriteAheadLog#brokenAt()}; the log opens. */
    REPORT_BROKEN,

    /** Do not verify (fastest open); new records chain on from the last stored hash. */
    SKIP
}
