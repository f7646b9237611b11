package org.symphainy.citymanager.internal;

import java.util.Locale;

/**
 * A tenant's rate quota: {@code rate} intents per second on average, up to {@code burst} at once; or no limit.
 * Written {@code <rate>/<burst>} ({@code 50/100}, {@code 0.5/1}) or {@code unlimited}.
 *
 * @param rate intents per second; 0 for no limit
 * @param burst intents accepted at once after a quiet period; 0 for no limit
 */
record QuotaLimit(double rate, int burst) {

    /** No limit. */
    static final QuotaLimit UNLIMITED = new QuotaLimit(0, 0);

    /** True if this quota never denies. */
    boolean unlimited() {
        return rate == 0;
    }

    /** The quota written as {@code text}; throws an IllegalArgumentException saying how to write one. */
    static QuotaLimit parse(String text) {
        String trimmed = text.trim();
        if ("unlimited".equalsIgnoreCase(trimmed)) {
            return UNLIMITED;
        }
        int slash = trimmed.indexOf('/');
        try {
            if (slash > 0) {
                return of(Double.parseDouble(trimmed.substring(0, slash).trim()),
                        Integer.parseInt(trimmed.substring(slash + 1).trim()));
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("quota '" + text + "' is not <rate>/<burst> (such as 50/100: 50 intents per "
                + "second, up to 100 at once) or 'unlimited'");
    }

    /** A limit of {@code rate} per second and {@code burst} at once; both must be positive. */
    static QuotaLimit of(double rate, int burst) {
        if (!(rate > 0) || Double.isInfinite(rate) || burst < 1) {
            throw new IllegalArgumentException("quota " + rate + "/" + burst + " needs a rate above 0 and a burst of 1 "
                    + "or more; write 'unlimited' for no limit");
        }
        return new QuotaLimit(rate, burst);
    }

    @Override
    public String toString() {
        return unlimited() ? "unlimited"
                : String.format(Locale.ROOT, "%s intents/s, burst %d", rate == Math.rint(rate) ? String.valueOf((long) rate)
                        : String.valueOf(rate), burst);
    }
}
