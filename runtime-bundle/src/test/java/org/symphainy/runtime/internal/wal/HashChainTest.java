package org.symphainy.runtime.internal.wal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.symphainy.runtime.internal.wal.WalFixtures.appendSequentially;
import static org.symphainy.runtime.internal.wal.WalFixtures.options;
import static org.symphainy.runtime.internal.wal.WalFixtures.payload;
import static org.symphainy.runtime.internal.wal.WalFixtures.readAll;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The hash chain: computed as documented, verified on open, and any change to a stored record is caught. */
class HashChainTest {

    @TempDir
    Path directory;

    @Test
    void eachHashIsSha256OfThePreviousHashAndTheRecordAsDocumented() throws Exception {
        try (WriteAheadLog wal = WriteAheadLog.open(directory, options(4).build())) {
            appendSequentially(wal, "h", 1, 9);
            byte[] previous = new byte[32];
            for (WalRecord record : readAll(wal)) {
                byte[] expected = expectedHash(previous, record);
                assertArrayEquals(expected, record.hash(), "hash of record " + record.sequence());
                previous = expected;
            }
        }
    }

    @Test
    void anIntactLogOpensWithNothingReported() {
        try (WriteAheadLog wal = WriteAheadLog.open(directory, options(4).build())) {
            appendSequentially(wal, "h", 1, 30);
        }
        try (WriteAheadLog wal = WriteAheadLog.open(directory, options(4).build())) {
            assertEquals(30, wal.lastSequence());
            assertEquals(OptionalLong.empty(), wal.brokenAt());
        }
    }

    @Test
    void aChangedPayloadIsReportedAtItsSequence() {
        writeLog(30);
        Tamperer.flipPayloadBit(directory, 17);

        BrokenChainException broken = assertThrows(BrokenChainException.class,
                () -> WriteAheadLog.open(directory, WalOptions.defaults()));
        assertEquals(17, broken.firstBadSequence());
        assertTrue(broken.getMessage().contains("broken at sequence 17"), broken.getMessage());
        assertTrue(broken.getMessage().contains("REPORT_BROKEN"), "the message says how to open anyway");
    }

    @Test
    void aChangedTimestampOrHashIsReportedAtItsSequence() {
        writeLog(30);
        Tamperer.shiftTimestamp(directory, 30);
        assertEquals(30, assertThrows(BrokenChainException.class,
                () -> WriteAheadLog.open(directory, WalOptions.defaults())).firstBadSequence());

        Tamperer.zeroHash(directory, 1);
        assertEquals(1, assertThrows(BrokenChainException.class,
                () -> WriteAheadLog.open(directory, WalOptions.defaults())).firstBadSequence());
    }

    @Test
    void aBrokenLogOpensWhenToldToAndNewRecordsChainOnFromTheLastOne() {
        writeLog(12);
        Tamperer.flipPayloadBit(directory, 5);

        WalOptions report = options(4).chainCheck(ChainCheck.REPORT_BROKEN).build();
        try (WriteAheadLog wal = WriteAheadLog.open(directory, report)) {
            assertEquals(OptionalLong.of(5), wal.brokenAt());
            assertEquals(12, wal.lastSequence());
            assertEquals(13L, wal.append(1, payload("after", 13)).join());
        }
        try (WriteAheadLog wal = WriteAheadLog.open(directory, options(4).chainCheck(ChainCheck.SKIP).build())) {
            assertEquals(OptionalLong.empty(), wal.brokenAt(), "SKIP checks nothing, so reports nothing");
            List<WalRecord> records = readAll(wal);
            assertEquals(13, records.size());
            assertArrayEquals(payload("after", 13), records.get(12).payload());
        }
        try (WriteAheadLog wal = WriteAheadLog.open(directory, report)) {
            assertEquals(OptionalLong.of(5), wal.brokenAt(), "the break is still the first bad record");
        }
    }

    @Test
    void recordsAppendedAfterAReopenContinueTheChain() {
        writeLog(7);
        try (WriteAheadLog wal = WriteAheadLog.open(directory, options(4).build())) {
            appendSequentially(wal, "more", 8, 6);
        }
        Tamperer.flipPayloadBit(directory, 8);
        assertEquals(8, assertThrows(BrokenChainException.class,
                () -> WriteAheadLog.open(directory, WalOptions.defaults())).firstBadSequence());
    }

    /** The hash {@code record} should have after {@code previous}, computed as the documentation says. */
    static byte[] expectedHash(byte[] previous, WalRecord record) throws NoSuchAlgorithmException {
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        sha256.update(previous);
        sha256.update(ByteBuffer.allocate(24).putLong(record.sequence()).putInt(record.type())
                .putLong(record.timestampMillis()).putInt(record.payloadLength()).array());
        sha256.update(record.payload());
        return sha256.digest();
    }

    private void writeLog(int records) {
        try (WriteAheadLog wal = WriteAheadLog.open(directory, options(4).build())) {
            appendSequentially(wal, "h", 1, records);
        }
    }
}
