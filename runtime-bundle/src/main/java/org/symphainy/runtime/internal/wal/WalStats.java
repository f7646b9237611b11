package org.symphainy.runtime.internal.wal;

/**
 * What a log has done since it was opened.
 *
 * @param records records written
 * @param commits EclipseStore commits (one per batch of records)
 * @param forces files forced to the device (data file and transaction log: two per commit in {@link Durability#FSYNC})
 */
public record WalStats(long records, long commits, long forces) {
}
