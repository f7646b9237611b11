package org.symphainy.runtime.internal.wal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.symphainy.runtime.internal.wal.WalFixtures.appendSequentially;
import static org.symphainy.runtime.internal.wal.WalFixtures.options;
import static org.symphainy.runtime.internal.wal.WalFixtures.payload;
import static org.symphainy.runtime.internal.wal.WalFixtures.readAll;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Records across segment boundaries: numbering, reading from anywhere, reopening and going on. */
class SegmentBoundaryTest {

    @TempDir
    Path directory;

    @Test
    void numbersRecordsFromOneAcrossSegmentsAndReadsThemBack() {
        try (WriteAheadLog wal = WriteAheadLog.open(directory, options(10).build())) {
            appendSequentially(wal, "r", 1, 35);

            List<WalRecord> records = readAll(wal);
            assertEquals(35, records.size());
            for (int i = 0; i < records.size(); i++) {
                assertEquals(i + 1, records.get(i).sequence());
                assertArrayEquals(payload("r", i + 1), records.get(i).payload());
                assertEquals(7, records.get(i).type());
            }
            assertEquals(35, wal.lastSequence());
        }
    }

    @Test
    void readsFromTheMiddleOfASegmentAndAcrossBoundaries() {
        try (WriteAheadLog wal = WriteAheadLog.open(directory, options(10).build())) {
            appendSequentially(wal, "r", 1, 35);

            assertEquals(List.of(17L, 18L, 19L, 20L, 21L, 22L), sequences(wal, 17, 22));
            assertEquals(List.of(30L, 31L, 32L, 33L, 34L, 35L), sequences(wal, 30, Long.MAX_VALUE));
            assertEquals(List.of(10L, 11L), sequences(wal, 10, 11));
            assertEquals(List.of(35L), sequences(wal, 35, 99));
            assertEquals(List.of(), sequences(wal, 36, 99));
            assertEquals(List.of(1L, 2L), sequences(wal, -5, 2));
        }
    }

    @Test
    void batchesLargerThanASegmentAreSplitAcrossSegments() {
        WalFixtures.GateClock gate = new WalFixtures.GateClock();
        WalOptions options = WalOptions.builder().segmentCapacity(4).clock(gate).build();
        try (WriteAheadLog wal = WriteAheadLog.open(directory, options)) {
            CompletableFuture<Long> first = wal.append(1, payload("b", 0));
            List<CompletableFuture<Long>> rest = new ArrayList<>();
            for (int n = 1; n <= 13; n++) {
                rest.add(wal.append(1, payload("b", n)));
            }
            gate.open();
            assertEquals(1L, first.join());
            for (int n = 1; n <= 13; n++) {
                assertEquals(n + 1L, rest.get(n - 1).join());
            }
            assertTrue(wal.stats().commits() <= 2, "the 13 queued appends should go in one commit: " + wal.stats());
            assertEquals(14, readAll(wal).size());
        }
        try (WriteAheadLog reopened = WriteAheadLog.open(directory, WalOptions.defaults())) {
            assertEquals(14, reopened.lastSequence());
            assertEquals(List.of(4L, 5L, 6L, 7L, 8L, 9L), sequences(reopened, 4, 9));
        }
    }

    @Test
    void reopeningKeepsEverythingAndContinuesTheNumbering() {
        try (WriteAheadLog wal = WriteAheadLog.open(directory, options(10).build())) {
            appendSequentially(wal, "a", 1, 25);
        }
        try (WriteAheadLog wal = WriteAheadLog.open(directory, options(10).build())) {
            assertEquals(25, wal.lastSequence());
            assertEquals(26L, wal.append(3, payload("b", 26)).join());
            appendSequentially(wal, "b", 27, 14);
        }
        try (WriteAheadLog wal = WriteAheadLog.open(directory, options(10).build())) {
            List<WalRecord> records = readAll(wal);
            assertEquals(40, records.size());
            assertArrayEquals(payload("a", 25), records.get(24).payload());
            assertArrayEquals(payload("b", 26), records.get(25).payload());
            assertEquals(3, records.get(25).type());
            assertArrayEquals(payload("b", 40), records.get(39).payload());
        }
    }

    @Test
    void aLogKeepsTheSegmentCapacityItWasCreatedWith() {
        try (WriteAheadLog wal = WriteAheadLog.open(directory, options(10).build())) {
            appendSequentially(wal, "a", 1, 15);
        }
        try (WriteAheadLog wal = WriteAheadLog.open(directory, options(4).build())) {
            appendSequentially(wal, "b", 16, 10);
            assertEquals(List.of(9L, 10L, 11L, 12L), sequences(wal, 9, 12));
        }
        try (WriteAheadLog wal = WriteAheadLog.open(directory, options(10_000).build())) {
            assertEquals(25, readAll(wal).size());
            assertEquals(25, wal.lastSequence());
        }
    }

    @Test
    void filledSegmentsLeaveMemoryAndComeBackWhenRead() {
        try (WriteAheadLog wal = WriteAheadLog.open(directory, options(10).build())) {
            appendSequentially(wal, "m", 1, 45);
            assertEquals(1, wal.loadedSegments(), "only the last segment stays in memory");
            assertEquals(List.of(3L, 4L), sequences(wal, 3, 4));
            assertEquals(1, wal.loadedSegments(), "a read lets go of the segments it loaded");
        }
        try (WriteAheadLog wal = WriteAheadLog.open(directory, options(10).build())) {
            assertEquals(1, wal.loadedSegments(), "the chain check lets go of every segment but the last");
            assertEquals(45, readAll(wal).size());
        }
    }

    private static List<Long> sequences(WriteAheadLog wal, long from, long to) {
        List<Long> sequences = new ArrayList<>();
        wal.read(from, to, record -> sequences.add(record.sequence()));
        return sequences;
    }
}
