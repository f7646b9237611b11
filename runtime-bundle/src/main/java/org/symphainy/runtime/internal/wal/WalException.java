package org.symphainy.runtime.internal.wal;

/** The write-ahead log cannot do what was asked; the message says why and what to do. */
public class WalException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** An error with its message. */
    public WalException(String message) {
        super(message);
    }

    /** An error with its message and the failure beneath it. */
    public WalException(String message, Throwable cause) {
        super(message, cause);
    }
}
