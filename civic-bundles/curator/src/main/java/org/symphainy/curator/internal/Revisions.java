package org.symphainy.curator.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.Properties;

/**
 * The staged jar (SHA-256) each deployed bundle runs now, by symbolic name, kept on disk: an update that fails its
 * readiness gate is rolled back to the jar recorded here (staged jars are never deleted, so every revision stays).
 */
final class Revisions {

    private final Path file;
    private final Properties shas = new Properties();

    Revisions(Path file) {
        this.file = file;
        if (Files.isRegularFile(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                shas.load(in);
            } catch (IOException e) {
                shas.clear();
            }
        }
    }

    /** The jar the deployed bundle {@code symbolicName} runs, if recorded. */
    synchronized Optional<String> current(String symbolicName) {
        return Optional.ofNullable(shas.getProperty(symbolicName));
    }

    synchronized void record(String symbolicName, String sha256) {
        shas.setProperty(symbolicName, sha256);
        save();
    }

    synchronized void forget(String symbolicName) {
        if (shas.remove(symbolicName) != null) {
            save();
        }
    }

    private void save() {
        try {
            Files.createDirectories(file.getParent());
            Path temp = file.resolveSibling(file.getFileName() + ".tmp");
            try (OutputStream out = Files.newOutputStream(temp)) {
                shas.store(out, "the staged jar each deployed bundle runs: symbolicName = sha256");
            }
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot record the running revisions in " + file, e);
        }
    }
}
