package org.symphainy.runtime.internal.wal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.symphainy.runtime.internal.wal.WalFixtures.PATIENCE_SECONDS;
import static org.symphainy.runtime.internal.wal.WalFixtures.options;
import static org.symphainy.runtime.internal.wal.WalFixtures.payload;
import static org.symphainy.runtime.internal.wal.WalFixtures.readAll;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Opening, closing and the edges of the API. */
class LifecycleTest {

    @TempDir
    Path directory;

    @Test
    void closeWritesEveryPendingAppendFirst() throws Exception {
        WalFixtures.GateClock gate = new WalFixtures.GateClock();
        WriteAheadLog wal = WriteAheadLog.open(directory, WalOptions.builder().clock(gate).maxBatchRecords(7).build());
        List<CompletableFuture<Long>> futures = new ArrayList<>();
        futures.add(wal.append(1, payload("c", 1)));
        gate.awaitWriter();
        for (int n = 2; n <= 100; n++) {
            futures.add(wal.append(1, payload("c", n)));
        }
        Thread closer = new Thread(wal::close);
        closer.start();
        gate.open();
        closer.join(TimeUnit.SECONDS.toMillis(PATIENCE_SECONDS));
        assertFalse(closer.isAlive(), "close returned");
        for (int n = 1; n <= 100; n++) {
            assertTrue(futures.get(n - 1).isDone(), "append " + n + " was completed before close returned");
            assertEquals(n, futures.get(n - 1).join());
        }
        try (WriteAheadLog reopened = WriteAheadLog.open(directory, WalOptions.defaults())) {
            assertEquals(100, reopened.lastSequence());
            assertArrayEquals(payload("c", 100), readAll(reopened).get(99).payload());
        }
    }

    @Test
    void appendsAfterCloseFailAndSaySo() {
        WriteAheadLog wal = WriteAheadLog.open(directory, options(8).build());
        wal.close();
        wal.close();
        CompletionException failure = assertThrows(CompletionException.class, () -> wal.append(1, new byte[1]).join());
        assertInstanceOf(WalException.class, failure.getCause());
        assertTrue(failure.getCause().getMessage().contains("is closed"), failure.getCause().getMessage());
        assertThrows(IllegalStateException.class, () -> wal.read(1, record -> { }));
    }

    @Test
    void aDirectoryHoldsOneOpenLogAtATime() throws Exception {
        try (WriteAheadLog wal = WriteAheadLog.open(directory, options(8).build())) {
            WalException second = assertThrows(WalException.class,
                    () -> WriteAheadLog.open(directory, options(8).build()));
            assertTrue(second.getMessage().contains("already open"), second.getMessage());
            assertEquals(1L, wal.append(1, new byte[0]).get(PATIENCE_SECONDS, TimeUnit.SECONDS));
        }
        try (WriteAheadLog again = WriteAheadLog.open(directory, options(8).build())) {
            assertEquals(1, again.lastSequence());
        }
    }

    @Test
    void readersGetCopiesTheLogCannotBeChangedThrough() {
        try (WriteAheadLog wal = WriteAheadLog.open(directory, options(8).build())) {
            byte[] payload = {1, 2, 3};
            CompletableFuture<Long> appended = wal.append(9, payload); // taken as it is: the caller must not change it
            appended.join();
            WalRecord record = readAll(wal).get(0);
            assertArrayEquals(new byte[] {1, 2, 3}, record.payload());
            record.payload()[1] = 99;
            record.hash()[0] ^= 1;
            WalRecord again = readAll(wal).get(0);
            assertEquals(record, again);
            assertArrayEquals(new byte[] {1, 2, 3}, again.payload());
        }
    }

    @Test
    void timestampsComeFromTheConfiguredClock() {
        try (WriteAheadLog wal = WriteAheadLog.open(directory, options(8).build())) {
            WalFixtures.appendSequentially(wal, "c", 1, 3);
            List<WalRecord> records = readAll(wal);
            assertEquals(List.of(1001L, 1002L, 1003L), records.stream().map(WalRecord::timestampMillis).toList());
        }
    }

    @Test
    void tooLargePayloadsAreRefusedUpFront() {
        try (WriteAheadLog wal = WriteAheadLog.open(directory, options(8).maxRecordBytes(10).build())) {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                    () -> wal.append(1, new byte[11]));
            assertTrue(refused.getMessage().contains("at most 10 bytes"), refused.getMessage());
            assertEquals(1L, wal.append(1, new byte[10]).join());
            assertEquals(1, wal.lastSequence());
        }
    }

    @Test
    void anotherStorageInTheDirectoryIsNotTakenForALog() throws Exception {
        var storage = WalFixtures.openStorage(directory);
        storage.setRoot("not a log");
        storage.storeRoot();
        storage.shutdown();
        WalException refused = assertThrows(WalException.class,
                () -> WriteAheadLog.open(directory, options(8).build()));
        assertTrue(refused.getMessage().contains("not a WAL"), refused.getMessage());
        assertTrue(Files.exists(directory.resolve(DirectoryLock.FILE_NAME)));
        assertDoesNotThrow(() -> DirectoryLock.acquire(directory).close(), "a refused open releases the directory");
    }
}
