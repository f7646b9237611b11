package org.symphainy.curator.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/**
 * The staged jar (SHA-256) each deployed bundle runs now, by symbolic name, kept on disk: an update that fails its
 * readiness gate is rolled back to the jar recorded here (staged jars are never deleted, so every revision stays).
 */
final class Revisions {

    private final Path file;
    private final Properties shas;

    Revisions(Path file) {
        this.file = file;
        this.shas = PropertiesFile.load(file);
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
            PropertiesFile.store(file, shas, "the staged jar each deployed bundle runs: symbolicName = sha256");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot record the running revisions in " + file, e);
        }
    }
}
