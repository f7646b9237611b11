package org.symphainy.librarian.internal;

import java.io.FileNotFoundException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import com.networknt.schema.Error;

/** Turns validator output and exceptions into the one-line texts that reasons and logs carry. */
final class Messages {

    private static final String ROOT = "(root)";

    private Messages() {
    }

    /** {@code /customer/age: string found, integer expected}; {@code (root)} for the document itself. */
    static String violation(Error error) {
        String pointer = pointer(error);
        return (pointer.isEmpty() ? ROOT : pointer) + ": " + oneLine(error.getMessage());
    }

    /** Where in the document the violation is, as a JSON pointer; empty for the document itself. */
    private static String pointer(Error error) {
        return error.getInstanceLocation() == null ? "" : error.getInstanceLocation().toString();
    }

    /** The first {@code limit} violations by JSON pointer (the root first), then how many more there are. */
    static List<String> violations(List<Error> errors, int limit, String more) {
        List<Error> sorted = new ArrayList<>(errors);
        sorted.sort(Comparator.comparing(Messages::pointer));
        List<String> listed = new ArrayList<>();
        for (int i = 0; i < sorted.size() && i < limit; i++) {
            listed.add(violation(sorted.get(i)));
        }
        if (errors.size() > limit) {
            listed.add(String.format(more, errors.size() - limit));
        }
        return listed;
    }

    /** The first {@code limit} violations joined in one line, then how many more there are. */
    static String violations(List<Error> errors, int limit) {
        return String.join("; ", violations(errors, limit, "and %d more"));
    }

    /** The messages of {@code e} and its causes, each once, in one line. */
    static String causes(Throwable e) {
        List<String> messages = new ArrayList<>();
        for (Throwable cause = e; cause != null && messages.size() < 4; cause = next(cause)) {
            if (cause.getCause() != null && cause.getCause().toString().equals(cause.getMessage())) {
                continue; // a wrapper that only repeats its cause
            }
            String message = describe(cause);
            if (messages.stream().noneMatch(known -> known.contains(message))) {
                messages.add(message);
            }
        }
        return String.join(": ", messages);
    }

    private static Throwable next(Throwable cause) {
        return cause.getCause() == cause ? null : cause.getCause();
    }

    private static String describe(Throwable cause) {
        if (cause.getMessage() == null) {
            return cause.getClass().getSimpleName();
        }
        String message = oneLine(cause.getMessage());
        message = message.endsWith(".") ? message.substring(0, message.length() - 1) : message;
        return cause instanceof FileNotFoundException ? "no such resource: " + message : message;
    }

    /** {@code text} with its line breaks and runs of white space made single spaces. */
    static String oneLine(String text) {
        return text == null ? "" : text.strip().replaceAll("\\s+", " ");
    }
}
