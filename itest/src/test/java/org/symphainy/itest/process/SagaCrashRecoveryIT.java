package org.symphainy.itest.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash recovery of sagas, at process level: the saga bundles of {@code itest/} are deployed, a load bundle submits
 * sagas from several threads — a third straight through, a third failing their charge once (a backoff wait, then a
 * retry), a third failing their ship for good (backoff waits, then compensation) — and records each acknowledgement.
 * Once 1,000 are recorded, with sagas mid-step, in backoff waits and mid-compensation, the container is killed with
 * SIGKILL. Started again on the same data directory, a check bundle finds that every acknowledged saga ends in the state
 * its behaviour calls for, with exactly one end record, no step or compensation completed twice, and compensations in
 * reverse order.
 */
class SagaCrashRecoveryIT {

    private static final int ACKNOWLEDGED_BEFORE_KILL = 1_000;
    /** Bounds for failures, not performance checks. */
    private static final Duration LOAD_PATIENCE = Duration.ofMinutes(3);
    private static final Duration CHECK_PATIENCE = Duration.ofSeconds(SagaCrashBundles.CHECK_PATIENCE_SECONDS + 120);
    private static final int KILLED_BY_SIGKILL = 128 + 9;
    /** The kernel's recovery line: how many executions it resumes. */
    private static final java.util.regex.Pattern RECOVERED =
            java.util.regex.Pattern.compile("runtime ready: \\d+ executions from \\d+ WAL records in \\d+ ms; (\\d+) to resume");

    @TempDir
    Path work;

    @Test
    void acknowledgedSagasSurviveAKillAndEachEndsExactlyOnceInItsFinalState() throws Exception {
        Path home = ContainerProcess.copyOfDistribution(work.resolve("home"));
        Path data = work.resolve("data");
        Path acks = work.resolve("acks.txt");
        Path result = work.resolve("result.txt");
        Path bundles = Files.createDirectories(work.resolve("bundles"));
        Path load = SagaCrashBundles.load(bundles);
        Path check = SagaCrashBundles.check(bundles);

        int acknowledged;
        try (ContainerProcess first = ContainerProcess.start(home, data, javaOpts("-D" + SagaCrashBundles.ACKS + "=" + acks))) {
            first.awaitReady();
            first.deploy(Path.of(System.getProperty("symphainy.itest.saga.steps")), "saga-steps.jar");
            first.deploy(Path.of(System.getProperty("symphainy.itest.saga")), "saga.jar");
            first.await("bundle started org.symphainy.itest.saga ");
            first.deploy(load, "saga-crash-load.jar");
            first.await("saga crash load: submitting from " + SagaCrashBundles.LOAD_THREADS + " threads");
            awaitLoadPastThreshold(first, acks);
            kill(first);
            assertFalse(first.output().contains("saga crash load failed"), "the load stopped before the kill:\n"
                    + first.output());
            acknowledged = acknowledged(acks);
            first.undeploy("saga-crash-load.jar"); // the process is dead: this only removes the file
        }
        assertTrue(acknowledged >= ACKNOWLEDGED_BEFORE_KILL, "only " + acknowledged + " acknowledgements before the kill");

        String checkOpts = "-D" + SagaCrashBundles.CHECK_ACKS + "=" + acks + " -D" + SagaCrashBundles.RESULT + "=" + result;
        try (ContainerProcess second = ContainerProcess.start(home, data, javaOpts(checkOpts))) {
            java.util.regex.Matcher recovered = second.await(RECOVERED.pattern());
            second.awaitReady();
            assertTrue(Long.parseLong(recovered.group(1)) > 0, "no saga was unfinished at the kill, so none was resumed: "
                    + recovered.group());
            second.deploy(check, "saga-crash-check.jar");
            Map<String, String> found = new LinkedHashMap<>();
            List<String> problems = new ArrayList<>();
            awaitResult(second, result, found, problems);
            String details = found + "\nfirst problems:\n" + String.join("\n", problems);

            assertNull(found.get("error"), "the check bundle failed: " + details);
            assertEquals(acknowledged, count(found, "acknowledged"), details);
            assertEquals(0, count(found, "missing"), "acknowledged sagas lost in the crash: " + details);
            assertEquals(0, count(found, "wrongState"), "sagas that did not end as their behaviour calls for: " + details);
            assertEquals(0, count(found, "endedTwice"), "sagas without exactly one end record: " + details);
            assertEquals(0, count(found, "stepTwice"), "a step or compensation recorded as completed twice: " + details);
            assertEquals(0, count(found, "wrongOrder"), "compensations not in reverse order: " + details);
            assertEquals(acknowledged, count(found, "completed") + count(found, "compensated"), details);
            assertTrue(count(found, "compensated") > 0 && count(found, "retried") > 0, details);
            System.out.println("saga crash recovery: " + acknowledged + " sagas acknowledged before SIGKILL; "
                    + recovered.group() + "; " + found);
            assertEquals(0, second.terminate(), second.output());
        }
    }

