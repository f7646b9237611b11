package org.symphainy.nurse.internal;

import java.util.regex.Pattern;

import org.symphainy.sdk.intent.Intent;

/**
 * Which intent types a retry policy is for: one type ({@code content.ingest}), every type under a prefix
 * ({@code content.*} matches {@code content.ingest} and {@code content.ingest.batch}, not {@code content}), or every
 * type ({@code *}). The same patterns as the City Manager's policy rules.
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
        if (Intent.isValidType(text)) {
            return new IntentPattern(text, null);
        }
        throw new IllegalArgumentException("'" + text + "' is not an intent type (content.ingest), a prefix "
                + "(content.*) or *");
    }

    /** True for an exact type. */
    boolean exact() {
        return prefix == null;
    }

    /** True for {@code *}. */
    boolean any() {
        return "".equals(prefix);
    }
}
