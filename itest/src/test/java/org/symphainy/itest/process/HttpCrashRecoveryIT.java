package org.symphainy.itest.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The end-to-end crash test: the real distribution (fsync durability, the real governance roles) takes intents over
 * HTTP from several clients, each with its own idempotency key; with requests in flight it is killed with SIGKILL, then
 * started again on the same data directory. Every intent that was answered 202 must have completed, exactly once, with
 * its echo; its key must give back the same execution as a duplicate; an intent whose answer never came (in flight at
 * the kill) exists at most once: submitting its key again gives one execution, new or the recorded one.
 */
class HttpCrashRecoveryIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private static final Pattern EXECUTION_ID = Pattern.compile("\"executionId\":\"([^\"]+)\"");
    private static final Pattern DUPLICATE = Pattern.compile("\"duplicate\":(true|false)");
    private static final Pattern TOKEN = Pattern.compile("\"token\":\"([^\"]+)\"");
    private static final Pattern STATE = Pattern.compile("\"id\":\"[^\"]+\",\"type\":\"[^\"]+\",\"state\":\"([A-Z_]+)\"");
    private static final Pattern STEP = Pattern.compile("\\{\"number\":(\\d+),\"type\":\"[^\"]+\",\"state\":\"([A-Z_]+)\",\"attempts\":(\\d+)");
    private static final Pattern CONTENT = Pattern.compile("\"content\":\"([^\"]+)\"");
    private static final int CLIENTS = 8;
    private static final int ACKS_BEFORE_KILL = 1_000;

    @TempDir
    Path work;

    /** An intent one client sent: its key and payload, and its execution id if it was answered 202. */
    private record Sent(String key, String payload, String executionId) {
    }

    @Test
    void everyAcknowledgedIntentCompletesExactlyOnceAfterASigkillUnderHttpLoad() throws Exception {
        Path home = ContainerProcess.copyOfDistribution(work.resolve("home"));
        // the default rate quota (100 intents/s per tenant) would measure the quota, not the platform
        Files.writeString(home.resolve("etc/org.symphainy.citymanager.cfg"),
                "quotas = system=unlimited\ninFlightQuotas = system=unlimited\n");
        Path data = work.resolve("data");
        int port = ContainerProcess.freePort();

        Map<String, Sent> acknowledged = new ConcurrentHashMap<>();
        Map<String, Sent> unknown = new ConcurrentHashMap<>();
        try (ContainerProcess first = ContainerProcess.start(home, data, port, Map.of())) {
            first.awaitReady();
            String api = "http://127.0.0.1:" + port + "/api/v1";
            String session = signIn(api, data);
            load(api, session, first, acknowledged, unknown);
        }
        assertTrue(acknowledged.size() >= ACKS_BEFORE_KILL, "only " + acknowledged.size() + " acknowledged before the kill");

        try (ContainerProcess second = ContainerProcess.start(home, data, port, Map.of())) {
            Matcher ready = second.await("runtime ready: (\\d+) executions from (\\d+) WAL records in \\d+ ms; (\\d+) to resume");
            second.awaitReady();
            String api = "http://127.0.0.1:" + port + "/api/v1";
            String session = signIn(api, data);

            List<String> problems = new ArrayList<>();
            int resumed = 0;
            for (Sent sent : acknowledged.values()) {
                String execution = awaitEnded(api, session, sent.executionId());
                resumed += checkCompletedOnce(api, session, sent, execution, problems);
                HttpResponse<String> again = submit(api, session, sent);
                if (again.statusCode() != 202 || !sent.executionId().equals(group(EXECUTION_ID, again.body()))
                        || !"true".equals(group(DUPLICATE, again.body()))) {
                    problems.add(sent.key() + ": submitted again: " + again.statusCode() + " " + again.body());
                }
            }
            int recordedUnknown = 0;
            for (Sent sent : unknown.values()) {
                HttpResponse<String> again = submit(api, session, sent);
                if (again.statusCode() != 202) {
                    problems.add(sent.key() + " (unanswered before the kill): " + again.statusCode() + " " + again.body());
                    continue;
                }
                recordedUnknown += "true".equals(group(DUPLICATE, again.body())) ? 1 : 0;
                String id = group(EXECUTION_ID, again.body());
                checkCompletedOnce(api, session, new Sent(sent.key(), sent.payload(), id), awaitEnded(api, session, id),
                        problems);
            }
            assertTrue(problems.isEmpty(), problems.size() + " problems, first: " + problems.subList(0,
                    Math.min(10, problems.size())));
            System.out.println("http crash recovery: " + acknowledged.size() + " acknowledged (202) before SIGKILL, "
                    + unknown.size() + " unanswered (" + recordedUnknown + " of them had been recorded); after the "
                    + "restart the runtime resumed " + ready.group(3) + " executions, " + resumed + " acknowledged ones "
                    + "ran their step a second time (interrupted by the kill); every acknowledged intent completed once");
            assertEquals(0, second.terminate(), second.output());
        }
    }

    /** Drives the load until enough intents are acknowledged, then kills the container with requests in flight. */
    private static void load(String api, String session, ContainerProcess container, Map<String, Sent> acknowledged,
            Map<String, Sent> unknown) throws Exception {
        AtomicBoolean killed = new AtomicBoolean();
        AtomicInteger acks = new AtomicInteger();
        CountDownLatch enough = new CountDownLatch(1);
        List<String> refused = new java.util.concurrent.CopyOnWriteArrayList<>();
        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            Thread thread = new Thread(() -> {
                for (int n = 0; n < 100_000 && !killed.get(); n++) {
                    Sent sent = new Sent("crash-" + client + "-" + n, "{\"client\":" + client + ",\"n\":" + n + "}", null);
                    try {
                        HttpResponse<String> response = submit(api, session, sent);
                        if (response.statusCode() != 202) {
                            refused.add(sent.key() + ": " + response.statusCode() + " " + response.body());
                            return;
                        }
                        String id = group(EXECUTION_ID, response.body());
                        acknowledged.put(sent.key(), new Sent(sent.key(), sent.payload(), id));
                        if (acks.incrementAndGet() >= ACKS_BEFORE_KILL) {
                            enough.countDown();
                        }
                    } catch (IOException e) {
                        unknown.put(sent.key(), sent);  // no answer: in flight when the process died
                        return;
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }, "http-load-" + c);
            thread.start();
            clients.add(thread);
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!enough.await(100, java.util.concurrent.TimeUnit.MILLISECONDS) && refused.isEmpty()
                && clients.stream().anyMatch(Thread::isAlive) && System.nanoTime() < deadline) {
            // the clients are loading the container
        }
        assertTrue(refused.isEmpty(), "refused before the kill: " + refused.subList(0, Math.min(5, refused.size())));
        if (acks.get() < ACKS_BEFORE_KILL) {
            killed.set(true);
            fail("only " + acks.get() + " intents acknowledged; output:\n" + container.output());
        }
        killed.set(true);
        container.close();  // SIGKILL (destroyForcibly): no shutdown hook, no clean stop
        for (Thread thread : clients) {
            thread.join(Duration.ofSeconds(60).toMillis());
        }
    }

    /** Checks one execution completed with one step and its echo; returns 1 if the step ran a second time. */
    private static int checkCompletedOnce(String api, String session, Sent sent, String execution, List<String> problems)
            throws Exception {
        if (!"COMPLETED".equals(group(STATE, execution))) {
            problems.add(sent.key() + ": " + execution);
            return 0;
        }
        Matcher step = STEP.matcher(execution);
        List<String> steps = new ArrayList<>();
        int attempts = 0;
        while (step.find()) {
            steps.add(step.group(2));
            attempts = Integer.parseInt(step.group(3));
        }
        if (!steps.equals(List.of("COMPLETED")) || attempts < 1 || attempts > 2) {
            problems.add(sent.key() + ": steps " + steps + ", attempts " + attempts + ": " + execution);
        }
        HttpResponse<String> echo = send(HttpRequest.newBuilder(URI.create(group(CONTENT, execution)))
                .header("Authorization", "Bearer " + session).GET());
        if (echo.statusCode() != 200 || !sent.payload().equals(echo.body())) {
            problems.add(sent.key() + ": echo " + echo.statusCode() + " " + echo.body() + " instead of " + sent.payload());
        }
        return attempts == 2 ? 1 : 0;
    }

    private static String awaitEnded(String api, String session, String id) throws Exception {
        long deadline = System.nanoTime() + ContainerProcess.PATIENCE.toNanos();
        while (true) {
            HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(api + "/executions/" + id))
                    .header("Authorization", "Bearer " + session).GET());
            if (response.statusCode() != 200) {
                return response.statusCode() + " " + response.body();
            }
            String state = group(STATE, response.body());
            if (state.equals("COMPLETED") || state.equals("FAILED")) {
                return response.body();
            }
            if (System.nanoTime() > deadline) {
                return "still " + state + ": " + response.body();
            }
            Thread.sleep(20);
        }
    }

    private static HttpResponse<String> submit(String api, String session, Sent sent) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(api + "/intents")).header("Authorization", "Bearer " + session)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"type\":\"platform.echo\",\"payload\":" + sent.payload() + ",\"idempotencyKey\":\""
                                + sent.key() + "\"}")));
    }

    /** Signs in as the bootstrap administrator once the REST API answers (it comes a moment after the ready line). */
    private static String signIn(String api, Path data) throws Exception {
        String key = Files.readString(data.resolve("admin.key")).trim();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(api + "/sessions"))
                    .header("Authorization", "Bearer " + key).POST(HttpRequest.BodyPublishers.noBody()));
            if (response.statusCode() == 201) {
                return group(TOKEN, response.body());
            }
            if (System.nanoTime() > deadline) {
                fail("could not sign in: " + response.statusCode() + " " + response.body());
            }
            Thread.sleep(100);
        }
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String group(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        if (!m.find()) {
            fail("no " + pattern + " in " + text);
        }
        return m.group(1);
    }
}
