package org.symphainy.itest.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash recovery under HTTP load, end to end: client threads submit {@code platform.echo} intents over the REST API,
 * each with its own idempotency key and payload, and record every 202 (acknowledged) and every request whose answer
 * never came (unknown). With the load still running, the container's JVM is killed with SIGKILL and started again on
 * the same data directory. Over HTTP, every acknowledged execution must then complete with its echo, its one step
 * completed after one attempt (two when the kill cut the first short), and answer a resubmission of its key as a
 * duplicate; every unknown request, resubmitted with its key, exists exactly once; and the listing holds nothing else.
 */
class HttpCrashRecoveryIT {

    private static final int CLIENT_THREADS = 8;
    private static final int ACKNOWLEDGED_BEFORE_KILL = 1_000;
    /** At most this many submissions per thread, so a load the kill never stops still ends. */
    private static final int MAX_PER_THREAD = 20_000;
    /** The kill comes at the latest this long after the load started, whatever the count. */
    private static final Duration LOAD_WINDOW = Duration.ofSeconds(8);
    private static final int KILLED_BY_SIGKILL = 128 + 9;
    private static final Pattern RECOVERED = Pattern.compile("runtime ready: (\\d+) executions from \\d+ WAL records.*");
    private static final Pattern STATE = Pattern.compile("\"state\":\"(\\w+)\"");
    private static final Pattern ENDED_AT = Pattern.compile("\"endedAt\":\"([^\"]+)\"");
    private static final Pattern STEP = Pattern.compile("\"number\":\\d+,\"type\":\"[^\"]*\",\"state\":\"(\\w+)\",\"attempts\":(\\d+)");
    private static final Pattern CONTENT = Pattern.compile("\"content\":\"([^\"]+)\"");
    private static final Pattern DUPLICATE = Pattern.compile("\"duplicate\":(true|false)");
    private static final Pattern ITEM_ID = Pattern.compile("\"id\":\"([^\"]+)\"");
    private static final Pattern NEXT = Pattern.compile("\"next\":\"([^\"]+)\"");

    @TempDir
    Path work;

    private final Map<Integer, String> acknowledged = new ConcurrentHashMap<>();
    private final Set<Integer> unknown = ConcurrentHashMap.newKeySet();
    private final Queue<String> loadFailures = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean killed = new AtomicBoolean();

    @Test
    void acknowledgedHttpSubmissionsSurviveAKillRunOnceAndStayIdempotent() throws Exception {
        Path home = ContainerProcess.copyOfDistribution(work.resolve("home"));
        Path data = work.resolve("data");
        // the default quota (100 intents/s) would refuse the load with 429s: lift tenant 'system's limits in this copy
        Files.writeString(home.resolve("etc/org.symphainy.citymanager.cfg"),
                "quotas = system=unlimited\ninFlightQuotas = system=unlimited\n");

        try (ContainerProcess first = ContainerProcess.start(home, data, Map.of("SYMPHAINY_CDS", "off"))) {
            first.awaitReady();
            ApiClient api = ApiClient.signIn(first);
            ExecutorService clients = Executors.newFixedThreadPool(CLIENT_THREADS);
            AtomicInteger next = new AtomicInteger();
            List<Future<?>> load = new ArrayList<>();
            for (int t = 0; t < CLIENT_THREADS; t++) {
                load.add(clients.submit(() -> submitUntilKilled(api, next)));
            }
            awaitAcknowledgements(first);
            kill(first);
            clients.shutdown();
            for (Future<?> thread : load) {
                thread.get();
            }
        }
        assertTrue(loadFailures.isEmpty(), "the load got answers other than 202 before the kill: " + loadFailures);
        assertTrue(acknowledged.size() >= 100, "only " + acknowledged.size() + " acknowledged before the kill");

        Instant restart = Instant.now();
        try (ContainerProcess second = ContainerProcess.start(home, data, Map.of("SYMPHAINY_CDS", "off"))) {
            Matcher recovered = second.await(RECOVERED.pattern());
            second.awaitReady();
            ApiClient api = ApiClient.signIn(second);

            Queue<String> problems = new ConcurrentLinkedQueue<>();
            AtomicInteger completedAfterRestart = new AtomicInteger();
            AtomicInteger secondAttempts = new AtomicInteger();
            parallel(acknowledged.keySet(), n -> checkAcknowledged(api, n, restart, problems, completedAfterRestart,
                    secondAttempts));
            AtomicInteger unknownFound = new AtomicInteger();
            parallel(unknown, n -> checkUnknown(api, n, problems, unknownFound));
            List<String> first = problems.stream().limit(20).toList();
            assertTrue(problems.isEmpty(), problems.size() + " problems, the first: " + String.join("\n", first));

            Set<String> listed = listEchoExecutions(api);
            assertEquals(acknowledged.size() + unknown.size(), listed.size(), "the executions listed are not exactly"
                    + " the acknowledged ones and one for each unknown request");
            assertTrue(listed.containsAll(acknowledged.values()), "an acknowledged execution is not listed");

            System.out.println("http crash recovery: " + acknowledged.size() + " acknowledged and " + unknown.size()
                    + " unknown at SIGKILL (" + unknownFound.get() + " of those had been accepted); " + recovered.group()
                    + "; " + completedAfterRestart.get() + " completed after the restart, " + secondAttempts.get()
                    + " of them with a second attempt");
            assertEquals(0, second.terminate(), second.output());
        }
    }

