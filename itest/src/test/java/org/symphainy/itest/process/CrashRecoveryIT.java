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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash recovery of the whole container, at process level: nothing acknowledged is lost, nothing completed runs again,
 * and idempotency holds after a restart. A load bundle submits {@code platform.echo} intents from several threads and
 * records every acknowledgement ({@code submit} returned: the acceptance is durable); once 2,000 are recorded, with the
 * load still running, the container is killed with SIGKILL. Started again on the same data directory, the runtime
 * recovers from its write-ahead log, and a check bundle finds that every acknowledged execution is known, completes
 * with its echo, ran its step at most twice (once before the kill, at most once resumed after it), and that submitting
 * an acknowledged intent again returns its first execution as a duplicate.
 */
class CrashRecoveryIT {

    private static final int ACKNOWLEDGED_BEFORE_KILL = 2_000;
    /** Bounds for failures, not performance checks: the machines that run the tests may be slow and shared. */
    private static final Duration LOAD_PATIENCE = Duration.ofMinutes(3);
    private static final Duration CHECK_PATIENCE = Duration.ofSeconds(CrashBundles.CHECK_PATIENCE_SECONDS + 120);
    private static final int KILLED_BY_SIGKILL = 128 + 9;
    private static final Pattern ACK = Pattern.compile("(\\d+) (\\S+)");
    /** The kernel's recovery line: how many executions it rebuilt from the WAL (the rest of the line may vary). */
    private static final Pattern RECOVERED = Pattern.compile("runtime ready: (\\d+) executions from \\d+ WAL records.*");

    @TempDir
    Path work;

    @Test
    void acknowledgedIntentsSurviveAKillCompleteOnceAndStayIdempotent() throws Exception {
        Path home = ContainerProcess.copyOfDistribution(work.resolve("home"));
        Path data = work.resolve("data");
        Path acks = work.resolve("acks.txt");
        Path result = work.resolve("result.txt");
        Path bundles = Files.createDirectories(work.resolve("bundles"));
        Path load = CrashBundles.load(bundles);
        Path check = CrashBundles.check(bundles);

        Map<Integer, String> acknowledged;
        try (ContainerProcess first = ContainerProcess.start(home, data, javaOpts("-D" + CrashBundles.ACKS + "=" + acks))) {
            first.awaitReady();
            first.deploy(load, "crash-load.jar");
            first.await("crash load: submitting from " + CrashBundles.LOAD_THREADS + " threads");
            awaitLoadPastThreshold(first, acks);
            kill(first);
            assertFalse(first.output().contains("crash load failed"), "the load stopped before the kill:\n" + first.output());
            acknowledged = acknowledged(acks);
            first.undeploy("crash-load.jar"); // the process is dead: this only removes the file
        }
        assertTrue(acknowledged.size() >= ACKNOWLEDGED_BEFORE_KILL,
                "only " + acknowledged.size() + " acknowledgements recorded before the kill");

        String checkOpts = "-D" + CrashBundles.CHECK_ACKS + "=" + acks + " -D" + CrashBundles.RESULT + "=" + result;
        try (ContainerProcess second = ContainerProcess.start(home, data, javaOpts(checkOpts))) {
            Matcher recovered = second.await(RECOVERED.pattern());
            second.awaitReady();
            assertTrue(Long.parseLong(recovered.group(1)) >= acknowledged.size(), "the runtime recovered fewer executions"
                    + " than were acknowledged (" + acknowledged.size() + "): " + recovered.group());

            second.deploy(check, "crash-check.jar");
            Map<String, String> found = new LinkedHashMap<>();
            List<String> problems = new ArrayList<>();
            awaitResult(second, result, found, problems);
            String details = found + "\nfirst problems:\n" + String.join("\n", problems);

            assertNull(found.get("error"), "the check bundle failed: " + details);
            assertEquals(acknowledged.size(), count(found, "acknowledged"),
                    "the check bundle read another number of acknowledgements than the test: " + details);
            assertEquals(0, count(found, "missing"), "acknowledged executions lost in the crash: " + details);
            assertEquals(0, count(found, "notCompleted"), "acknowledged executions that did not complete: " + details);
            assertEquals(0, count(found, "overAttempted"), "executions whose step ran more than once before and once"
                    + " after the kill: " + details);
            assertEquals(0, count(found, "wrongArtifacts"), "executions that did not echo their payload: " + details);
            assertEquals(0, count(found, "idempotencyMismatches"), "a resubmitted acknowledged intent did not return its"
                    + " first execution as a duplicate: " + details);
            assertEquals(acknowledged.keySet().stream().filter(n -> n % CrashBundles.RESUBMIT_EVERY == 0).count(),
                    count(found, "resubmitted"), "the check did not resubmit its sample: " + details);
            assertEquals(acknowledged.size(), count(found, "completed"), details);

            List<String> errors = second.lines().stream().filter(line -> line.contains(" ERROR ")).toList();
            assertTrue(errors.isEmpty(), "the restarted container logged errors:\n" + String.join("\n", errors));
            System.out.println("crash recovery: " + acknowledged.size() + " acknowledged before SIGKILL; "
                    + recovered.group() + "; " + found.get("retried") + " resumed for a second attempt");
            assertEquals(0, second.terminate(), second.output());
        }
    }

