package org.symphainy.foundations.osgi;

/**
 * A jar that cannot be deployed as a bundle. The message completes a sentence about the file ("'x.jar' " + message)
 * and says what to fix; {@link #problem()} tells an unreadable file (perhaps still being copied) from a bad bundle.
 */
public final class BundleJarException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** What kind of problem it is. */
    public enum Problem {
        /** The file cannot be read as a jar at all. */
        NOT_A_JAR,
        /** A jar, but not a well-formed bundle (manifest, symbolic name, version, intent capabilities). */
        NOT_A_BUNDLE
    }

    private final Problem problem;

    /** A problem of {@code problem}'s kind, described by {@code message}. */
    public BundleJarException(Problem problem, String message) {
        super(message);
        this.problem = problem;
    }

    /** What kind of problem it is. */
    public Problem problem() {
        return problem;
    }
}
