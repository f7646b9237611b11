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
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The REST API of one running container, signed in as its bootstrap administrator (data/admin.key). */
final class ApiClient {

    static final Pattern EXECUTION_ID = Pattern.compile("\"executionId\":\"([^\"]+)\"");
    private static final Pattern TOKEN = Pattern.compile("\"token\":\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final String api;
    private final String session;

    private ApiClient(String api, String session) {
        this.api = api;
        this.session = session;
    }

    /** Waits for the REST API of {@code container} (it comes up just after the ready line) and signs in. */
    static ApiClient signIn(ContainerProcess container) throws IOException, InterruptedException {
        String api = "http://127.0.0.1:" + container.port() + "/api/v1";
        ApiClient anonymous = new ApiClient(api, null);
        long deadline = System.nanoTime() + ContainerProcess.PATIENCE.toNanos();
        while (anonymous.get("/executions").statusCode() != 401) {
            if (System.nanoTime() > deadline) {
                fail("the REST API did not come up; output:\n" + container.output());
            }
            Thread.sleep(100);
        }
        String key = Files.readString(container.data().resolve("admin.key")).trim();
        HttpResponse<String> signIn = anonymous.http.send(HttpRequest.newBuilder(URI.create(api + "/sessions"))
                .header("Authorization", "Bearer " + key).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(201, signIn.statusCode(), signIn.body());
        return new ApiClient(api, group(TOKEN, signIn.body()));
    }

    /** POST /intents with {@code body}, a JSON object. */
    HttpResponse<String> submit(String body) throws IOException, InterruptedException {
        return http.send(request(URI.create(api + "/intents")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** GET of a path under /api/v1. */
    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return get(URI.create(api + path));
    }

    /** GET of an absolute URL the API gave. */
    HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        return http.send(request(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(URI uri) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30));
        return session == null ? request : request.header("Authorization", "Bearer " + session);
    }

    /** The first group of {@code pattern}'s first match in {@code text}; fails if there is none. */
    static String group(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        assertTrue(m.find(), "no /" + pattern + "/ in " + text);
        return m.group(1);
    }
}
