package org.symphainy.runtime.internal.wal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * Figures for the write-ahead log, one {@code name: value} line each; nothing is asserted. Run from the repository
 * root:
 *
 * <pre>
 * mvn -o -q -pl runtime-bundle test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=org.symphainy.runtime.internal.wal.WalBenchmark
 * </pre>
 *
 * System properties: {@code wal.bench.seconds} (measured seconds per figure, 3 by default, after 1 s of warm-up),
 * {@code wal.bench.dir} (where the logs go; the system temporary directory by default), {@code wal.bench.records}
 * (size of the log reopened for the last figure, 1,000,000 by default). Payloads are 200 random bytes.
 */
public final class WalBenchmark {

    private static final int PAYLOAD_BYTES = 200;
    private static final int WARM_UP_MILLIS = 1_000;

    private final Path base;
    private final long measureMillis;

    private WalBenchmark(Path base, long measureMillis) {
        this.base = base;
        this.measureMillis = measureMillis;
    }

    /** Prints the figures. */
    public static void main(String[] args) throws Exception {
        Path base = Path.of(System.getProperty("wal.bench.dir", System.getProperty("java.io.tmpdir")));
        WalBenchmark benchmark = new WalBenchmark(base, 1000L * Integer.getInteger("wal.bench.seconds", 3));
        benchmark.run(Durability.FSYNC, 1, "durable_appends_per_s_1");
        benchmark.run(Durability.FSYNC, 16, "durable_appends_per_s_16");
        Result durable64 = benchmark.run(Durability.FSYNC, 64, "durable_appends_per_s_64");
        print("durable_append_p50_ms", durable64.percentileMillis(0.50));
        print("durable_append_p99_ms", durable64.percentileMillis(0.99));
        benchmark.run(Durability.ASYNC, 64, "async_appends_per_s_64");
        benchmark.reopenVerify(Integer.getInteger("wal.bench.records", 1_000_000));
    }

    /** What one run measured. */
    private record Result(long appends, long[] latenciesNanos) {

        double percentileMillis(double fraction) {
            if (latenciesNanos.length == 0) {
                return Double.NaN;
            }
            return latenciesNanos[(int) Math.min(latenciesNanos.length - 1, fraction * latenciesNanos.length)] / 1e6;
        }
    }

    private Result run(Durability durability, int appenders, String name) throws Exception {
        Path directory = Files.createTempDirectory(base, "wal-bench-");
        try (WriteAheadLog wal = WriteAheadLog.open(directory, WalOptions.builder().durability(durability).build())) {
            long start = System.currentTimeMillis();
            long measureFrom = start + WARM_UP_MILLIS;
            long measureTo = measureFrom + measureMillis;
            List<Appender> threads = new ArrayList<>();
            for (int i = 0; i < appenders; i++) {
                threads.add(new Appender(wal, measureFrom, measureTo));
            }
            threads.forEach(Thread::start);
            WalStats before = null;
            Thread.sleep(Math.max(0, measureFrom - System.currentTimeMillis()));
            before = wal.stats();
            for (Appender thread : threads) {
                thread.join();
            }
            WalStats after = wal.stats();
            Result result = collect(threads);
            print(name, result.appends() * 1000.0 / measureMillis);
            long commits = Math.max(1, after.commits() - before.commits());
            double perCommit = (after.records() - before.records()) / (double) commits;
            print(name.replace("appends_per_s", "records_per_commit"), perCommit);
            return result;
        } finally {
            delete(directory);
        }
    }

    private static Result collect(List<Appender> threads) {
        long appends = 0;
        int samples = 0;
        for (Appender thread : threads) {
            appends += thread.measured;
            samples += thread.latencyCount;
        }
        long[] latencies = new long[samples];
        int at = 0;
        for (Appender thread : threads) {
            System.arraycopy(thread.latencies, 0, latencies, at, thread.latencyCount);
            at += thread.latencyCount;
        }
        Arrays.sort(latencies);
        return new Result(appends, latencies);
    }

    private void reopenVerify(int records) throws Exception {
        Path directory = Files.createTempDirectory(base, "wal-bench-reopen-");
        try {
            fill(directory, records);
            long started = System.nanoTime();
            try (WriteAheadLog wal = WriteAheadLog.open(directory, WalOptions.defaults())) {
                print("reopen_verify_" + (records / 1_000_000 > 0 ? records / 1_000_000 + "m" : records + "")
                        + "_records_s", (System.nanoTime() - started) / 1e9);
                if (wal.lastSequence() != records) {
                    throw new IllegalStateException("reopened " + wal.lastSequence() + " records, wrote " + records);
                }
            }
        } finally {
            delete(directory);
        }
    }

    private static void fill(Path directory, int records) {
        byte[] payload = payload();
        try (WriteAheadLog wal = WriteAheadLog.open(directory,
                WalOptions.builder().durability(Durability.ASYNC).build())) {
            CompletableFuture<Long> last = null;
            for (int i = 0; i < records; i++) {
                last = wal.append(1, payload);
                if (i % 20_000 == 0) {
                    last.join();
                }
            }
            last.join();
        }
    }

    /** One appender thread: appends and waits, back to back, timing the appends inside the measured window. */
    private static final class Appender extends Thread {

        private final WriteAheadLog wal;
        private final long measureFrom;
        private final long measureTo;
        private final byte[] payload = payload();
        private long measured;
        private long[] latencies = new long[1 << 12];
        private int latencyCount;

        Appender(WriteAheadLog wal, long measureFrom, long measureTo) {
            super("appender");
            this.wal = wal;
            this.measureFrom = measureFrom;
            this.measureTo = measureTo;
        }

        @Override
        public void run() {
            for (long now = System.currentTimeMillis(); now < measureTo; now = System.currentTimeMillis()) {
                long started = System.nanoTime();
                wal.append(1, payload).join();
                if (now >= measureFrom) {
                    measured++;
                    record(System.nanoTime() - started);
                }
            }
        }

        private void record(long nanos) {
            if (latencyCount == latencies.length) {
                latencies = Arrays.copyOf(latencies, latencies.length * 2);
            }
            latencies[latencyCount++] = nanos;
        }
    }

    private static byte[] payload() {
        byte[] payload = new byte[PAYLOAD_BYTES];
        ThreadLocalRandom.current().nextBytes(payload);
        return payload;
    }

    private static void print(String name, double value) {
        System.out.println(name + ": " + String.format(Locale.ROOT, value >= 100 ? "%.0f" : "%.3f", value));
    }

    private static void delete(Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}
