package org.symphainy.foundations.rest;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The request limits in force, checked: body size, JSON nesting depth, string and number lengths, and how long a
 * credential is trusted between checks.
 *
 * @param maxBodyBytes largest request body, in bytes
 * @param maxNestingDepth deepest nesting of JSON objects and arrays
 * @param maxStringLength longest JSON string, in characters
 * @param maxNumberLength longest JSON number, in characters
 * @param credentialCacheSeconds how long an API key or JWT is trusted before it is checked again
 */
public record Limits(int maxBodyBytes, int maxNestingDepth, int maxStringLength, int maxNumberLength,
        int credentialCacheSeconds) {

    private static final Logger LOG = LoggerFactory.getLogger("org.symphainy.foundations.rest");

    /** The defaults of Experience's configuration. */
    public static final Limits DEFAULTS = new Limits(1_114_112, 64, 1_048_576, 100, 60);

    /** Checks every value; throws an IllegalArgumentException listing each one out of range. */
    public Limits {
        List<String> problems = new ArrayList<>();
        range(problems, "maxBodyBytes", maxBodyBytes, 1024, 64 * 1024 * 1024);
        range(problems, "maxNestingDepth", maxNestingDepth, 2, 1000);
        range(problems, "maxStringLength", maxStringLength, 16, 64 * 1024 * 1024);
        range(problems, "maxNumberLength", maxNumberLength, 16, 10_000);
        range(problems, "credentialCacheSeconds", credentialCacheSeconds, 0, 3600);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
    }

    /** These limits, or the defaults (with an ERROR line naming {@code pid}) if a value is out of range. */
    public static Limits checked(String pid, int maxBodyBytes, int maxNestingDepth, int maxStringLength,
            int maxNumberLength, int credentialCacheSeconds) {
        try {
            return new Limits(maxBodyBytes, maxNestingDepth, maxStringLength, maxNumberLength, credentialCacheSeconds);
        } catch (IllegalArgumentException e) {
            LOG.error("configuration {} refused: {}; the defaults apply ({})", pid, e.getMessage(), DEFAULTS);
            return DEFAULTS;
        }
    }

    private static void range(List<String> problems, String what, int value, int min, int max) {
        if (value < min || value > max) {
            problems.add(what + " is " + value + "; use " + min + " to " + max);
        }
    }
}
