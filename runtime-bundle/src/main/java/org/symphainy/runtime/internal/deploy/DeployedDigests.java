package org.symphainy.runtime.internal.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Properties;

/**
 * The SHA-256 of the file each deployed bundle was installed from, kept across restarts: FileInstall offers every file
 * of the folder again at start, and an unchanged file must not update (and restart) its bundle.
 */
final class DeployedDigests {

    private final Path file;
    private final Properties digests = new Properties();

    /** Digests stored in {@code file} (created on first write); none if {@code file} is null. */
    DeployedDigests(Path file) {
        this.file = file;
        if (file != null && Files.isRegularFile(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                digests.load(in);
            } catch (IOException e) {
                digests.clear();
            }
        }
    }

    /** True if {@code jar} has the content the bundle at {@code location} was installed from. */
    synchronized boolean unchanged(String location, Path jar) {
        String recorded = digests.getProperty(location);
        return recorded != null && recorded.equals(digest(jar));
    }

    /** Remembers what the bundle at {@code location} was installed from. */
    synchronized void record(String location, Path jar) {
        String digest = digest(jar);
        if (digest != null) {
            digests.setProperty(location, digest);
            save();
        }
    }

    synchronized void forget(String location) {
        if (digests.remove(location) != null) {
            save();
        }
    }

    private void save() {
        if (file == null) {
            return;
        }
        try {
            Path temp = file.resolveSibling(file.getFileName() + ".tmp");
            try (OutputStream out = Files.newOutputStream(temp)) {
                digests.store(out, "SHA-256 of the deploy-folder files the installed bundles came from");
            }
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // only an optimisation: without it an unchanged file updates its bundle once more at the next start
        }
    }

    private static String digest(Path jar) {
        try (DigestInputStream in = new DigestInputStream(Files.newInputStream(jar), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(in.getMessageDigest().digest());
        } catch (IOException | NoSuchAlgorithmException e) {
            return null;
        }
    }
}
