package org.symphainy.launcher;

/** A reason the container cannot start, with the process exit code it maps to and a message that says what to do. */
final class LaunchException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Exit code: a system bundle could not resolve or start. */
    static final int BUNDLE_FAILURE = 1;
    /** Exit code: bad command-line usage or configuration value. */
    static final int USAGE = 2;
    /** Exit code: the environment (data directory, port, lock) does not allow a start. */
    static final int ENVIRONMENT = 3;

    private final int exitCode;

    LaunchException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    int exitCode() {
        return exitCode;
    }
}
