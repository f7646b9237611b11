package org.symphainy.runtime.internal.wal;

/** When an append counts as written, and so when its future completes. */
public enum Durability {

    /**
     * The default: each commit's data file and transaction log writes are forced to the device
     * ({@code FileChannel.force}) before the callers of that commit are completed. Survives a process kill, a kernel
     * crash and a power loss (as far as the device honours flushes).
     */
    FSYNC,

    /**
     * Callers are completed once the commit has been handed to the operating system (written, not forced). Survives a
     * process kill ({@code kill -9}): the data is in the page cache. A kernel crash or power loss can lose the records
     * of roughly the last 30 seconds (Linux writes dirty pages back after {@code vm.dirty_expire_centisecs}, 30 s by
     * default) even though they were acknowledged, and can leave a storage tail that EclipseStore must truncate.
     */
    ASYNC
}
