package org.symphainy.runtime.internal.wal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.symphainy.runtime.internal.wal.WalFixtures.PATIENCE_SECONDS;
import static org.symphainy.runtime.internal.wal.WalFixtures.readAll;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a process appending through the real log with SIGKILL, three times, and checks after each kill that every
 * acknowledged record is there with its payload, the chain verifies, sequences run from 1 without gaps and appending
 * goes on at the next one. The second run uses ASYNC: a process kill must not lose its acknowledged records either.
 */
class CrashTest {

    private static final Durability[] RUNS = {Durability.FSYNC, Durability.ASYNC, Durability.FSYNC};
    private static final int APPENDER_THREADS = 8;

    @TempDir
    Path work;

    /** One acknowledgement the appender printed. */
    private record Ack(long sequence, String thread, long n) {
    }

    @Test
    void aKilledAppenderLosesNothingItAcknowledged() throws Exception {
        Path directory = work.resolve("wal");
        Map<Long, byte[]> acknowledged = new HashMap<>();
        for (int run = 0; run < RUNS.length; run++) {
            List<Ack> acks = appendUntilKilled(directory, RUNS[run], work.resolve("appender-" + run + ".log"));
            assertFalse(acks.isEmpty(), "the appender acknowledged something before it was killed");
            for (Ack ack : acks) {
                byte[] earlier = acknowledged.put(ack.sequence(), CrashAppender.payload(ack.thread(), ack.n()));
                assertNull(earlier, "sequence " + ack.sequence() + " was acknowledged twice");
            }
            try (WriteAheadLog wal = WriteAheadLog.open(directory, WalOptions.defaults())) {
                List<WalRecord> records = readAll(wal);
                assertContiguous(records, wal.lastSequence());
                assertAcknowledgedPresent(records, acknowledged);
                assertNoPayloadTwice(records);
                byte[] mine = ("test after kill " + run).getBytes(UTF_8);
                long next = wal.append(2, mine).get(PATIENCE_SECONDS, TimeUnit.SECONDS);
                assertEquals(records.size() + 1L, next, "appending goes on at lastSequence + 1");
                acknowledged.put(next, mine);
            }
        }
    }

    private static void assertContiguous(List<WalRecord> records, long lastSequence) {
        assertEquals(lastSequence, records.size());
        for (int i = 0; i < records.size(); i++) {
            assertEquals(i + 1L, records.get(i).sequence());
        }
    }

    private static void assertAcknowledgedPresent(List<WalRecord> records, Map<Long, byte[]> acknowledged) {
        for (Map.Entry<Long, byte[]> ack : acknowledged.entrySet()) {
            assertTrue(ack.getKey() <= records.size(), "acknowledged record " + ack.getKey() + " is missing; the log "
                    + "ends at " + records.size());
            assertArrayEquals(ack.getValue(), records.get((int) (ack.getKey() - 1)).payload(),
                    "payload of acknowledged record " + ack.getKey());
        }
    }

    private static void assertNoPayloadTwice(List<WalRecord> records) {
        Set<String> seen = new HashSet<>();
        for (WalRecord record : records) {
            String payload = new String(record.payload(), UTF_8);
            assertTrue(seen.add(payload), "record " + record.sequence() + " repeats an earlier append: " + payload);
        }
    }

    private static List<Ack> appendUntilKilled(Path directory, Durability durability, Path log) throws Exception {
        Process appender = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), CrashAppender.class.getName(), directory.toString(),
                Integer.toString(APPENDER_THREADS), durability.name())
                .redirectError(log.toFile()).start();
        List<Ack> acks = new ArrayList<>();
        Thread reader = new Thread(() -> readAcks(appender, acks), "ack-reader");
        reader.start();
        int wanted = 300 + ThreadLocalRandom.current().nextInt(700);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(PATIENCE_SECONDS);
        while (size(acks) < wanted && appender.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        if (!appender.isAlive()) {
            fail("the appender died on its own (exit " + appender.exitValue() + "): " + Files.readString(log));
        }
        appender.destroyForcibly();
        assertTrue(appender.waitFor(PATIENCE_SECONDS, TimeUnit.SECONDS), "the killed appender is gone");
        reader.join(TimeUnit.SECONDS.toMillis(PATIENCE_SECONDS));
        synchronized (acks) {
            return new ArrayList<>(acks);
        }
    }

    private static void readAcks(Process appender, List<Ack> acks) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(appender.getInputStream(), UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                String[] parts = line.split(" ");
                if (parts.length == 5 && parts[0].equals("ack") && parts[4].equals("end")) {
                    synchronized (acks) {
                        acks.add(new Ack(Long.parseLong(parts[1]), parts[2], Long.parseLong(parts[3])));
                    }
                }
            }
        } catch (IOException e) {
            // the pipe breaks when the process is killed: the acks read so far are the ones that count
        }
    }

    private static int size(List<Ack> acks) {
        synchronized (acks) {
            return acks.size();
        }
    }
}
