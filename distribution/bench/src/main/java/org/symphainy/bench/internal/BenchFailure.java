package org.symphainy.bench.internal;

/** The bench cannot go on; the message says what happened and, where it can, what to do. */
final class BenchFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    BenchFailure(String message) {
        super(message);
    }
}
