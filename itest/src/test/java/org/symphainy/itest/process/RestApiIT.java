package org.symphainy.itest.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The REST API of a real {@code bin/symphainy} over HTTP: sign in with the bootstrap administrator's key, submit
 * {@code platform.echo}, follow it to COMPLETED, idempotency, and the problem+json answers to bad requests — including a
 * fuzz loop of malformed bodies that must never get a 5xx nor stop the server answering.
 */
class RestApiIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private static final Pattern EXECUTION_ID = Pattern.compile("\"executionId\":\"([^\"]+)\"");
    private static final Pattern TOKEN = Pattern.compile("\"token\":\"([^\"]+)\"");

    @TempDir
    static Path work;

    private static ContainerProcess container;
    private static String api;
    private static String adminKey;
    private static String session;

    @BeforeAll
    static void start() throws Exception {
        container = ContainerProcess.start(ContainerProcess.distribution(), work.resolve("data"), Map.of());
        container.awaitReady();
        api = "http://127.0.0.1:" + container.port() + "/api/v1";
        adminKey = Files.readString(container.data().resolve("admin.key")).trim();
        awaitApi();
        HttpResponse<String> signIn = send(request("/sessions").header("Authorization", "Bearer " + adminKey)
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertEquals(201, signIn.statusCode(), signIn.body());
        assertTrue(signIn.headers().firstValue("Cache-Control").orElse("").contains("no-store"));
        session = group(TOKEN, signIn.body());
        assertTrue(session.startsWith("ses_"), signIn.body());
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (container != null) {
            assertEquals(0, container.terminate(), container.output());
            container.close();
        }
    }

    @Test
    void withoutCredentialsEveryEndpointIs401ProblemJsonAskingForBearer() throws Exception {
        for (String path : List.of("/executions", "/executions/x", "/sessions/current")) {
            HttpResponse<String> response = send(request(path).GET());
            assertProblem(response, 401, "unauthenticated");
            assertEquals("Bearer realm=\"symphainy\"", response.headers().firstValue("WWW-Authenticate").orElse(null));
        }
        HttpResponse<String> submit = send(json("/intents", "{\"type\":\"platform.echo\"}", null));
        assertProblem(submit, 401, "unauthenticated");
    }

    @Test
    void aBadCredentialIs401InvalidTokenAndNeverEchoed() throws Exception {
        String forged = "sk_forged1_" + "s3cr3tv4lu3".repeat(3);
        for (String path : List.of("/executions", "/sessions")) {
            HttpRequest.Builder request = request(path).header("Authorization", "Bearer " + forged);
            HttpResponse<String> response = send(path.equals("/sessions")
                    ? request.POST(HttpRequest.BodyPublishers.noBody()) : request.GET());
            assertProblem(response, 401, "unauthenticated");
            assertTrue(response.headers().firstValue("WWW-Authenticate").orElse("").contains("invalid_token"));
            assertFalse(response.body().contains("s3cr3tv4lu3"), response.body());
        }
        assertProblem(send(request("/executions").header("Authorization", "Bearer ses_expired").GET()), 401,
                "unauthenticated");
        assertTrue(container.printed("refused GET /api/v1/executions: unauthenticated"), "unauthenticated requests are recorded");
        assertFalse(container.output().contains("s3cr3tv4lu3"), "the credential never reaches the log");
    }

    @Test
    void anEchoIsAcceptedFollowedToCompletedAndItsArtifactServed() throws Exception {
        String payload = "{\"greeting\":\"hello\",\"n\":1.50,\"list\":[true,null]}";
        HttpResponse<String> accepted = send(json("/intents", "{\"type\":\"platform.echo\",\"version\":\"[1.0,2.0)\","
                + "\"payload\":" + payload + ",\"correlationId\":\"it-echo-1\"}", session));
        assertEquals(202, accepted.statusCode(), accepted.body());
        String id = group(EXECUTION_ID, accepted.body());
        String location = accepted.headers().firstValue("Location").orElseThrow();
        assertTrue(location.endsWith("/api/v1/executions/" + id), location);

        String execution = awaitCompleted(location);
        assertTrue(execution.contains("\"correlationId\":\"it-echo-1\""), execution);
        assertTrue(execution.contains("\"stage\":\"Security Guard\",\"allowed\":true"), execution);
        assertTrue(execution.contains("\"provenance\":{\"executionId\":\"" + id + "\""), execution);
        assertFalse(execution.contains(session), "the session token is never shown");
        Matcher content = Pattern.compile("\"content\":\"([^\"]+)\"").matcher(execution);
        assertTrue(content.find(), execution);
        HttpResponse<String> artifact = send(request(URI.create(content.group(1))).header("Authorization",
                "Bearer " + session).GET());
        assertEquals(200, artifact.statusCode(), artifact.body());
        assertEquals(payload, artifact.body());
        assertEquals("application/json", artifact.headers().firstValue("Content-Type").orElse(""));

        HttpResponse<String> listed = send(request("/executions?type=platform.echo&state=completed&limit=1000")
                .header("Authorization", "Bearer " + session).GET());
        assertEquals(200, listed.statusCode(), listed.body());
        assertTrue(listed.body().contains("\"id\":\"" + id + "\""), listed.body());
    }

    @Test
    void anExecutionsUpdatesStreamAsServerSentEventsUntilItEnds() throws Exception {
        HttpResponse<String> accepted = send(json("/intents", "{\"type\":\"platform.echo\",\"payload\":"
                + "{\"sse\":true}}", session));
        assertEquals(202, accepted.statusCode(), accepted.body());
        String id = group(EXECUTION_ID, accepted.body());
        HttpResponse<String> events = send(request("/executions/" + id + "/events").header("Authorization",
                "Bearer " + session).header("Accept", "text/event-stream").GET());
        assertEquals(200, events.statusCode(), events.body());
        assertTrue(events.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"),
                events.headers().toString());
        assertTrue(events.body().contains("event: execution"), events.body());
        assertTrue(events.body().contains("\"state\":\"COMPLETED\""), events.body());
        HttpResponse<String> refused = send(request("/executions/" + id + "/events").header("Accept",
                "text/event-stream").GET());
        assertProblem(refused, 401, "unauthenticated");
    }

    @Test
    void anApiKeyWorksAsTheBearerTokenToo() throws Exception {
        HttpResponse<String> listed = send(request("/executions?limit=1").header("Authorization", "Bearer " + adminKey)
                .GET());
        assertEquals(200, listed.statusCode(), listed.body());
        HttpResponse<String> whoAmI = send(request("/sessions/current").header("Authorization", "Bearer " + adminKey)
                .GET());
        assertEquals(200, whoAmI.statusCode(), whoAmI.body());
        assertTrue(whoAmI.body().contains("\"actor\":\"admin\""), whoAmI.body());
        assertFalse(whoAmI.body().contains("\"token\""), "only sign-in hands out a token");
    }

    @Test
    void theSameIdempotencyKeyReturnsTheFirstExecutionAndADifferentPayloadConflicts() throws Exception {
        String body = "{\"type\":\"platform.echo\",\"payload\":{\"order\":42},\"idempotencyKey\":\"it-order-42\"}";
        HttpResponse<String> first = send(json("/intents", body, session));
        HttpResponse<String> again = send(json("/intents", body, session));
        assertEquals(202, first.statusCode(), first.body());
        assertEquals(202, again.statusCode(), again.body());
        assertEquals(group(EXECUTION_ID, first.body()), group(EXECUTION_ID, again.body()));
        assertTrue(again.body().contains("\"duplicate\":true"), again.body());
        assertEquals(first.headers().firstValue("Location"), again.headers().firstValue("Location"));

        HttpResponse<String> conflict = send(json("/intents",
                "{\"type\":\"platform.echo\",\"payload\":{\"order\":43},\"idempotencyKey\":\"it-order-42\"}", session));
        assertProblem(conflict, 409, "idempotency-conflict");
    }

    @Test
    void badRequestsGetTheirOwnStatusAsProblemJson() throws Exception {
        assertProblem(send(json("/intents", "this is not json", session)), 400, "malformed-json");
        assertProblem(send(json("/intents", "{\"type\":\"platform.echo\",\"tenant\":\"other\"}", session)), 400,
                "invalid-request");
        assertProblem(send(request("/intents").header("Authorization", "Bearer " + session)
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("{}"))), 415,
                "unsupported-media-type");
        String oversized = "{\"type\":\"platform.echo\",\"payload\":{\"x\":\"" + "x".repeat(1_200_000) + "\"}}";
        assertProblem(send(json("/intents", oversized, session)), 413, "payload-too-large");
        assertProblem(send(json("/intents", "{\"type\":\"nobody.provides.this\"}", session)), 403, "forbidden");
        assertProblem(send(request("/executions/no-such-execution").header("Authorization", "Bearer " + session)
                .GET()), 404, "execution-not-found");
        assertProblem(send(request("/executions?state=SLEEPING").header("Authorization", "Bearer " + session)
                .GET()), 400, "invalid-request");
        assertProblem(send(request("/executions?cursor=not-a-cursor").header("Authorization", "Bearer " + session)
                .GET()), 400, "invalid-request");
        assertProblem(send(request("/nothing-here").header("Authorization", "Bearer " + session).GET()), 404,
                "not-found");
        assertProblem(send(request("/intents").header("Authorization", "Bearer " + session).DELETE()), 405,
                "method-not-allowed");
    }

    @Test
    void fuzzedBodiesNeverGetA5xxAndTheServerKeepsAnswering() throws Exception {
        Random random = new Random(20261125);
        List<byte[]> bodies = new ArrayList<>();
        for (String text : List.of("", " ", "null", "[]", "{}", "{\"type\":null}", "{\"type\":[]}", "{\"type\":1e999}",
                "{\"type\":\"platform.echo\",\"payload\":[1,2]}", "{\"type\":\"platform.echo\",\"payload\":\"{}\"}",
                "{\"type\":\"platform.echo\",\"payload\":{},\"extra\":1}", "{\"type\":\"platform.echo\",\"payload\":{}}}",
                "{\"type\":\"platform.echo\",\"version\":\"[9,\"}", "{\"type\":\"Platform.Echo\"}",
                "{\"type\":\"platform.echo\",\"idempotencyKey\":\"\\u0000\"}", "{\"type\":\"platform.echo\"," 
                        + "\"payload\":{\"n\":" + "9".repeat(5000) + "}}",
                "{\"type\":\"platform.echo\",\"payload\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}",
                "{\"type\":\"platform.echo\",\"payload\":{\"s\":\"" + "\\uD800".repeat(10) + "\"}}",
                "{\"type\":\"" + "a".repeat(500_000) + "\"}", "{\"type\":\"platform.echo\",\"payload\":{\"a\":1,\"a\":2}}")) {
            bodies.add(text.getBytes(StandardCharsets.UTF_8));
        }
        bodies.add(new byte[] {'{', '"', 't', 'y', 'p', 'e', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'});
        bodies.add(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '{', '}'});
        bodies.add("{\"type\":\"platform.echo\"}".getBytes(StandardCharsets.UTF_16));
        byte[] valid = "{\"type\":\"platform.echo\",\"payload\":{\"k\":[1,2,{\"x\":\"y\"}]}}".getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < 120; i++) {
            byte[] mutated = valid.clone();
            for (int flips = 1 + random.nextInt(4); flips > 0; flips--) {
                mutated[random.nextInt(mutated.length)] = (byte) random.nextInt(256);
            }
            bodies.add(mutated);
        }
        for (int i = 0; i < 20; i++) {
            byte[] noise = new byte[1 + random.nextInt(300)];
            random.nextBytes(noise);
            bodies.add(noise);
        }
        for (byte[] body : bodies) {
            HttpResponse<String> response = send(request("/intents").header("Authorization", "Bearer " + session)
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body)));
            String shown = new String(body, 0, Math.min(body.length, 80), StandardCharsets.ISO_8859_1);
            assertTrue(response.statusCode() < 500, response.statusCode() + " for " + shown + ": " + response.body());
            if (response.statusCode() >= 400) {
                assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(""),
                        shown);
                assertFalse(response.body().contains("Exception") || response.body().contains("\tat "), response.body());
            }
        }
        for (String query : List.of("?limit=0", "?limit=-1", "?limit=99999999999", "?since=yesterday",
                "?since=2026-01-02T00:00:00Z&until=2025-01-01T00:00:00Z", "?type=%00", "?cursor=" + "9".repeat(40),
                "?tenant=someone-else", "?state=")) {
            HttpResponse<String> response = send(request("/executions" + query).header("Authorization",
                    "Bearer " + session).GET());
            assertTrue(response.statusCode() < 500, response.statusCode() + " for " + query + ": " + response.body());
        }
        HttpResponse<String> still = send(json("/intents", "{\"type\":\"platform.echo\"}", session));
        // accepted, or over the tenant's rate quota after the fuzzing: either way answered, not broken
        assertTrue(still.statusCode() == 202 || still.statusCode() == 429, still.statusCode() + " " + still.body());
        assertFalse(container.output().contains("unexpected error"), "no request ended in an unexpected error");
    }

    private static String awaitCompleted(String location) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            HttpResponse<String> response = send(request(URI.create(location)).header("Authorization", "Bearer "
                    + session).GET());
            assertEquals(200, response.statusCode(), response.body());
            // the execution's own state (a step's "state" is followed by "attempts", the execution's by "tenant")
            if (response.body().contains("\"state\":\"COMPLETED\",\"tenant\"")) {
                return response.body();
            }
            assertFalse(response.body().contains("\"state\":\"FAILED\""), response.body());
            if (System.nanoTime() > deadline) {
                fail("execution did not complete: " + response.body());
            }
            Thread.sleep(50);
        }
    }

    /** The ready line may come a moment before the whiteboard has added Experience's resources. */
    private static void awaitApi() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            HttpResponse<String> response = send(request("/executions").GET());
            if (response.statusCode() == 401) {
                return;
            }
            if (System.nanoTime() > deadline) {
                fail("the REST API did not come up: " + response.statusCode() + " " + response.body() + "\n"
                        + container.output());
            }
            Thread.sleep(100);
        }
    }

    private static void assertProblem(HttpResponse<String> response, int status, String slug) {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(""));
        assertTrue(response.body().contains("\"type\":\"https://symphainy.org/problems/" + slug + "\""), response.body());
        assertTrue(response.body().contains("\"status\":" + status), response.body());
        assertTrue(response.body().contains("\"title\":"), response.body());
        assertTrue(response.body().contains("\"detail\":"), response.body());
    }

    private static HttpRequest.Builder request(String path) {
        return request(URI.create(api + path));
    }

    private static HttpRequest.Builder request(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30));
    }

    private static HttpRequest.Builder json(String path, String body, String token) {
        HttpRequest.Builder request = request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        return token == null ? request : request.header("Authorization", "Bearer " + token);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String group(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        assertTrue(m.find(), text);
        assertNotNull(m.group(1));
        assertNotEquals("", m.group(1));
        return m.group(1);
    }
}
