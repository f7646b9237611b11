package org.symphainy.curator.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/**
 * What each file of the deploy folder was last submitted as — its SHA-256 and the bundle inside — kept across restarts:
 * FileInstall offers every file again at start, and an unchanged file must not be deployed twice; a removed file is
 * uninstalled by the name and version recorded here.
 */
final class FolderRecords {

    /** One file's record. */
    record Entry(String sha256, String symbolicName, String version) {
    }

    private final Path file;
    private final Properties entries;

    /** Records kept in {@code file} (created on first write). */
    FolderRecords(Path file) {
        this.file = file;
        this.entries = PropertiesFile.load(file);
    }

    /** The record of the file named so, if any. */
    synchronized Optional<Entry> get(String fileName) {
        String value = entries.getProperty(fileName);
        if (value == null) {
            return Optional.empty();
        }
        String[] parts = value.split(" ");
        return parts.length == 3 ? Optional.of(new Entry(parts[0], parts[1], parts[2])) : Optional.empty();
    }

    /** The file that holds {@code symbolicName}, other than {@code fileName}, if any. */
    synchronized Optional<String> fileOf(String symbolicName, String fileName) {
        for (String name : entries.stringPropertyNames()) {
            Optional<Entry> entry = get(name);
            if (!name.equals(fileName) && entry.isPresent() && entry.get().symbolicName().equals(symbolicName)) {
                return Optional.of(name);
            }
        }
        return Optional.empty();
    }

    synchronized void put(String fileName, Entry entry) {
        entries.setProperty(fileName, entry.sha256() + " " + entry.symbolicName() + " " + entry.version());
        save();
    }

    /** Forgets the file, if it still holds the record {@code expected} (null: whatever it holds). */
    synchronized void forget(String fileName, Entry expected) {
        if (expected == null || get(fileName).filter(expected::equals).isPresent()) {
            entries.remove(fileName);
            save();
        }
    }

    private void save() {
        try {
            PropertiesFile.store(file, entries, "deploy-folder files: sha256 symbolicName version");
        } catch (IOException e) {
            // only an optimisation: without it an unchanged file is submitted once more at the next start, and the
            // deployer finds its bundle installed already
        }
    }
}
