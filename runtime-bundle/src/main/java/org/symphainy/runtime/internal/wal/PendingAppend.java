package org.symphainy.runtime.internal.wal;

import java.util.concurrent.CompletableFuture;

/** An append waiting for the writer: the caller's type and (copied) payload, and the future it waits on. */
record PendingAppend(int type, byte[] payload, CompletableFuture<Long> future) {
}
