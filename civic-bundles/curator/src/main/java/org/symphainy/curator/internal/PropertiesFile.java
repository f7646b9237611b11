package org.symphainy.curator.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;

/** A small properties file of the Curator's data directory: read whole, written whole through a temporary file. */
final class PropertiesFile {

    private PropertiesFile() {
    }

    /** What {@code file} holds; empty if it does not exist or cannot be read. */
    static Properties load(Path file) {
        Properties properties = new Properties();
        if (Files.isRegularFile(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                properties.load(in);
            } catch (IOException e) {
                properties.clear();
            }
        }
        return properties;
    }

    /** Replaces {@code file} with {@code properties} atomically (a crash leaves the old or the new file, whole). */
    static void store(Path file, Properties properties, String comment) throws IOException {
        Files.createDirectories(file.getParent());
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        try (OutputStream out = Files.newOutputStream(temp)) {
            properties.store(out, comment);
        }
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
