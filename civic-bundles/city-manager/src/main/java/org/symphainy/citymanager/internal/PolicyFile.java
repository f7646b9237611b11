package org.symphainy.citymanager.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The policy file and the policy in force. {@link #reload()} reads the file; {@link #reloadIfChanged()} does so only
 * if its modification time or size changed (a cheap poll). A file that cannot be used is rejected with one ERROR line
 * naming the file, the position and the reason, and the previous policy stays in force (on first load, the secure
 * default). No file means the secure default. Reading the policy in force takes no lock.
 */
final class PolicyFile {

    private static final Logger LOG = LoggerFactory.getLogger("org.symphainy.citymanager");

    private final Path path;
    private final PolicyCompiler compiler;
    private final Policy secureDefault;
    private volatile Policy current;
    private volatile String currentText = SecureDefault.DOCUMENT;
    private volatile String lastRejection;
    private Stamp seen;

    /** The policy in {@code path}, loaded now. */
    PolicyFile(Path path, PolicyCompiler compiler) {
        this.path = path;
        this.compiler = compiler;
        this.secureDefault = SecureDefault.policy(compiler, path.toString());
        this.current = secureDefault;
        reload();
    }

    /** The file's path. */
    Path path() {
        return path;
    }

    /** The policy in force. */
    Policy current() {
        return current;
    }

    /** The policy in force as its document (JSON text): the file's content, or the secure default's. */
    String currentText() {
        return currentText;
    }

    /** Why the file was last rejected (the text of the ERROR line), or null if its last read was used. */
    String lastRejection() {
        return lastRejection;
    }

    /** Reads the file again if it changed since it was last read. */
    synchronized void reloadIfChanged() {
        Stamp stamp = Stamp.of(path);
        if (!stamp.equals(seen)) {
            reload();
        }
    }

    /** Reads the file; keeps the policy in force if the file cannot be used. */
    synchronized void reload() {
        Stamp previous = seen;
        Stamp stamp = Stamp.of(path);
        seen = stamp;
        if (stamp.missing()) {
            if (previous == null || !previous.missing()) {
                LOG.warn("policy file {} does not exist: the secure default is in force (only the bootstrap administrator's "
                        + "platform.* intents are allowed); write rules to that file to allow more", path);
            }
            current = secureDefault;
            currentText = SecureDefault.DOCUMENT;
            lastRejection = null;
            return;
        }
        try {
            byte[] document = Files.readAllBytes(path);
            Policy loaded = compiler.compile(document, path.toString(), false);
            current = loaded;
            currentText = new String(document, java.nio.charset.StandardCharsets.UTF_8);
            lastRejection = null;
            LOG.info("policy file {} loaded: {} rules in force", path, loaded.rules().size());
        } catch (InvalidPolicy e) {
            reject(e.getMessage());
        } catch (IOException e) {
            reject(path + ": could not be read (" + e + ")");
        }
    }

    private void reject(String why) {
        lastRejection = "policy rejected: " + why + "; the previous policy stays in force (" + describe(current) + ")";
        LOG.error("{}", lastRejection);
    }

    private static String describe(Policy policy) {
        return policy.secureDefault() ? "the secure default"
                : policy.rules().size() + " rules from " + policy.origin();
    }

    /** What a poll compares: modification time and size; {@code missing} if there is no file. */
    private record Stamp(boolean missing, long modified, long size) {

        static Stamp of(Path path) {
            try {
                BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
                return new Stamp(false, attributes.lastModifiedTime().toMillis(), attributes.size());
            } catch (NoSuchFileException e) {
                return new Stamp(true, 0, 0);
            } catch (IOException e) {
                return new Stamp(false, -1, -1);
            }
        }
    }
}
