package org.symphainy.sdk.ledger;

import java.time.Instant;

import org.symphainy.sdk.internal.Checks;

/**
 * One record of the write-ahead log, as recorded.
 *
 * @param sequence its number in the log, from 1, without gaps
 * @param type its kind, e.g. {@code IntentAccepted}, {@code StepCompleted}, {@code ExecutionFailed}
 * @param executionId the execution it belongs to; null for a record of no execution
 * @param recordedAt when the Runtime wrote it
 * @param hash the hex SHA-256 that chains it to the record before
 * @param json its content as one JSON object (intent, decisions with reasons, principal, artifacts, failure, ...)
 */
public record LedgerRecord(long sequence, String type, String executionId, Instant recordedAt, String hash,
        String json) {

    /** Checks every value. */
    public LedgerRecord {
        if (sequence < 1) {
            throw new IllegalArgumentException("sequence must be at least 1, was " + sequence);
        }
        Checks.text("type", type);
        Checks.present("recordedAt", recordedAt);
        Checks.text("hash", hash);
        Checks.present("json", json);
    }
}
