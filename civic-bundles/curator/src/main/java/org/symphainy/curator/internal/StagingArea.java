package org.symphainy.curator.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

import org.symphainy.sdk.deploy.StagedBundle;
import org.symphainy.sdk.intent.ErrorCode;
import org.symphainy.sdk.intent.IntentException;

/**
 * Jars kept for install and update intents, in one directory: {@code <sha256>.jar} with its given file name beside it
 * in {@code <sha256>.name}. A jar is written under a temporary name, checked, and only then renamed into place, so a
 * staged jar is always whole and always a bundle.
 */
final class StagingArea {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final int MAX_FILE_NAME = 255;

    private final Path directory;
    private final long maxBytes;

    /** Staging in {@code directory} (created when first needed), jars of at most {@code maxBytes}. */
    StagingArea(Path directory, long maxBytes) {
        this.directory = directory;
        this.maxBytes = maxBytes;
    }

    /** Reads, checks and keeps {@code jar}; throws PAYLOAD_INVALID saying what is wrong. */
    StagedBundle stage(String fileName, InputStream jar) {
        String name = fileName(fileName);
        Path temporary = null;
        try {
            Files.createDirectories(directory);
            temporary = Files.createTempFile(directory, ".staging-", ".tmp");
            MessageDigest digest = sha256();
            long size = copy(jar, temporary, digest, name);
            if (size == 0) {
                throw JarCheck.invalid(name, "is empty; upload the bundle's .jar file");
            }
            JarCheck check = JarCheck.of(temporary, name);
            String sha = HexFormat.of().formatHex(digest.digest());
            Path nameFile = directory.resolve(sha + ".name");
            Path nameTemporary = Files.createTempFile(directory, ".staging-", ".tmp");
            Files.writeString(nameTemporary, name, StandardCharsets.UTF_8);
            move(nameTemporary, nameFile);
            move(temporary, directory.resolve(sha + ".jar"));
            temporary = null;
            return new StagedBundle(sha, name, size, check.symbolicName(), check.version().toString(),
                    check.declaredIntents(), check.requiredIntents());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep '" + name + "' in " + directory + " (" + e.getMessage()
                    + "); check the data directory's free space and permissions", e);
        } finally {
            deleteQuietly(temporary);
        }
    }

    /** The staged jar of this hash, checked again, if it is kept. */
    Optional<StagedBundle> staged(String sha256) {
        Optional<Path> jar = jar(sha256);
        if (jar.isEmpty()) {
            return Optional.empty();
        }
        try {
            Path nameFile = directory.resolve(sha256 + ".name");
            String name = Files.exists(nameFile) ? Files.readString(nameFile, StandardCharsets.UTF_8).trim() : sha256 + ".jar";
            JarCheck check = JarCheck.of(jar.get(), name);
            return Optional.of(new StagedBundle(sha256, name, Files.size(jar.get()), check.symbolicName(),
                    check.version().toString(), check.declaredIntents(), check.requiredIntents()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the staged jar " + jar.get() + " (" + e.getMessage() + ")", e);
        }
    }

    /** The file of the staged jar with this hash, if it is kept (a malformed hash names none). */
    Optional<Path> jar(String sha256) {
        if (sha256 == null || !SHA256.matcher(sha256).matches()) {
            return Optional.empty();
        }
        Path jar = directory.resolve(sha256 + ".jar");
        return Files.isRegularFile(jar) ? Optional.of(jar) : Optional.empty();
    }

    /** True if {@code sha256} is 64 lower-case hex digits. */
    static boolean isSha256(String sha256) {
        return sha256 != null && SHA256.matcher(sha256).matches();
    }

    private long copy(InputStream in, Path target, MessageDigest digest, String name) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long size = 0;
        try (OutputStream out = Files.newOutputStream(target)) {
            for (int read; (read = in.read(buffer)) > 0;) {
                size += read;
                if (size > maxBytes) {
                    throw new IntentException(ErrorCode.PAYLOAD_INVALID, "'" + name + "' is larger than the "
                            + maxBytes + " bytes a staged bundle may have; make the bundle smaller or raise the "
                            + "Curator's maxStageBytes setting");
                }
                digest.update(buffer, 0, read);
                out.write(buffer, 0, read);
            }
        }
        return size;
    }

    /** The operator's file name, as a name: its last path segment, trimmed; a bundle needs one. */
    private static String fileName(String fileName) {
        String name = fileName == null ? "" : fileName.trim();
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        if (name.isEmpty()) {
            throw new IntentException(ErrorCode.PAYLOAD_INVALID, "the staged jar has no file name; give one, such as "
                    + "acme-orders-1.0.0.jar");
        }
        if (name.length() > MAX_FILE_NAME || name.chars().anyMatch(Character::isISOControl)) {
            throw new IntentException(ErrorCode.PAYLOAD_INVALID, "the file name '" + name.replaceAll("\\p{Cntrl}", "?")
                    + "' is too long or holds control characters; give a plain name of at most " + MAX_FILE_NAME
                    + " characters");
        }
        return name;
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteQuietly(Path path) {
        if (path != null) {
            try {
                Files.deleteIfExists(path);
            } catch (IOException ignored) {
                // a leftover temporary file is harmless: it never has a staged jar's name
            }
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
