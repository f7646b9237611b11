package org.symphainy.nurse.internal;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as the configuration writes them: a whole number and a unit, {@code 500ms}, {@code 2s}, {@code 5m}, {@code 1h}. */
final class Durations {

    /** How to write a duration, for messages. */
    static final String SYNTAX = "a whole number with a unit ms, s, m or h, such as 500ms, 2s, 5m or 1h";

    private static final Pattern TEXT = Pattern.compile("(\\d{1,9})\\s*(ms|s|m|h)");

    private Durations() {
    }

    /** The duration {@code text} names, or an IllegalArgumentException saying how to write one. */
    static Duration parse(String what, String text) {
        Matcher matcher = TEXT.matcher(text.trim());
        if (!matcher.matches()) {
            throw new IllegalArgumentException(what + " is '" + text + "'; write " + SYNTAX);
        }
        long amount = Long.parseLong(matcher.group(1));
        return switch (matcher.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            default -> Duration.ofHours(amount);
        };
    }

    /** The duration {@code text} names, between {@code min} and {@code max}, or an IllegalArgumentException. */
    static Duration parse(String what, String text, Duration min, Duration max) {
        Duration duration = parse(what, text);
        if (duration.compareTo(min) < 0 || duration.compareTo(max) > 0) {
            throw new IllegalArgumentException(what + " is " + format(duration) + "; write a duration from "
                    + format(min) + " to " + format(max));
        }
        return duration;
    }

    /** {@code duration} in the largest unit that writes it whole: {@code 100s}, {@code 5m}, {@code 500ms}. */
    static String format(Duration duration) {
        long millis = duration.toMillis();
        if (millis != 0 && millis % 3_600_000 == 0) {
            return millis / 3_600_000 + "h";
        }
        if (millis != 0 && millis % 60_000 == 0) {
            return millis / 60_000 + "m";
        }
        if (millis != 0 && millis % 1_000 == 0) {
            return millis / 1_000 + "s";
        }
        return millis + "ms";
    }
}
