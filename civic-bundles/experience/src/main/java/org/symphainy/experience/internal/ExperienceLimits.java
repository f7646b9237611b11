package org.symphainy.experience.internal;

import org.symphainy.foundations.rest.Limits;

/** The request limits {@link ExperienceConfig} sets, checked (see {@link Limits#checked}). */
final class ExperienceLimits {

    private ExperienceLimits() {
    }

    /** The limits {@code config} sets, or the defaults (with an ERROR line saying why) if a value is out of range. */
    static Limits of(ExperienceConfig config) {
        return Limits.checked(ExperienceConfig.PID, config.maxBodyBytes(), config.maxNestingDepth(),
                config.maxStringLength(), config.maxNumberLength(), config.credentialCacheSeconds());
    }
}