    /** One client thread: submits fresh intents until the container is gone or its bound is reached. */
    private void submitUntilKilled(ApiClient api, AtomicInteger next) {
        for (int i = 0; i < MAX_PER_THREAD && !killed.get(); i++) {
            int n = next.getAndIncrement();
            try {
                HttpResponse<String> response = api.submit(intent(n));
                if (response.statusCode() == 202) {
                    acknowledged.put(n, ApiClient.group(ApiClient.EXECUTION_ID, response.body()));
                } else {
                    loadFailures.add(n + ": " + response.statusCode() + " " + response.body());
                    return;
                }
            } catch (IOException e) {
                unknown.add(n);   // the answer never came: accepted or not, the client cannot know
                if (!killed.get()) {
                    loadFailures.add(n + ": " + e);
                }
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void awaitAcknowledgements(ContainerProcess container) throws InterruptedException {
        long deadline = System.nanoTime() + LOAD_WINDOW.toNanos();
        while (acknowledged.size() < ACKNOWLEDGED_BEFORE_KILL && System.nanoTime() < deadline) {
            if (!loadFailures.isEmpty()) {
                fail("the load failed: " + loadFailures + "\n" + container.output());
            }
            Thread.sleep(10);
        }
    }

    /** SIGKILL to the container's JVM (bin/symphainy execs java: the process is the JVM). */
    private void kill(ContainerProcess container) throws InterruptedException {
        ProcessHandle process = ProcessHandle.of(container.pid())
                .orElseThrow(() -> new AssertionError("the container died before the kill:\n" + container.output()));
        killed.set(true);
        assertTrue(process.destroyForcibly(), "could not send SIGKILL to the container");
        assertEquals(KILLED_BY_SIGKILL, container.exitCode(), "the container was to die of SIGKILL; output:\n"
                + container.output());
    }

    private void checkAcknowledged(ApiClient api, int n, Instant restart, Queue<String> problems,
            AtomicInteger completedAfterRestart, AtomicInteger secondAttempts) throws Exception {
        String id = acknowledged.get(n);
        String execution = awaitEnded(api, id, problems);
        if (execution == null) {
            return;
        }
        List<int[]> steps = new ArrayList<>();
        Matcher step = STEP.matcher(execution);
        while (step.find()) {
            steps.add(new int[] {step.group(1).equals("COMPLETED") ? 1 : 0, Integer.parseInt(step.group(2))});
        }
        if (steps.size() != 1 || steps.get(0)[0] != 1 || steps.get(0)[1] < 1 || steps.get(0)[1] > 2) {
            problems.add(id + " has not exactly one completed step after one attempt (two if the kill cut the first"
                    + " short): " + execution);
            return;
        }
        if (steps.get(0)[1] == 2) {
            secondAttempts.incrementAndGet();
        }
        if (Instant.parse(ApiClient.group(ENDED_AT, execution)).isAfter(restart)) {
            completedAfterRestart.incrementAndGet();
        }
        Matcher content = CONTENT.matcher(execution);
        List<String> echoes = new ArrayList<>();
        while (content.find()) {
            echoes.add(api.get(URI.create(content.group(1))).body());
        }
        if (!echoes.equals(List.of(payload(n)))) {
            problems.add(id + " echoed " + echoes + ", not one artifact " + payload(n));
        }
        HttpResponse<String> again = api.submit(intent(n));
        if (again.statusCode() != 202 || !again.body().contains("\"executionId\":\"" + id + "\"")
                || !again.body().contains("\"duplicate\":true")) {
            problems.add("resubmitting acknowledged key " + key(n) + " (" + id + ") answered " + again.statusCode()
                    + " " + again.body());
        }
    }

    /** An unknown request, resubmitted with its key twice: one execution, the second answer a duplicate of it. */
    private void checkUnknown(ApiClient api, int n, Queue<String> problems, AtomicInteger found) throws Exception {
        HttpResponse<String> first = api.submit(intent(n));
        HttpResponse<String> second = api.submit(intent(n));
        if (first.statusCode() != 202 || second.statusCode() != 202) {
            problems.add("resubmitting unknown key " + key(n) + " answered " + first.statusCode() + " " + first.body()
                    + " then " + second.statusCode() + " " + second.body());
            return;
        }
        String id = ApiClient.group(ApiClient.EXECUTION_ID, first.body());
        if (ApiClient.group(DUPLICATE, first.body()).equals("true")) {
            found.incrementAndGet();
        }
        if (!second.body().contains("\"executionId\":\"" + id + "\"") || !second.body().contains("\"duplicate\":true")) {
            problems.add("unknown key " + key(n) + " gave two executions: " + first.body() + " then " + second.body());
        }
    }

    /** The execution once it is COMPLETED, or null (and a problem) if it is missing, failed or never ends. */
    private static String awaitEnded(ApiClient api, String id, Queue<String> problems) throws Exception {
        long deadline = System.nanoTime() + ContainerProcess.PATIENCE.toNanos();
        while (true) {
            HttpResponse<String> response = api.get("/executions/" + id);
            if (response.statusCode() != 200) {
                problems.add("acknowledged " + id + " answers " + response.statusCode() + " " + response.body());
                return null;
            }
            String state = ApiClient.group(STATE, response.body());
            if (state.equals("COMPLETED")) {
                return response.body();
            }
            if (!state.equals("ACCEPTED") && !state.equals("RUNNING") || System.nanoTime() > deadline) {
                problems.add("acknowledged " + id + " did not complete: " + response.body());
                return null;
            }
            Thread.sleep(50);
        }
    }

    /** The ids of every platform.echo execution, page by page. */
    private static Set<String> listEchoExecutions(ApiClient api) throws Exception {
        Set<String> ids = new HashSet<>();
        URI page = null;
        do {
            HttpResponse<String> response = page == null ? api.get("/executions?type=platform.echo&limit=1000")
                    : api.get(page);
            assertEquals(200, response.statusCode(), response.body());
            Matcher id = ITEM_ID.matcher(response.body());
            while (id.find()) {
                assertTrue(ids.add(id.group(1)), "listed twice: " + id.group(1));
            }
            Matcher next = NEXT.matcher(response.body());
            page = next.find() ? URI.create(next.group(1)) : null;
        } while (page != null);
        return ids;
    }

    private interface Check {
        void run(int n) throws Exception;
    }

    /** Runs {@code check} for every number, from as many threads as the load used. */
    private static void parallel(Set<Integer> numbers, Check check) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CLIENT_THREADS);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int n : numbers) {
                futures.add(pool.submit(() -> {
                    check.run(n);
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static String key(int n) {
        return "http-crash-" + n;
    }

    private static String payload(int n) {
        return "{\"n\":" + n + ",\"text\":\"echo number " + n + "\"}";
    }

    private static String intent(int n) {
        return "{\"type\":\"platform.echo\",\"payload\":" + payload(n) + ",\"idempotencyKey\":\"" + key(n) + "\"}";
    }
}
