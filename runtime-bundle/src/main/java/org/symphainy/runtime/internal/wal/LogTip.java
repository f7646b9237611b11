package org.symphainy.runtime.internal.wal;

/**
 * What readers may see of the log, published by the writer after each commit: the last written sequence, the index of
 * the segment holding it and that segment itself (readers use it directly, never through its {@code Lazy}, so a reload
 * can never touch the instance the writer is changing).
 */
record LogTip(long lastSequence, int tailIndex, Segment tail) {
}
