package org.symphainy.sdk.ledger;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Read access to the Runtime's write-ahead log, for operators: records by sequence range and by execution, each as JSON
 * with the hash that chains it to the record before. Records carry no credentials: an intent's session id (a bearer
 * credential) shows only as its SHA-256, {@code sessionSha256}.
 * This service trusts its caller: the admin console lets only administrators read it.
 */
@ProviderType
public interface Ledger {

    /** The most records one call returns. */
    int MAX_PAGE = 1000;

    /**
     * The durable records numbered {@code fromSequence} and after, oldest first, at most {@code limit} (capped at
     * {@link #MAX_PAGE}); empty past the end of the log.
     *
     * @throws IllegalArgumentException if {@code fromSequence} is below 1 or {@code limit} below 1
     */
    List<LedgerRecord> range(long fromSequence, int limit);

    /** Every durable record of one execution, oldest first; empty if the log has none. */
    List<LedgerRecord> execution(String executionId);

    /** The sequence number of the last durable record; 0 if the log is empty. */
    long lastSequence();
}
