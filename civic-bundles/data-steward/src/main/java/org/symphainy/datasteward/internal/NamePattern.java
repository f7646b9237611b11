package org.symphainy.datasteward.internal;

/**
 * A pattern over dotted lower-case names (data sources, artifact kinds): a name ({@code crm.contacts}) matching itself,
 * a prefix ({@code crm.*}) matching every name below {@code crm.}, or {@code *} matching every name. Parsed once, at
 * configuration time; {@link #matches} is a string comparison.
 *
 * @param text the pattern as configured
 * @param stem what a name must equal ({@link Shape#EXACT}) or start with ({@link Shape#PREFIX}, ending in '.')
 * @param shape how the pattern matches
 */
record NamePattern(String text, String stem, Shape shape) {

    /** How a pattern matches. */
    enum Shape { ALL, PREFIX, EXACT }

    /** The pattern {@code *}. */
    static final NamePattern ALL = new NamePattern("*", "", Shape.ALL);

    private static final int MAX_NAME_LENGTH = 128;

    /** The pattern {@code text}; call {@link #problem} first, this throws on an invalid one. */
    static NamePattern parse(String text) {
        String problem = problem(text);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        if (text.equals("*")) {
            return ALL;
        }
        if (text.endsWith(".*")) {
            return new NamePattern(text, text.substring(0, text.length() - 1), Shape.PREFIX);
        }
        return new NamePattern(text, text, Shape.EXACT);
    }

    /** What is wrong with pattern {@code text} and how to write it, or null if it is a valid pattern. */
    static String problem(String text) {
        if (text.isEmpty()) {
            return "the pattern is empty; write a name (crm.contacts), a prefix (crm.*) or '*'";
        }
        if (text.equals("*")) {
            return null;
        }
        String name = text.endsWith(".*") ? text.substring(0, text.length() - 2) : text;
        if (!isName(name)) {
            return "pattern '" + text + "' is not a dotted lower-case name (crm.contacts), a prefix ending in '.*' "
                    + "(crm.*) or '*'; use segments of a-z, 0-9, '_' or '-', each starting with a letter";
        }
        return null;
    }

    /** True if {@code value} is a dotted lower-case name such as {@code crm.contacts} (one segment or more). */
    static boolean isName(String value) {
        if (value == null || value.isEmpty() || value.length() > MAX_NAME_LENGTH) {
            return false;
        }
        // by hand: every data source an intent names passes here
        boolean segmentStart = true;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (segmentStart) {
                if (c < 'a' || c > 'z') {
                    return false;
                }
                segmentStart = false;
            } else if (c == '.') {
                segmentStart = true;
            } else if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-')) {
                return false;
            }
        }
        return !segmentStart;
    }

    /** True if {@code name} matches this pattern. */
    boolean matches(String name) {
        return switch (shape) {
            case ALL -> true;
            case PREFIX -> name.startsWith(stem);
            case EXACT -> name.equals(stem);
        };
    }

    @Override
    public String toString() {
        return text;
    }
}
