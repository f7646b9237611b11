package org.symphainy.launcher.client;

/** A client command that cannot go on: its message says what happened and what to do; its exit code says how. */
public final class ClientException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Exit code: the server refused the request or the execution did not complete. */
    public static final int REFUSED = 1;
    /** Exit code: bad usage. */
    public static final int USAGE = 2;
    /** Exit code: no container answers, or no credential to sign in with. */
    public static final int ENVIRONMENT = 3;

    private final int exitCode;

    ClientException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    /** The process exit code for this failure. */
    public int exitCode() {
        return exitCode;
    }
}
