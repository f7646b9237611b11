package org.symphainy.runtime.internal.wal;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cuts a torn last entry off EclipseStore's transaction logs before the storage starts. EclipseStore 2.1 cannot start
 * with one: an incomplete trailing entry makes its start-up loop forever, a zero-filled one makes it fail (both fixed
 * in EclipseStore 4.2). A crash in the middle of appending an entry leaves exactly that, and the commit it belonged
 * to was never acknowledged (its entry is forced before the callers are completed), so dropping it loses nothing.
 *
 * <p>Entry format (EclipseStore's {@code StorageTransactionsAnalysis}): a signed length byte, then the entry (18, 26
 * or 34 bytes in all), or, for a negative length, a gap of that many bytes. Damage that is not a torn tail is left
 * alone for EclipseStore to report.
 */
final class TransactionLogRepair {

    private static final Logger LOG = LoggerFactory.getLogger(TransactionLogRepair.class);

    /** The longest entry EclipseStore writes. */
    static final int LONGEST_ENTRY = 34;

    private TransactionLogRepair() {
    }

    /** Repairs the transaction log of every channel of the storage in {@code storageDirectory}, if it exists. */
    static void repair(Path storageDirectory) throws IOException {
        if (!Files.isDirectory(storageDirectory)) {
            return;
        }
        try (DirectoryStream<Path> channels = Files.newDirectoryStream(storageDirectory, "channel_*")) {
            for (Path channel : channels) {
                try (DirectoryStream<Path> logs = Files.newDirectoryStream(channel, "transactions_*.sft")) {
                    for (Path log : logs) {
                        repairFile(log);
                    }
                }
            }
        }
    }

    /** Cuts a torn last entry off {@code log}; returns the bytes cut (0 if it was whole). */
    static long repairFile(Path log) throws IOException {
        long size = Files.size(log);
        long tail = tornTailStart(log, size);
        if (tail == size || (size - tail > LONGEST_ENTRY && !zeroFilled(log, tail, size))) {
            return 0;
        }
        try (FileChannel channel = FileChannel.open(log, StandardOpenOption.WRITE)) {
            channel.truncate(tail);
            channel.force(true);
        }
        LOG.warn("{}: cut off a torn transaction entry ({} bytes at {}), left by a crash during a commit that was "
                + "never acknowledged", log, size - tail, tail);
        return size - tail;
    }

    /** Where the first entry that does not fit (or has length 0) starts; {@code size} if every entry is whole. */
    private static long tornTailStart(Path log, long size) throws IOException {
        long position = 0;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(log), 1 << 16)) {
            while (position < size) {
                int length = Math.abs((byte) in.read());
                if (length == 0 || position + length > size) {
                    return position;
                }
                in.skipNBytes(length - 1);
                position += length;
            }
        }
        return position;
    }

    private static boolean zeroFilled(Path log, long from, long to) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(log), 1 << 16)) {
            in.skipNBytes(from);
            for (long i = from; i < to; i++) {
                if (in.read() != 0) {
                    return false;
                }
            }
        }
        return true;
    }
}
