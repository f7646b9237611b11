package org.symphainy.bench.internal;

import java.io.PrintStream;
import java.util.Locale;

/**
 * The bench's output: one {@code name: value} line per figure, with a remark in parentheses where there is one, and
 * notes on lines starting with {@code #} that a reader of the figures can skip.
 */
final class Figures {

    private final PrintStream out;

    Figures(PrintStream out) {
        this.out = out;
    }

    /** A note: what runs, on what, and anything that qualifies the figures. */
    void note(String format, Object... args) {
        out.println("# " + String.format(Locale.ROOT, format, args));
        out.flush();
    }

    /** A figure with {@code decimals} decimals and an optional remark. */
    void figure(String name, double value, int decimals, String remark) {
        out.println(line(name, value, decimals, remark));
        out.flush();
    }

    static String line(String name, double value, int decimals, String remark) {
        String number = String.format(Locale.ROOT, "%." + decimals + "f", value);
        return name + ": " + number + (remark == null ? "" : " (" + remark + ")");
    }

    /** {@code target >= 10000: met}, for a figure that should be at least {@code target}. */
    static String atLeast(double value, double target) {
        return String.format(Locale.ROOT, "target >= %.0f: %s", target, value >= target ? "met" : "missed");
    }

    /** {@code target < 10: met}, for a figure that should stay below {@code target}. */
    static String below(double value, double target) {
        return String.format(Locale.ROOT, "target < %.0f: %s", target, value < target ? "met" : "missed");
    }
}