    /** The extra JVM options both starts pass through {@code bin/symphainy}; class data sharing is beside the point. */
    private static Map<String, String> javaOpts(String options) {
        return Map.of("JAVA_OPTS", options, "SYMPHAINY_CDS", "off");
    }

    /**
     * Waits for {@value #ACKNOWLEDGED_BEFORE_KILL} acknowledgements, then for one more: the load is still submitting
     * right before the kill, so some acknowledged executions are still running when it comes.
     */
    private static void awaitLoadPastThreshold(ContainerProcess container, Path acks) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + LOAD_PATIENCE.toNanos();
        int count;
        while ((count = acknowledged(acks).size()) < ACKNOWLEDGED_BEFORE_KILL) {
            checkLoadRunning(container, count, deadline);
            Thread.sleep(50);
        }
        while (acknowledged(acks).size() == count) {
            checkLoadRunning(container, count, deadline);
            Thread.sleep(5);
        }
    }

    private static void checkLoadRunning(ContainerProcess container, int count, long deadline) {
        boolean alive = ProcessHandle.of(container.pid()).map(ProcessHandle::isAlive).orElse(false);
        if (!alive || container.output().contains("crash load failed") || System.nanoTime() - deadline > 0) {
            fail((alive ? "the load" : "the container") + " stopped, or took longer than " + LOAD_PATIENCE + ", at "
                    + count + " acknowledgements; output:\n" + container.output());
        }
    }

    /** SIGKILL, as {@code ProcessHandle.destroyForcibly()} sends on Linux: no shutdown hook, no clean stop. */
    private static void kill(ContainerProcess container) throws InterruptedException {
        ProcessHandle process = ProcessHandle.of(container.pid())
                .orElseThrow(() -> new AssertionError("the container died before the kill:\n" + container.output()));
        assertTrue(process.destroyForcibly(), "could not send SIGKILL to the container");
        assertEquals(KILLED_BY_SIGKILL, container.exitCode(), "the container was to die of SIGKILL; output:\n"
                + container.output());
    }

    /**
     * The acknowledgements: every newline-terminated line of the file, each {@code <n> <executionId>}. An unterminated
     * last line is a write the kill cut short, so it acknowledges nothing.
     */
    private static Map<Integer, String> acknowledged(Path acks) throws IOException {
        String text = Files.exists(acks) ? Files.readString(acks, StandardCharsets.US_ASCII) : "";
        Map<Integer, String> acknowledged = new LinkedHashMap<>();
        for (String line : text.substring(0, text.lastIndexOf('\n') + 1).lines().toList()) {
            Matcher ack = ACK.matcher(line);
            assertTrue(ack.matches(), "acknowledgement line '" + line + "' is not '<n> <executionId>'");
            assertNull(acknowledged.put(Integer.parseInt(ack.group(1)), ack.group(2)),
                    "intent crash-" + ack.group(1) + " acknowledged twice");
        }
        return acknowledged;
    }

    /** Waits for the check bundle's result file (written whole, ending with DONE) and reads its values and problems. */
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
