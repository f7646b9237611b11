package org.symphainy.runtime.internal.wal;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.eclipse.store.storage.embedded.types.EmbeddedStorageManager;

/** Shared pieces of the WAL tests: clocks, payloads, reading everything back, reaching into the stored graph. */
final class WalFixtures {

    /** Upper bound for any wait in a test: only there so a bug hangs nothing; no test asserts a duration. */
    static final long PATIENCE_SECONDS = 60;

    private WalFixtures() {
    }

    /** Options for tests: deterministic clock, small segments. */
    static WalOptions.Builder options(int segmentCapacity) {
        return WalOptions.builder().segmentCapacity(segmentCapacity).clock(new TickingClock(1_000));
    }

    /** The payload a test appends as record number {@code n}. */
    static byte[] payload(String tag, long n) {
        return (tag + "-" + n).getBytes(UTF_8);
    }

    /** Every record of {@code wal}, in order. */
    static List<WalRecord> readAll(WriteAheadLog wal) {
        List<WalRecord> records = new ArrayList<>();
        wal.read(1, records::add);
        return records;
    }

    /** Appends {@code count} records tagged {@code tag} one after the other, waiting for each. */
    static void appendSequentially(WriteAheadLog wal, String tag, int from, int count) {
        for (int n = from; n < from + count; n++) {
            wal.append(7, payload(tag, n)).join();
        }
    }

    /** Opens the storage behind the log in {@code directory} directly, as a tamperer would. */
    static EmbeddedStorageManager openStorage(Path directory) {
        return WalStorage.start(directory.resolve(LogStorage.STORAGE_FOLDER), Durability.FSYNC, new FileForcer());
    }

    /** A clock that moves one millisecond forward each time it is read. */
    static final class TickingClock extends UtcClock {

        private final AtomicLong millis;

        /** Starting at {@code startMillis}. */
        TickingClock(long startMillis) {
            this.millis = new AtomicLong(startMillis);
        }

        @Override
        public long millis() {
            return millis.incrementAndGet();
        }

    }

    /**
     * A clock that holds the first thread reading it until {@link #open()}: read by the writer thread while it encodes
     * a batch, it holds the writer inside its first batch so a test can queue appends behind it.
     */
    static final class GateClock extends UtcClock {

        private final CountDownLatch entered = new CountDownLatch(1);
        private final CountDownLatch gate = new CountDownLatch(1);

        @Override
        public long millis() {
            entered.countDown();
            try {
                if (!gate.await(PATIENCE_SECONDS, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the gate was never opened");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return 42;
        }

        /** Waits until the writer is held at the gate. */
        void awaitWriter() throws InterruptedException {
            if (!entered.await(PATIENCE_SECONDS, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the writer never read the clock");
            }
        }

        /** Lets the writer go on, now and for good. */
        void open() {
            gate.countDown();
        }

    }

    /** A UTC clock whose instant is its {@link #millis()}: the test clocks differ only in that. */
    abstract static class UtcClock extends Clock {

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis());
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("tests use UTC");
        }
    }
}
