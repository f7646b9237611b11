package org.symphainy.launcher;

import java.io.FileOutputStream;
import java.io.FileDescriptor;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * The container's one log: everything written to standard output or standard error — the launcher's, the framework's
 * and every bundle's lines through slf4j-simple, which the launcher provides to all bundles — goes to the console and to
 * {@code data/log/symphainy.log}.
 */
final class ConsoleLog {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX");

    private ConsoleLog() {
    }

    /** Sends standard output and standard error to the console and to {@code file} as well. */
    static void teeTo(Path file, long maxBytes, int keep) throws IOException {
        RollingLogFile log = new RollingLogFile(file, maxBytes, keep);
        System.setOut(new PrintStream(new Tee(new FileOutputStream(FileDescriptor.out), log), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(new Tee(new FileOutputStream(FileDescriptor.err), log), true, StandardCharsets.UTF_8));
    }

    /** A line for before logging is set up (bad options, unusable data directory), in the log's layout. */
    static void early(String level, String logger, String message) {
        System.out.println(DATE.format(OffsetDateTime.now(ZoneId.systemDefault())) + ' ' + level + ' ' + logger + " - " + message);
    }

    /** Writes to two streams; the console first, so a full disk never silences the console. */
    private static final class Tee extends OutputStream {
        private final OutputStream console;
        private final OutputStream file;
        private boolean fileBroken;

        Tee(OutputStream console, OutputStream file) {
            this.console = console;
            this.file = file;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            console.write(bytes, offset, length);
            if (!fileBroken) {
                try {
                    file.write(bytes, offset, length);
                } catch (IOException e) {
                    fileBroken = true;
                    console.write(("log file write failed, logging to the console only: " + e.getMessage() + "\n")
                            .getBytes(StandardCharsets.UTF_8));
                }
            }
        }

        @Override
        public void flush() throws IOException {
            console.flush();
            if (!fileBroken) {
                file.flush();
            }
        }
    }
}
