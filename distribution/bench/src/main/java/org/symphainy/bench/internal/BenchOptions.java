package org.symphainy.bench.internal;

import java.time.Duration;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * What to run, from the framework properties {@code bin/symphainy bench} sets.
 *
 * @param mode which scenarios: the fsync ones, the async ones, or all
 * @param seconds the length of each timed scenario
 * @param concurrency the closed-loop submitters (and replayers)
 */
record BenchOptions(Mode mode, int seconds, int concurrency) {

    static final String MODE = "symphainy.bench.mode";
    static final String SECONDS = "symphainy.bench.seconds";
    static final String CONCURRENCY = "symphainy.bench.concurrency";

    /** Which scenarios run. */
    enum Mode {
        /** Durable throughput and latency (WAL forced to the device). */
        FSYNC,
        /** Async throughput, then recovery, heap and replay on a WAL filled in async mode. */
        ASYNC,
        /** Both. */
        ALL;

        boolean fsync() {
            return this != ASYNC;
        }

        boolean async() {
            return this != FSYNC;
        }
    }

    /** The options in the framework properties {@code properties} gives; null if this container is not a bench's. */
    static BenchOptions from(UnaryOperator<String> properties) {
        String mode = properties.apply(MODE);
        if (mode == null) {
            return null;
        }
        Mode parsed = switch (mode.trim().toLowerCase(Locale.ROOT)) {
            case "fsync" -> Mode.FSYNC;
            case "async" -> Mode.ASYNC;
            case "all" -> Mode.ALL;
            default -> throw new BenchFailure(MODE + " is '" + mode + "'; use fsync, async or all");
        };
        return new BenchOptions(parsed, number(properties, SECONDS, 10, 3600), number(properties, CONCURRENCY, 64, 4096));
    }

    /** How long each timed scenario runs. */
    Duration duration() {
        return Duration.ofSeconds(seconds);
    }

    /** The warm-up before a throughput scenario: as long as the scenario, at most 2 s. */
    Duration warmUp() {
        return Duration.ofSeconds(Math.min(2, seconds));
    }

    private static int number(UnaryOperator<String> properties, String key, int fallback, int max) {
        String value = properties.apply(key);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value.trim());
            if (parsed >= 1 && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new BenchFailure(key + " is '" + value + "'; use a whole number from 1 to " + max);
    }
}