    private static Map<String, String> javaOpts(String options) {
        return Map.of("JAVA_OPTS", options, "SYMPHAINY_CDS", "off");
    }

    /** Waits for the threshold, then for one more acknowledgement: the load is still submitting right before the kill. */
    private static void awaitLoadPastThreshold(ContainerProcess container, Path acks) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + LOAD_PATIENCE.toNanos();
        int count;
        while ((count = acknowledged(acks)) < ACKNOWLEDGED_BEFORE_KILL) {
            checkLoadRunning(container, count, deadline);
            Thread.sleep(50);
        }
        while (acknowledged(acks) == count) {
            checkLoadRunning(container, count, deadline);
            Thread.sleep(5);
        }
    }

    private static void checkLoadRunning(ContainerProcess container, int count, long deadline) {
        boolean alive = ProcessHandle.of(container.pid()).map(ProcessHandle::isAlive).orElse(false);
        if (!alive || container.output().contains("saga crash load failed") || System.nanoTime() - deadline > 0) {
            fail((alive ? "the load" : "the container") + " stopped, or took longer than " + LOAD_PATIENCE + ", at "
                    + count + " acknowledgements; output:\n" + container.output());
        }
    }

    private static void kill(ContainerProcess container) throws InterruptedException {
        ProcessHandle process = ProcessHandle.of(container.pid())
                .orElseThrow(() -> new AssertionError("the container died before the kill:\n" + container.output()));
        assertTrue(process.destroyForcibly(), "could not send SIGKILL to the container");
        assertEquals(KILLED_BY_SIGKILL, container.exitCode(), "the container was to die of SIGKILL; output:\n"
                + container.output());
    }

    /** How many newline-terminated acknowledgement lines the file holds (an unterminated tail acknowledges nothing). */
    private static int acknowledged(Path acks) throws IOException {
        String text = Files.exists(acks) ? Files.readString(acks, StandardCharsets.US_ASCII) : "";
        return (int) text.chars().filter(c -> c == '\n').count();
    }

    private static void awaitResult(ContainerProcess container, Path result, Map<String, String> found,
            List<String> problems) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + CHECK_PATIENCE.toNanos();
        while (!Files.exists(result)) {
            boolean alive = ProcessHandle.of(container.pid()).map(ProcessHandle::isAlive).orElse(false);
            if (!alive || System.nanoTime() - deadline > 0) {
                fail("no check result within " + CHECK_PATIENCE + " (container " + (alive ? "running" : "gone")
                        + "); output:\n" + container.output());
            }
            Thread.sleep(100);
        }
        List<String> lines = Files.readAllLines(result);
        assertEquals("DONE", lines.isEmpty() ? "" : lines.get(lines.size() - 1), "the check result is incomplete:\n" + lines);
        for (String line : lines.subList(0, lines.size() - 1)) {
            int equals = line.indexOf('=');
            String key = line.substring(0, equals);
            if (key.equals("problem")) {
                problems.add(line.substring(equals + 1));
            } else {
                found.put(key, line.substring(equals + 1));
            }
        }
    }

    private static long count(Map<String, String> found, String key) {
        String value = found.get(key);
        assertTrue(value != null, "the check result has no " + key + ": " + found);
        return Long.parseLong(value);
    }
}
