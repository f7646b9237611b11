package org.symphainy.runtime.internal.wal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.symphainy.runtime.internal.wal.WalFixtures.PATIENCE_SECONDS;
import static org.symphainy.runtime.internal.wal.WalFixtures.options;
import static org.symphainy.runtime.internal.wal.WalFixtures.payload;
import static org.symphainy.runtime.internal.wal.WalFixtures.readAll;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Many appenders, one writer: batches share a commit and a force, and every record lands once, in order. */
class GroupCommitTest {

    private static final int THREADS = 16;
    private static final int PER_THREAD = 300;

    @TempDir
    Path directory;

    @Test
    void concurrentAppendersGetEverySequenceOnceAndTheirOwnPayloads() throws Exception {
        Map<Long, String> acknowledged = new ConcurrentHashMap<>();
        try (WriteAheadLog wal = WriteAheadLog.open(directory, options(256).build())) {
            ExecutorService threads = Executors.newFixedThreadPool(THREADS);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                String tag = "t" + t;
                done.add(threads.submit(() -> {
                    for (int n = 0; n < PER_THREAD; n++) {
                        long sequence = wal.append(t(tag), payload(tag, n)).join();
                        String previous = acknowledged.put(sequence, tag + "-" + n);
                        assertEquals(null, previous, "sequence " + sequence + " was given twice");
                    }
                }));
            }
            for (Future<?> each : done) {
                each.get(PATIENCE_SECONDS, TimeUnit.SECONDS);
            }
            threads.shutdown();
            assertEquals(THREADS * PER_THREAD, wal.lastSequence());
            assertTrue(wal.stats().commits() < THREADS * PER_THREAD, "appends should share commits: " + wal.stats());
        }
        try (WriteAheadLog wal = WriteAheadLog.open(directory, WalOptions.defaults())) {
            List<WalRecord> records = readAll(wal);
            assertEquals(THREADS * PER_THREAD, records.size());
            Map<String, Integer> nextPerThread = new HashMap<>();
            for (int i = 0; i < records.size(); i++) {
                WalRecord record = records.get(i);
                assertEquals(i + 1, record.sequence());
                String text = new String(record.payload(), UTF_8);
                assertEquals(acknowledged.get(record.sequence()), text);
                String tag = text.substring(0, text.indexOf('-'));
                int n = Integer.parseInt(text.substring(text.indexOf('-') + 1));
                assertEquals(nextPerThread.getOrDefault(tag, 0), n, "each thread's records in its order");
                assertEquals(t(tag), record.type());
                nextPerThread.put(tag, n + 1);
            }
        }
    }

    @Test
    void readersSeeAGaplessChainedPrefixWhileWritersAppend() throws Exception {
        try (WriteAheadLog wal = WriteAheadLog.open(directory, options(32).durability(Durability.ASYNC).build())) {
            ExecutorService threads = Executors.newFixedThreadPool(5);
            List<Future<?>> writers = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                String tag = "w" + t;
                writers.add(threads.submit(() -> WalFixtures.appendSequentially(wal, tag, 0, 400)));
            }
            Future<Integer> reader = threads.submit(() -> readWhileWriting(wal, writers));
            for (Future<?> writer : writers) {
                writer.get(PATIENCE_SECONDS, TimeUnit.SECONDS);
            }
            assertTrue(reader.get(PATIENCE_SECONDS, TimeUnit.SECONDS) > 1, "the reader read more than once");
            threads.shutdown();
        }
    }

    private static int readWhileWriting(WriteAheadLog wal, List<Future<?>> writers) throws Exception {
        long seen = 0;
        int reads = 0;
        while (reads == 0 || writers.stream().anyMatch(writer -> !writer.isDone())) {
            List<WalRecord> records = readAll(wal);
            assertTrue(records.size() >= seen, "a later read never sees fewer records");
            byte[] previous = new byte[32];
            for (int i = 0; i < records.size(); i++) {
                assertEquals(i + 1, records.get(i).sequence());
                assertArrayEquals(HashChainTest.expectedHash(previous, records.get(i)), records.get(i).hash());
                previous = records.get(i).hash();
            }
            seen = records.size();
            reads++;
        }
        return reads;
    }

    @Test
    void appendsQueuedDuringACommitGoTogetherInTheNextWithTwoForces() throws Exception {
        WalFixtures.GateClock gate = new WalFixtures.GateClock();
        try (WriteAheadLog wal = WriteAheadLog.open(directory, WalOptions.builder().clock(gate).build())) {
            long forcesBefore = wal.stats().forces();
            CompletableFuture<Long> first = wal.append(1, payload("g", 0));
            gate.awaitWriter();
            List<CompletableFuture<Long>> queued = new ArrayList<>();
            for (int n = 1; n <= 100; n++) {
                queued.add(wal.append(1, payload("g", n)));
            }
            assertTrue(queued.stream().noneMatch(CompletableFuture::isDone), "nothing completes before its commit");
            gate.open();
            assertEquals(1L, first.get(PATIENCE_SECONDS, TimeUnit.SECONDS));
            for (int n = 1; n <= 100; n++) {
                assertEquals(n + 1L, queued.get(n - 1).get(PATIENCE_SECONDS, TimeUnit.SECONDS));
            }
            WalStats stats = wal.stats();
            assertEquals(new WalStats(101, 2, stats.forces()), stats, "one commit for the first, one for the rest");
            long forces = stats.forces() - forcesBefore;
            assertTrue(forces >= 4 && forces <= 8,
                    "data file and transaction log forced once per commit (plus new files' first force), saw "
                            + forces);
        }
    }

    @Test
    void asyncModeWritesWithoutForcingAndKeepsEverything() throws Exception {
        WalOptions async = options(64).durability(Durability.ASYNC).build();
        try (WriteAheadLog wal = WriteAheadLog.open(directory, async)) {
            List<CompletableFuture<Long>> futures = new ArrayList<>();
            for (int n = 1; n <= 500; n++) {
                futures.add(wal.append(2, payload("a", n)));
            }
            for (int n = 1; n <= 500; n++) {
                assertEquals(n, futures.get(n - 1).get(PATIENCE_SECONDS, TimeUnit.SECONDS));
            }
            assertEquals(0, wal.stats().forces(), "ASYNC forces nothing");
            assertEquals(500, wal.stats().records());
        }
        try (WriteAheadLog wal = WriteAheadLog.open(directory, WalOptions.defaults())) {
            List<WalRecord> records = readAll(wal);
            assertEquals(500, records.size());
            assertArrayEquals(payload("a", 500), records.get(499).payload());
        }
    }

    @Test
    void fsyncModeForcesEveryCommit() {
        try (WriteAheadLog wal = WriteAheadLog.open(directory, options(64).build())) {
            long before = wal.stats().forces();
            WalFixtures.appendSequentially(wal, "f", 1, 20);
            WalStats stats = wal.stats();
            assertEquals(20, stats.commits(), "one append at a time: one commit each");
            assertTrue(stats.forces() - before >= 2 * 20, "two forces per commit, saw " + (stats.forces() - before));
        }
    }

    private static int t(String tag) {
        return Integer.parseInt(tag.substring(1));
    }
}
