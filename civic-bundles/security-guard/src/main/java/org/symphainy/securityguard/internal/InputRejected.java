package org.symphainy.securityguard.internal;

/**
 * A file or configuration entry refused on load. Its message is one line: what was read (a file or a configuration
 * attribute), where in it (line and column, or an entry index) and why, so an operator can fix it from the log alone.
 */
final class InputRejected extends Exception {

    private static final long serialVersionUID = 1L;

    private final String source;
    private final String position;
    private final String reason;

    /** A rejection of {@code source} at {@code position} (null if the whole input is wrong) for {@code reason}. */
    InputRejected(String source, String position, String reason) {
        super(oneLine(source + (position == null ? "" : ", " + position) + ": " + reason));
        this.source = source;
        this.position = position;
        this.reason = reason;
    }

    /** The file or configuration attribute that was read. */
    String source() {
        return source;
    }

    /** Where in it, such as {@code line 3, column 14} or {@code grants[2]}; null for the whole input. */
    String position() {
        return position;
    }

    /** Why it was refused. */
    String reason() {
        return reason;
    }

    /** {@code text} on one line: line breaks become spaces, so one rejection is one log line. */
    static String oneLine(String text) {
        return text.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ');
    }
}
