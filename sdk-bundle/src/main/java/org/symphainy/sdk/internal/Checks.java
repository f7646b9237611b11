package org.symphainy.sdk.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Argument checks shared by the SDK's value types, with messages that say what to fix. Not API: this package is private
 * to the SDK bundle, and nothing in an exported signature refers to it.
 */
public final class Checks {

    /** Longest identifier (tenant, actor, session, ids) the SDK accepts. */
    public static final int MAX_ID_LENGTH = 256;

    private static final String VERSION = "\\d+(\\.\\d+(\\.\\d+(\\.[A-Za-z0-9_-]+)?)?)?";
    private static final Pattern VERSION_PATTERN = Pattern.compile(VERSION);
    private static final Pattern RANGE_PATTERN =
            Pattern.compile("[\\[(]\\s*" + VERSION + "\\s*,\\s*" + VERSION + "\\s*[\\])]|" + VERSION);
    private static final Pattern CODE_PATTERN = Pattern.compile("[A-Z][A-Z0-9_]*");
    private static final int MAX_NAME_LENGTH = 128;

    private Checks() {
    }

    /** Returns {@code value}, or throws a NullPointerException saying {@code what} is required. */
    public static <T> T present(String what, T value) {
        return Objects.requireNonNull(value, () -> what + " is required");
    }

    /** Returns {@code value} if it is a usable identifier, else throws with the reason. */
    public static String id(String what, String value) {
        String problem = idProblem(what, present(what, value));
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        return value;
    }

    /** Like {@link #id} but accepts null. */
    public static String optionalId(String what, String value) {
        return value == null ? null : id(what, value);
    }

    /** Why {@code value} is not a usable identifier, or null if it is one. */
    public static String idProblem(String what, String value) {
        if (value.isBlank()) {
            return what + " must not be blank";
        }
        if (value.length() > MAX_ID_LENGTH) {
            return what + " is " + value.length() + " characters long; use at most " + MAX_ID_LENGTH;
        }
        for (int i = 0; i < value.length(); i++) { // a loop, not a stream: every id of every intent and record passes here
            if (Character.isISOControl(value.charAt(i))) {
                return what + " '" + printable(value) + "' contains control characters; remove them";
            }
        }
        return null;
    }

    /** True if {@code value} is a dotted lower-case name with at least {@code minSegments} segments. */
    public static boolean isName(String value, int minSegments) {
        if (value == null || value.isEmpty() || value.length() > MAX_NAME_LENGTH) {
            return false;
        }
        // by hand, not split and a regular expression: every intent's type, tenant and actor pass here
        int segments = 0;
        boolean segmentStart = true;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (segmentStart) {
                if (c < 'a' || c > 'z') {
                    return false;
                }
                segments++;
                segmentStart = false;
            } else if (c == '.') {
                segmentStart = true;
            } else if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-')) {
                return false;
            }
        }
        return !segmentStart && segments >= minSegments;
    }

    /** The SHA-256 of {@code bytes} in lower-case hex (one digest per thread, not one per call). */
    public static String sha256Hex(byte[] bytes) {
        MessageDigest digest = SHA256.get();
        digest.reset();
        return HexFormat.of().formatHex(digest.digest(bytes));
    }

    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    });

    /** Why {@code value} is not a dotted lower-case name of {@code minSegments} or more segments, or null. */
    public static String nameProblem(String what, String value, int minSegments, String example) {
        if (isName(value, minSegments)) {
            return null;
        }
        String shape = minSegments > 1 ? "two or more dot-separated segments" : "one or more dot-separated segments";
        return what + " '" + printable(value) + "' is not a dotted lower-case name such as '" + example + "': use "
                + shape + " of a-z, 0-9, '_' or '-', each starting with a letter, " + MAX_NAME_LENGTH
                + " characters at most";
    }

    /** Returns {@code value} if it is a dotted lower-case name, else throws with the reason. */
    public static String name(String what, String value, int minSegments, String example) {
        String problem = nameProblem(what, present(what, value), minSegments, example);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        return value;
    }

    /** True if {@code value} is an OSGi version: {@code major[.minor[.micro[.qualifier]]]}. */
    public static boolean isVersion(String value) {
        return value != null && VERSION_PATTERN.matcher(value).matches();
    }

    /** Returns {@code value} if it is an OSGi version, else throws with the reason. */
    public static String version(String what, String value) {
        if (!isVersion(present(what, value))) {
            throw new IllegalArgumentException(what + " '" + printable(value)
                    + "' is not an OSGi version such as '1.0.0' (major.minor.micro.qualifier)");
        }
        return value;
    }

    /** Why {@code value} is not an OSGi version range, or null if it is one. */
    public static String versionRangeProblem(String what, String value) {
        if (RANGE_PATTERN.matcher(value.trim()).matches()) {
            return null;
        }
        return what + " '" + printable(value) + "' is not an OSGi version range such as '[1.0,2.0)' (1.0 up to, "
                + "not including, 2.0) or '1.0' (1.0 or later)";
    }

    /** True if {@code value} is a stable code: upper-case letters, digits and '_', starting with a letter. */
    public static boolean isCode(String value) {
        return value != null && CODE_PATTERN.matcher(value).matches();
    }

    /** Returns {@code value} if it is at least {@code min}, else throws with the reason. */
    public static int atLeast(String what, int value, int min) {
        if (value < min) {
            throw new IllegalArgumentException(what + " is " + value + "; it must be " + min + " or more");
        }
        return value;
    }

    /** Returns {@code value} if it is not blank, else throws saying {@code what} is needed. */
    public static String text(String what, String value) {
        if (present(what, value).isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
        return value;
    }

    /** An unmodifiable copy of {@code list}; a null element is reported by its position. */
    public static <T> List<T> list(String what, List<? extends T> list) {
        present(what, list);
        List<T> copy = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            T element = list.get(i);
            if (element == null) {
                throw new NullPointerException(what + " has a null element at index " + i);
            }
            copy.add(element);
        }
        return List.copyOf(copy);
    }

    /** {@code value} with control characters escaped, for messages. */
    public static String printable(String value) {
        if (value == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder(value.length());
        value.chars().forEach(c -> {
            if (Character.isISOControl(c)) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.append((char) c);
            }
        });
        return out.toString();
    }
}
