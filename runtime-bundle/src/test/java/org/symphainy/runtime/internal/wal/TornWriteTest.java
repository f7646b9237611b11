package org.symphainy.runtime.internal.wal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.symphainy.runtime.internal.wal.WalFixtures.appendSequentially;
import static org.symphainy.runtime.internal.wal.WalFixtures.options;
import static org.symphainy.runtime.internal.wal.WalFixtures.payload;
import static org.symphainy.runtime.internal.wal.WalFixtures.readAll;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a crash in the middle of a commit leaves behind: bytes past the last commit in the data file, a torn or
 * zero-filled last transaction entry. Reopening keeps every whole commit, shows nothing of the torn one, goes on.
 */
class TornWriteTest {

    private static final int RECORDS = 50;
    private static final byte STORE_ENTRY = 1;

    private int records;

    @TempDir
    Path directory;

    @ParameterizedTest
    @ValueSource(ints = {1, 5, 17})
    void aTornTransactionEntryIsCutOffAndItsCommitIsNotVisible(int bytesLost) throws IOException {
        writeLog();
        truncate(transactionLog(), Files.size(transactionLog()) - bytesLost);

        assertRecordsThenContinue(records - 1);
    }

    @Test
    void aZeroFilledTransactionLogTailIsCutOff() throws IOException {
        writeLog();
        append(transactionLog(), new byte[4096]);

        assertRecordsThenContinue(records);
    }

    @Test
    void bytesPastTheLastCommitInTheDataFileAreDropped() throws IOException {
        writeLog();
        append(dataFile(), randomBytes(3000));

        assertRecordsThenContinue(records);
    }

    @Test
    void aCommitWhoseDataWasWrittenButWhoseEntryIsTornIsDroppedWhole() throws IOException {
        writeLog();
        append(dataFile(), randomBytes(700));
        truncate(transactionLog(), Files.size(transactionLog()) - 9);

        assertRecordsThenContinue(records - 1);
    }

    @Test
    void damageThatIsNotATornTailIsLeftForEclipseStoreToReport() throws IOException {
        writeLog();
        byte[] garbage = randomBytes(TransactionLogRepair.LONGEST_ENTRY + 20);
        garbage[0] = 0;
        append(transactionLog(), garbage);
        long size = Files.size(transactionLog());

        assertEquals(0, TransactionLogRepair.repairFile(transactionLog()));
        assertEquals(size, Files.size(transactionLog()));
    }

    private void assertRecordsThenContinue(int expected) {
        try (WriteAheadLog wal = WriteAheadLog.open(directory, WalOptions.defaults())) {
            List<WalRecord> records = readAll(wal);
            assertEquals(expected, wal.lastSequence());
            assertEquals(expected, records.size());
            for (int n = 1; n <= expected; n++) {
                assertArrayEquals(payload("t", n), records.get(n - 1).payload());
            }
            assertEquals(expected + 1L, wal.append(7, payload("after", expected + 1)).join());
        }
        try (WriteAheadLog wal = WriteAheadLog.open(directory, WalOptions.defaults())) {
            List<WalRecord> records = readAll(wal);
            assertEquals(expected + 1, records.size());
            assertArrayEquals(payload("after", expected + 1), records.get(expected).payload());
        }
    }

    /**
     * Writes the log, so that its transaction log ends with the entry of the last commit (EclipseStore's housekeeping
     * may add entries of its own at any time: then one more record is appended).
     */
    private void writeLog() throws IOException {
        try (WriteAheadLog wal = WriteAheadLog.open(directory, options(8).build())) {
            appendSequentially(wal, "t", 1, RECORDS);
        }
        records = RECORDS;
        while (lastEntryType() != STORE_ENTRY && records < RECORDS + 10) {
            try (WriteAheadLog wal = WriteAheadLog.open(directory, options(8).build())) {
                appendSequentially(wal, "t", ++records, 1);
            }
        }
        assertEquals(STORE_ENTRY, lastEntryType(), "the transaction log ends with the last commit's entry");
    }

    private byte lastEntryType() throws IOException {
        byte[] log = Files.readAllBytes(transactionLog());
        int last = 0;
        for (int at = 0; at < log.length; at += Math.abs(log[at])) {
            last = at;
        }
        return log[last + 1];
    }

    private Path transactionLog() {
        return directory.resolve("storage/channel_0/transactions_0.sft");
    }

    /** The head data file (highest number): where a commit's data goes; housekeeping may have moved past file 1. */
    private Path dataFile() throws IOException {
        try (Stream<Path> files = Files.list(directory.resolve("storage/channel_0"))) {
            return files.filter(file -> file.getFileName().toString().endsWith(".dat"))
                    .max(Comparator.comparingLong(TornWriteTest::fileNumber)).orElseThrow();
        }
    }

    private static long fileNumber(Path dataFile) {
        String name = dataFile.getFileName().toString();
        return Long.parseLong(name.substring(name.lastIndexOf('_') + 1, name.length() - ".dat".length()));
    }

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        new Random(count).nextBytes(bytes);
        return bytes;
    }

    private static void truncate(Path file, long size) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.truncate(size);
        }
    }

    private static void append(Path file, byte[] bytes) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            channel.write(ByteBuffer.wrap(bytes));
        }
    }
}
