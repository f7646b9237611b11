package org.symphainy.citymanager.internal;

/**
 * A policy document that cannot be used, with a message naming the document, the position (line and column, and the
 * rule's number and id where there is one) and what is wrong, on one line.
 */
public final class InvalidPolicy extends Exception {

    private static final long serialVersionUID = 1L;

    InvalidPolicy(String message) {
        super(message.replace('\n', ' ').replace('\r', ' '));
    }
}
