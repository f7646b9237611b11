package org.symphainy.admin.internal;

import org.symphainy.foundations.rest.Limits;

/** The request limits {@link AdminConfig} sets, checked (see {@link Limits#checked}). */
final class AdminLimits {

    /** Largest bundle upload when the configured value is out of range. */
    static final int DEFAULT_BUNDLE_BYTES = 64 * 1024 * 1024;

    private AdminLimits() {
    }

    /** The JSON limits {@code config} sets, or the defaults (with an ERROR line) if a value is out of range. */
    static Limits of(AdminConfig config) {
        return Limits.checked(AdminConfig.PID, config.maxBodyBytes(), config.maxNestingDepth(),
                config.maxStringLength(), config.maxNumberLength(), config.credentialCacheSeconds());
    }

    /** The largest bundle upload {@code config} allows: 1 KiB to 1 GiB, else the default. */
    static int bundleBytes(AdminConfig config) {
        int value = config.maxBundleBytes();
        return value >= 1024 && value <= 1024 * 1024 * 1024 ? value : DEFAULT_BUNDLE_BYTES;
    }
}
