package org.symphainy.citymanager.internal;

import java.util.regex.Pattern;

/**
 * Which intent types a rule is about: one type ({@code content.ingest}), every type under a prefix
 * ({@code content.*} matches {@code content.ingest} and {@code content.ingest.batch}), or every type ({@code *}).
 *
 * @param text the pattern as written
 * @param prefix for a prefix pattern the prefix with its trailing dot ({@code content.}); empty for {@code *}; null
 *               for an exact type
 */
record IntentPattern(String text, String prefix) {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_-]*(\\.[a-z][a-z0-9_-]*)*");

    /** The pattern {@code text}, or an IllegalArgumentException saying how to write one. */
    static IntentPattern parse(String text) {
        if ("*".equals(text)) {
            return new IntentPattern(text, "");
        }
        if (text.endsWith(".*") && NAME.matcher(text.substring(0, text.length() - 2)).matches()) {
            return new IntentPattern(text, text.substring(0, text.length() - 1));
        }
        if (NAME.matcher(text).matches()) {
            return new IntentPattern(text, null);
        }
        throw new IllegalArgumentException("intent '" + text + "' is not an intent type ('content.ingest'), a prefix "
                + "('content.*') or '*'");
    }

    /** True for an exact type. */
    boolean exact() {
        return prefix == null;
    }

    /** True if an intent of {@code type} falls under this pattern. */
    boolean matches(String type) {
        return prefix == null ? text.equals(type) : type.startsWith(prefix);
    }
}
