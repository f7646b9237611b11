package org.symphainy.runtime.internal.wal;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The process {@link CrashTest} kills: appends through the real log from several threads and prints
 * {@code ack <sequence> <thread> <n> end} once each append is acknowledged, until it is killed.
 * Arguments: the log's directory, the number of threads, the durability (FSYNC or ASYNC).
 */
public final class CrashAppender {

    private CrashAppender() {
    }

    /** Appends until killed. */
    public static void main(String[] args) throws InterruptedException {
        WriteAheadLog wal = WriteAheadLog.open(Path.of(args[0]),
                WalOptions.builder().segmentCapacity(64).durability(Durability.valueOf(args[2])).build());
        String run = Long.toString(ProcessHandle.current().pid());
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < Integer.parseInt(args[1]); t++) {
            String thread = run + "." + t;
            threads.add(new Thread(() -> appendForever(wal, thread), thread));
        }
        threads.forEach(Thread::start);
        for (Thread thread : threads) {
            thread.join();
        }
    }

    private static void appendForever(WriteAheadLog wal, String thread) {
        for (long n = 0; ; n++) {
            long sequence = wal.append(1, payload(thread, n)).join();
            System.out.println("ack " + sequence + " " + thread + " " + n + " end");
        }
    }

    /** The payload thread {@code thread} gives its {@code n}th append: padded to look like a real record. */
    static byte[] payload(String thread, long n) {
        return (thread + "/" + n + "/" + "x".repeat((int) (n % 150))).getBytes(UTF_8);
    }
}
