package org.symphainy.launcher.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/** The client against a loopback HTTP server that answers as the container's REST API does. */
class ClientCommandTest {

    @TempDir
    Path data;

    private HttpServer server;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private volatile int pollsBeforeCompleted = 2;

    @BeforeEach
    void start() throws IOException {
        Files.writeString(data.resolve("admin.key"), "sk_admin_secret\n");
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::answer);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void submitSendsTheIntentWithTheKeyFromTheDataDirectoryAndPrintsTheExecution() {
        int exit = run("intent", "submit", "platform.echo", "{\"hello\": \"world\"}", "--idempotency-key", "k-1");

        assertEquals(0, exit, err.toString());
        assertEquals("POST /api/v1/intents Bearer sk_admin_secret {\"type\": \"platform.echo\", \"payload\": "
                + "{\"hello\": \"world\"}, \"idempotencyKey\": \"k-1\"}", requests.get(0));
        assertEquals("ex-1 accepted", out.toString().strip());
    }

    @Test
    void waitFollowsTheExecutionUntilItEndsAndExitsZeroWhenItCompleted() {
        int exit = run("intent", "submit", "platform.echo", "--wait");

        assertEquals(0, exit, err.toString());
        assertEquals(3, requests.stream().filter(r -> r.startsWith("GET /api/v1/executions/ex-1")).count());
        assertTrue(out.toString().contains("\"state\" : \"COMPLETED\""), out.toString());
    }

    @Test
    void executionsAreListedAsATableWithTheNextCursor() {
        int exit = run("executions", "list", "--state", "COMPLETED", "--limit", "2");

        assertEquals(0, exit, err.toString());
        assertTrue(requests.get(0).startsWith("GET /api/v1/executions?state=COMPLETED&limit=2 "), requests.get(0));
        List<String> lines = out.toString().lines().toList();
        assertEquals("ID    TYPE           STATE      TENANT  ACTOR  ACCEPTED", lines.get(0));
        assertEquals("ex-1  platform.echo  COMPLETED  system  admin  2026-12-05T10:00:00Z", lines.get(1));
        assertEquals("more: --cursor c2", lines.get(2));
    }

    @Test
    void aProblemIsPrintedWithItsTitleAndDetailAndExitsOne() {
        int exit = run("executions", "show", "missing");

        assertEquals(1, exit);
        assertEquals("symphainy: GET /api/v1/executions/missing: 404 Execution not found: no execution 'missing'",
                err.toString().strip());
    }

    @Test
    void aWrongKeyIs401WithAHintWhereTheKeyComesFrom() throws IOException {
        Path key = data.resolve("other.key");
        Files.writeString(key, "sk_wrong");

        int exit = run("bundles", "list", "--key-file", key.toString());

        assertEquals(1, exit);
        assertTrue(err.toString().contains("401 Unauthenticated") && err.toString().contains("--key-file"), err.toString());
    }

    @Test
    void aPayloadThatIsNotJsonIsRefusedBeforeAnyRequest() {
        int exit = run("intent", "submit", "platform.echo", "{not json");

        assertEquals(2, exit);
        assertTrue(err.toString().contains("the payload is not JSON"), err.toString());
        assertTrue(requests.isEmpty());
    }

    @Test
    void noContainerIsExitThreeSayingHowToPointTheClient() throws IOException {
        server.stop(0);

        int exit = run("executions", "list");

        assertEquals(3, exit);
        assertTrue(err.toString().contains("no container answers at"), err.toString());
    }

    @Test
    void deployUploadsTheJarWithItsNameAndReason() throws IOException {
        Path jar = data.resolve("my-solution.jar");
        Files.write(jar, new byte[] {'P', 'K', 3, 4});

        int exit = run("deploy", jar.toString(), "--reason", "first release");

        assertEquals(0, exit, err.toString());
        assertEquals("POST /admin/v1/bundles?fileName=my-solution.jar&reason=first+release Bearer sk_admin_secret PK\u0003\u0004",
                requests.get(0));
        assertEquals("platform.bundle.install ex-2 accepted", out.toString().strip());
    }

    @Test
    void anUnknownOptionIsUsage() {
        assertEquals(2, run("bundles", "list", "--colour", "red"));
        assertTrue(err.toString().contains("unknown option '--colour'"), err.toString());
    }

    private int run(String... args) {
        URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
        return ClientCommand.run(args, Map.of(), url, data, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), new ByteArrayInputStream(new byte[0]));
    }

    private void answer(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.ISO_8859_1);
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        String target = exchange.getRequestURI().getRawPath()
                + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery());
        requests.add(exchange.getRequestMethod() + " " + target + " " + auth + " " + body);
        if (!"Bearer sk_admin_secret".equals(auth)) {
            reply(exchange, 401, "{\"title\": \"Unauthenticated\", \"status\": 401, \"detail\": \"unknown API key\"}");
        } else if (target.equals("/api/v1/intents")) {
            reply(exchange, 202, "{\"executionId\": \"ex-1\", \"duplicate\": false}");
        } else if (target.equals("/api/v1/executions/ex-1")) {
            String state = --pollsBeforeCompleted < 0 ? "COMPLETED" : "RUNNING";
            reply(exchange, 200, "{\"id\": \"ex-1\", \"state\": \"" + state + "\"}");
        } else if (target.startsWith("/api/v1/executions?")) {
            reply(exchange, 200, "{\"items\": [{\"id\": \"ex-1\", \"type\": \"platform.echo\", \"state\": \"COMPLETED\","
                    + " \"tenant\": \"system\", \"actor\": \"admin\", \"acceptedAt\": \"2026-12-05T10:00:00Z\"}],"
                    + " \"nextCursor\": \"c2\"}");
        } else if (target.startsWith("/admin/v1/bundles?")) {
            reply(exchange, 202, "{\"executionId\": \"ex-2\", \"intent\": \"platform.bundle.install\"}");
        } else {
            reply(exchange, 404, "{\"title\": \"Execution not found\", \"status\": 404, \"detail\": \"no execution 'missing'\"}");
        }
    }

    private static void reply(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", status >= 400 ? "application/problem+json" : "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
