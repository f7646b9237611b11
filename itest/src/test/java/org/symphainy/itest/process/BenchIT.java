package org.symphainy.itest.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/symphainy bench}, short: every figure of the async scenarios is printed once as a positive number, the
 * stand-in governance roles are announced, the process exits 0 and leaves no temporary data directory behind. A smoke
 * test: no thresholds on the numbers (those belong to the bench's own output).
 */
class BenchIT {

    private static final List<String> ASYNC_FIGURES = List.of("async_intents_per_s", "async_completed_per_s",
            "recovery_1m_records_s", "heap_bytes_per_execution", "replay_records_per_s");
    private static final List<String> FSYNC_FIGURES = List.of("durable_intents_per_s", "durable_completed_per_s",
            "durable_submit_p50_ms", "durable_submit_p99_ms", "durable_complete_p50_ms", "durable_complete_p99_ms",
            "governance_p50_us", "governance_p99_us", "governed_vs_bare_throughput_ratio", "saga3_per_s", "saga3_p50_ms",
            "saga3_p99_ms");
    private static final Pattern FIGURE = Pattern.compile("^([a-z0-9_]+): (\\d+(?:\\.\\d+)?)(?: \\(.+\\))?$");
    /** Bounds a hung bench, not a performance check: filling the million-record WAL takes most of the run. */
    private static final Duration PATIENCE = Duration.ofMinutes(10);

    @TempDir
    Path work;

    @Test
    void asyncModePrintsEachOfItsFiguresAsAPositiveNumberAndExitsZero() throws Exception {
        Path data = work.resolve("data");
        try (ContainerProcess bench = ContainerProcess.start(ContainerProcess.distribution(), data, Map.of(),
                "bench", "--seconds", "1", "--mode", "async")) {
            awaitExit(bench);
            assertEquals(0, bench.exitCode(), bench.output());

            Map<String, Double> figures = figures(bench.lines(), bench.output());
            for (String name : ASYNC_FIGURES) {
                assertTrue(figures.containsKey(name), "no figure " + name + " in:\n" + bench.output());
                assertTrue(figures.get(name) > 0, name + " is " + figures.get(name) + ", not positive:\n" + bench.output());
            }
            FSYNC_FIGURES.forEach(name -> assertFalse(figures.containsKey(name), "--mode async printed " + name));
            // the distribution ships every Smart City role: the bench goes through them, signed in, with no stand-in
            assertTrue(bench.output().contains("governance: the container's Smart City roles decide\n"), bench.output());
            assertTrue(bench.output().contains("identity: signed in as admin@system"), bench.output());
            assertFalse(bench.output().contains("stand-in"), bench.output());
            try (Stream<Path> left = Files.list(data)) {
                List<Path> benchDirectories = left.filter(p -> p.getFileName().toString().startsWith("bench-")).toList();
                assertTrue(benchDirectories.isEmpty(), "temporary data directories left behind: " + benchDirectories);
            }
        }
    }

    @Test
    void fsyncModeMeasuresTheRealGovernancePipelineAgainstTheBareKernel() throws Exception {
        Path data = work.resolve("data");
        try (ContainerProcess bench = ContainerProcess.start(ContainerProcess.distribution(), data, Map.of(),
                "bench", "--seconds", "1", "--mode", "fsync")) {
            awaitExit(bench);
            assertEquals(0, bench.exitCode(), bench.output());

            Map<String, Double> figures = figures(bench.lines(), bench.output());
            for (String name : FSYNC_FIGURES) {
                assertTrue(figures.containsKey(name), "no figure " + name + " in:\n" + bench.output());
                assertTrue(figures.get(name) > 0, name + " is " + figures.get(name) + ", not positive:\n" + bench.output());
            }
            ASYNC_FIGURES.forEach(name -> assertFalse(figures.containsKey(name), "--mode fsync printed " + name));
            // the scenario's intents passed every real role (a denial fails the bench) under the thousand-rule policy
            assertTrue(bench.output().contains("under 1000 policy rules"), bench.output());
            assertTrue(bench.output().contains("the same with allow-all stand-ins outranking the container's roles"),
                    bench.output());
        }
    }

    @Test
    void badUsageIsRefusedBeforeAnythingStarts() throws Exception {
        try (ContainerProcess bench = ContainerProcess.start(ContainerProcess.distribution(), work.resolve("data"), Map.of(),
                "bench", "--mode", "sync")) {
            assertEquals(2, bench.exitCode(), bench.output());
            assertTrue(bench.output().contains("--mode is 'sync'; use fsync, async or all"), bench.output());
            assertFalse(Files.exists(work.resolve("data")), "a refused bench must not touch the data directory");
        }
    }

    @Test
    void helpNamesEveryFigure() throws Exception {
        try (ContainerProcess bench = ContainerProcess.start(ContainerProcess.distribution(), work.resolve("data"), Map.of(),
                "bench", "--help")) {
            assertEquals(0, bench.exitCode(), bench.output());
            Stream.concat(FSYNC_FIGURES.stream(), ASYNC_FIGURES.stream())
                    .forEach(name -> assertTrue(bench.output().contains(name), "help does not explain " + name));
        }
    }

    /** Every {@code name: value} line, by name; a name printed twice fails. */
    private static Map<String, Double> figures(List<String> lines, String output) {
        Map<String, Double> figures = new LinkedHashMap<>();
        for (String line : lines) {
            Matcher m = FIGURE.matcher(line);
            if (m.matches() && figures.put(m.group(1), Double.parseDouble(m.group(2))) != null) {
                fail("figure " + m.group(1) + " printed twice:\n" + output);
            }
        }
        return figures;
    }

    private static void awaitExit(ContainerProcess bench) throws InterruptedException {
        ProcessHandle process = ProcessHandle.of(bench.pid()).orElse(null);
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (process != null && process.isAlive()) {
            if (System.nanoTime() - deadline > 0) {
                fail("the bench did not end within " + PATIENCE.toMinutes() + " minutes; output:\n" + bench.output());
            }
            Thread.sleep(200);
        }
    }
}
