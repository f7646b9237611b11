package org.symphainy.securityguard.internal;

import java.nio.file.Path;
import java.util.function.LongSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The keys of a JWKS file, re-read when the file changes (looked at, at most once a second, on the next token). A
 * changed file that cannot be used is refused with one ERROR line and the keys read before stay in force.
 */
final class JwksSource {

    private static final Logger LOG = LoggerFactory.getLogger(JwksSource.class);

    private final Path file;
    private final FileWatch watch;
    private volatile TrustedKeys keys;

    private JwksSource(Path file, FileWatch watch, TrustedKeys keys) {
        this.file = file;
        this.watch = watch;
        this.keys = keys;
    }

    /** The source of {@code file}, read now; a file that cannot be used rejects the configuration naming it. */
    static JwksSource open(Path file, LongSupplier nanoTime) throws InputRejected {
        FileWatch watch = new FileWatch(file, nanoTime);
        return new JwksSource(file, watch, JwksFile.load(file));
    }

    /** The current keys, re-read first if the file changed. */
    TrustedKeys keys() {
        if (watch.changed()) {
            try {
                keys = JwksFile.load(file);
                LOG.info("{} changed: {} signing keys are trusted now", file, keys.size());
            } catch (InputRejected e) {
                LOG.error("{}; the {} keys read before stay in force", e.getMessage(), keys.size());
            }
        }
        return keys;
    }
}
