package org.symphainy.foundations.projections;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Set;

/**
 * Which recorded executions a projection has applied, by id, one per line in a file beside its state, so that the WAL's
 * executions — offered again at every start — are applied once. An id is forced to disk before the change counts as
 * applied; a crash between applying and recording applies it again, so the changes a projection applies must tolerate
 * being applied twice (create if absent, revoke what may be revoked already, install what is not there).
 */
public final class AppliedExecutions {

    private final Path file;
    private final Set<String> applied = new HashSet<>();

    /** The ledger in {@code file}, read now (a missing file is an empty ledger). */
    public AppliedExecutions(Path file) {
        this.file = file;
        try {
            if (Files.exists(file)) {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    if (!line.isBlank()) {
                        applied.add(line.strip());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + " (" + e.getMessage() + "); check its permissions", e);
        }
    }

    /** True if execution {@code id} was applied already. */
    public synchronized boolean applied(String id) {
        return applied.contains(id);
    }

    /** Notes that execution {@code id} is applied, durably. */
    public synchronized void record(String id) throws IOException {
        Path directory = file.toAbsolutePath().getParent();
        if (!Files.isDirectory(directory)) {
            Files.createDirectories(directory);
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            ByteBuffer line = ByteBuffer.wrap((id + "\n").getBytes(StandardCharsets.UTF_8));
            while (line.hasRemaining()) {
                channel.write(line);
            }
            channel.force(true);
        }
        applied.add(id);
    }
}
