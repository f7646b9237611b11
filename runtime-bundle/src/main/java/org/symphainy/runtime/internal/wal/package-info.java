/**
 * The kernel's write-ahead log: numbered, hash-chained records of (type, payload bytes), appended by many callers
 * and written by one thread in group commits to an EclipseStore storage embedded in this bundle.
 *
 * <p>On disk (under the directory given to {@link org.symphainy.runtime.internal.wal.WriteAheadLog#open}):
 * {@code wal.lock} (held while the log is open) and {@code storage/} (EclipseStore). The stored graph is a root with
 * an array of {@code Lazy} references to fixed-size segments; a segment holds its records in chunks, one per commit,
 * each chained to the chunk before it, so an append stores one new chunk and the segment's two changed fields, never a
 * growing collection. Every record's hash is SHA-256 over the previous record's hash, its sequence and its encoded
 * header and payload; see {@link org.symphainy.runtime.internal.wal.ChainHasher}.
 */
package org.symphainy.runtime.internal.wal;
