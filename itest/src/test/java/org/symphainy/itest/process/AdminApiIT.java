package org.symphainy.itest.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
 * The admin API of a real {@code bin/symphainy} over HTTP ({@code /admin/v1}): administrators only (401, 403 for a key
 * made through the admin API itself), the registry's intents, every tenant's executions, tenant creation through a
 * platform intent, policy what-if, health, metrics in the Prometheus format, the public web page, and a fuzz loop of
 * bodies that must never get a 5xx.
 */
class AdminApiIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private static final Pattern EXECUTION_ID = Pattern.compile("\"executionId\":\"([^\"]+)\"");
    private static final Pattern KEY = Pattern.compile("\"key\":\"([^\"]+)\"");
    private static final Pattern METRIC_LINE = Pattern.compile(
            "[a-zA-Z_:][a-zA-Z0-9_:]*(\\{[a-zA-Z_][a-zA-Z0-9_]*=\"(\\\\.|[^\"\\\\])*\"(,[a-zA-Z_][a-zA-Z0-9_]*=\"(\\\\.|[^\"\\\\])*\")*\\})? -?[0-9.eE+-]+|NaN");

    @TempDir
    static Path work;

    private static ContainerProcess container;
    private static String root;
    private static String adminKey;

    @BeforeAll
    static void start() throws Exception {
        container = ContainerProcess.start(ContainerProcess.distribution(), work.resolve("data"), Map.of());
        container.awaitReady();
        root = "http://127.0.0.1:" + container.port();
        adminKey = Files.readString(container.data().resolve("admin.key")).trim();
        awaitAdminApi();
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (container != null) {
            assertEquals(0, container.terminate(), container.output());
            container.close();
        }
    }

    @Test
    void withoutCredentialsEveryAdminPathIs401AndAuditedButThePageIsPublic() throws Exception {
        for (String path : List.of("/admin/v1/bundles", "/admin/v1/intents", "/admin/v1/executions",
                "/admin/v1/wal", "/admin/v1/health", "/admin/v1/metrics", "/admin/v1/tenants", "/admin/v1/nothing")) {
            assertProblem(send(request(path).GET()), 401, "unauthenticated");
        }
        assertProblem(send(request("/admin/v1/tenants").header("Authorization", "Bearer s3cr3tv4lu3")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}"))), 401,
                "unauthenticated");
        assertTrue(container.printed("refused GET /admin/v1/bundles: unauthenticated"), container.output());
        assertFalse(container.output().contains("s3cr3tv4lu3"), "the credential never reaches the log");

        HttpResponse<String> page = send(request("/admin/").GET());
        assertEquals(200, page.statusCode(), page.body());
        assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"), page.headers().toString());
        assertTrue(page.body().contains("<html"), page.body());
        assertEquals(404, send(request("/admin/missing.js").GET()).statusCode());
        for (String traversal : List.of("/admin/..%2F..%2Fetc%2Fpasswd", "/admin/META-INF%2FMANIFEST.MF",
                "/admin/%2e%2e/%2e%2e/etc/passwd", "/admin/..%5c..%5cetc%5cpasswd")) {
            HttpResponse<String> refused = send(request(traversal).GET());
            // Jetty refuses an encoded separator itself (400); the page's resource answers 404 for anything else
            assertTrue(refused.statusCode() == 400 || refused.statusCode() == 404, traversal + ": " + refused.statusCode());
            assertFalse(refused.body().contains("root:") || refused.body().contains("Bundle-"), refused.body());
        }
    }

    @Test
    void aKeyWithoutTheAdminRoleMadeThroughTheAdminApiIs403() throws Exception {
        HttpResponse<String> created = send(json("/admin/v1/apikeys", "{\"tenant\":\"system\",\"actor\":\"viewer\","
                + "\"roles\":[\"viewer\"],\"label\":\"not an administrator\"}"));
        assertEquals(202, created.statusCode(), created.body());
        assertTrue(created.headers().firstValue("Location").orElse("").contains("/api/v1/executions/"));
        awaitCompleted(group(EXECUTION_ID, created.body()));
        String key = group(KEY, created.body());

        // a completed platform.apikey.create takes effect when the Security Guard's projection applies it, a moment later
        assertProblem(eventually(() -> send(request("/admin/v1/tenants").header("Authorization", "Bearer " + key).GET()),
                response -> response.statusCode() != 401), 403, "forbidden");
        assertTrue(container.printed("refused GET /admin/v1/tenants: viewer@system lacks the admin role"),
                container.output());
        HttpResponse<String> keys = send(authorized("/admin/v1/apikeys").GET());
        assertEquals(200, keys.statusCode(), keys.body());
        assertTrue(keys.body().contains("\"label\":\"not an administrator\""), keys.body());
        assertFalse(keys.body().contains(key), "a key's secret is shown once, never listed");
    }

    @Test
    void theIntentsListShowsTheDeclaredPlatformIntentsWithTheirHandlers() throws Exception {
        HttpResponse<String> intents = send(authorized("/admin/v1/intents").GET());
        assertEquals(200, intents.statusCode(), intents.body());
        assertTrue(intents.body().contains("{\"type\":\"platform.echo\",\"version\":\"1.0.0\",\"bundle\":"
                + "\"org.symphainy.runtime\""), intents.body());
        assertTrue(intents.body().contains("\"refusals\":["), intents.body());
    }

    @Test
    void aTenantIsCreatedThroughAnIntentAndListedAndEveryTenantsExecutionsAreListed() throws Exception {
        HttpResponse<String> accepted = send(json("/admin/v1/tenants", "{\"id\":\"it-acme\",\"displayName\":"
                + "\"Acme (admin IT)\"}"));
        assertEquals(202, accepted.statusCode(), accepted.body());
        assertTrue(accepted.body().contains("\"intent\":\"platform.tenant.create\""), accepted.body());
        String id = group(EXECUTION_ID, accepted.body());
        awaitCompleted(id);
        // the City Manager applies a completed platform.tenant.create through its projection, a moment later
        HttpResponse<String> tenants = eventually(() -> send(authorized("/admin/v1/tenants").GET()),
                response -> response.body().contains("\"it-acme\""));
        assertEquals(200, tenants.statusCode(), tenants.body());
        assertTrue(tenants.body().contains("{\"id\":\"it-acme\",\"displayName\":\"Acme (admin IT)\",\"suspended\":false}"),
                tenants.body());

        HttpResponse<String> listed = send(authorized("/admin/v1/executions?type=platform.tenant.create&limit=1000").GET());
        assertEquals(200, listed.statusCode(), listed.body());
        assertTrue(listed.body().startsWith("{\"items\":["), listed.body());
        assertTrue(listed.body().contains("\"id\":\"" + id + "\""), listed.body());
        HttpResponse<String> one = send(authorized("/admin/v1/executions/" + id).GET());
        assertEquals(200, one.statusCode(), one.body());
        assertTrue(one.body().contains("\"state\":\"COMPLETED\"") && one.body().contains("\"timeline\":"), one.body());
        assertProblem(send(authorized("/admin/v1/executions?state=SLEEPING").GET()), 400, "invalid-request");
        assertProblem(send(authorized("/admin/v1/executions/no-such-execution").GET()), 404, "execution-not-found");
    }

    @Test
    void aPolicyWhatIfReportsTheDecisionsACandidateWouldFlip() throws Exception {
        HttpResponse<String> inForce = send(authorized("/admin/v1/policies").GET());
        assertEquals(200, inForce.statusCode(), inForce.body());
        assertTrue(inForce.body().contains("secure-default.bootstrap-administrator"), inForce.body());
        awaitCompleted(group(EXECUTION_ID, send(json("/admin/v1/tenants", "{\"id\":\"it-whatif\"}")).body()));

        HttpResponse<String> whatIf = send(json("/admin/v1/policies/what-if", "{\"policy\":{\"rules\":[]},\"last\":50}"));
        assertEquals(200, whatIf.statusCode(), whatIf.body());
        assertTrue(whatIf.body().contains("\"intentType\":\"platform.tenant.create\""), whatIf.body());
        assertTrue(whatIf.body().contains("\"after\":\"deny (no rule)\""), whatIf.body());
        assertProblem(send(json("/admin/v1/policies/what-if", "{\"policy\":{\"rules\":[{\"id\":\"x\",\"effect\":"
                + "\"maybe\"}]}}")), 422, "policy-invalid");
    }

    @Test
    void healthIsReadyAndMetricsAreInThePrometheusTextFormat() throws Exception {
        HttpResponse<String> health = send(authorized("/admin/v1/health").GET());
        assertEquals(200, health.statusCode(), health.body());
        assertTrue(health.body().startsWith("{\"live\":true,\"ready\":true"), health.body());
        assertTrue(health.body().contains("{\"type\":\"platform.echo\",\"readiness\":\"READY\""), health.body());

        HttpResponse<String> metrics = send(authorized("/admin/v1/metrics").GET());
        assertEquals(200, metrics.statusCode(), metrics.body());
        String contentType = metrics.headers().firstValue("Content-Type").orElse("").replace(" ", "");
        assertTrue(contentType.startsWith("text/plain;") && contentType.contains("version=0.0.4"), contentType);
        for (String line : metrics.body().split("\n")) {
            assertTrue(line.startsWith("# HELP ") || line.startsWith("# TYPE ") || METRIC_LINE.matcher(line).matches(),
                    "not a Prometheus text line: " + line);
        }
        assertTrue(metrics.body().contains("symphainy_intent_ready{intent=\"platform.echo\"} 1"), metrics.body());
        assertTrue(metrics.body().contains("\njvm_memory_heap_used_bytes "), metrics.body());
    }

    @Test
    void fuzzedBodiesNeverGetA5xx() throws Exception {
        Random random = new Random(20261205);
        List<String> bodies = new ArrayList<>(List.of("", " ", "null", "[]", "{}", "{\"id\":null}", "{\"id\":[]}",
                "{\"id\":1e999}", "{\"id\":\"x\",\"extra\":1}", "{\"id\":\"x\"}}", "{\"id\":\"x\",\"id\":\"y\"}",
                "{\"id\":" + "9".repeat(5000) + "}", "[".repeat(100_000) + "]".repeat(100_000),
                "{\"id\":\"" + "a".repeat(2_000_000) + "\"}", "{\"policy\":\"{\\\"rules\\\":\"}",
                "{\"policy\":" + "{\"a\":".repeat(200) + "1" + "}".repeat(200) + "}", "{\"type\":\"x.y\",\"limit\":-1}",
                "{\"tenant\":\"a\",\"actor\":\"b\",\"roles\":[1]}", "{\"tenant\":\"a\",\"actor\":\"b\",\"roles\":\"admin\"}"));
        String valid = "{\"tenant\":\"system\",\"actor\":\"fuzz\",\"roles\":[\"viewer\"],\"label\":\"f\"}";
        for (int i = 0; i < 40; i++) {
            char[] mutated = valid.toCharArray();
            for (int flips = 1 + random.nextInt(3); flips > 0; flips--) {
                mutated[random.nextInt(mutated.length)] = (char) (32 + random.nextInt(95));
            }
            bodies.add(new String(mutated));
        }
        List<String[]> targets = List.of(new String[] {"POST", "/admin/v1/tenants"},
                new String[] {"POST", "/admin/v1/apikeys"}, new String[] {"POST", "/admin/v1/policies/what-if"},
                new String[] {"PUT", "/admin/v1/policies"}, new String[] {"POST", "/admin/v1/replay"});
        for (String body : bodies) {
            for (String[] target : targets) {
                HttpResponse<String> response = send(authorized(target[1]).header("Content-Type", "application/json")
                        .method(target[0], HttpRequest.BodyPublishers.ofString(body)));
                String shown = body.substring(0, Math.min(body.length(), 80));
                assertTrue(response.statusCode() < 500, response.statusCode() + " for " + target[1] + " " + shown
                        + ": " + response.body());
            }
        }
        assertFalse(container.output().contains("unexpected error"), "no request ended in an unexpected error");
    }

    // The tests below need the Ledger (runtime bundle) and Deployments (Curator) implementations. Until they are
    // merged, /admin/v1/bundles and /admin/v1/wal answer 503 service-unavailable, and these tests FAIL on purpose: once
    // merged they must pass; a 503 here is a defect, not a skip.

    @Test
    void withDeploymentsTheBundlesListShowsThePlatformBundles() throws Exception {
        HttpResponse<String> bundles = send(authorized("/admin/v1/bundles").GET());
        assertEquals(200, bundles.statusCode(), "needs the Deployments implementation: " + bundles.body());
        assertTrue(bundles.body().contains("\"symbolicName\":\"org.symphainy.runtime\""), bundles.body());
        assertTrue(bundles.body().contains("\"symbolicName\":\"org.symphainy.admin\""), bundles.body());
        assertTrue(bundles.body().contains("\"platform\":true"), bundles.body());
        Matcher runtime = Pattern.compile("\\{\"id\":(\\d+),\"symbolicName\":\"org.symphainy.runtime\"")
                .matcher(bundles.body());
        assertTrue(runtime.find(), bundles.body());
        assertProblem(send(authorized("/admin/v1/bundles/" + runtime.group(1) + "/stop")
                .POST(HttpRequest.BodyPublishers.noBody())), 409, "platform-bundle");
        assertProblem(send(authorized("/admin/v1/bundles?fileName=not-a-bundle.jar")
                .header("Content-Type", "application/java-archive")
                .POST(HttpRequest.BodyPublishers.ofString("this is not a jar"))), 422, "payload-invalid");
    }

    @Test
    void withTheLedgerTheWalIsReadByRangeAndByExecution() throws Exception {
        String id = group(EXECUTION_ID, send(json("/admin/v1/tenants", "{\"id\":\"it-wal\"}")).body());
        awaitCompleted(id);
        HttpResponse<String> first = send(authorized("/admin/v1/wal?from=1&limit=2").GET());
        assertEquals(200, first.statusCode(), "needs the Ledger implementation: " + first.body());
        assertTrue(first.body().contains("\"sequence\":1,"), first.body());
        assertTrue(first.body().contains("\"next\":\"/admin/v1/wal?from=3&limit=2\""), first.body());
        HttpResponse<String> records = send(authorized("/admin/v1/wal/executions/" + id).GET());
        assertEquals(200, records.statusCode(), records.body());
        assertTrue(records.body().contains("\"executionId\":\"" + id + "\""), records.body());
        HttpResponse<String> one = send(authorized("/admin/v1/executions/" + id).GET());
        assertTrue(one.body().contains("\"timelineAvailable\":true"), one.body());
    }

    @Test
    void anExecutionIsReplayedAloneAndInBulk() throws Exception {
        String id = group(EXECUTION_ID, send(json("/api/v1/intents", "{\"type\":\"platform.echo\",\"payload\":"
                + "{\"replay\":1}}")).body());
        awaitCompleted(id);
        HttpResponse<String> replay = send(authorized("/admin/v1/executions/" + id + "/replay")
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertEquals(200, replay.statusCode(), replay.body());
        assertTrue(replay.body().contains("\"identical\":true"), replay.body());
        HttpResponse<String> bulk = send(json("/admin/v1/replay", "{\"type\":\"platform.echo\",\"limit\":10}"));
        assertEquals(200, bulk.statusCode(), bulk.body());
        assertTrue(bulk.body().contains("\"type\":\"platform.echo\"") && bulk.body().contains("\"changed\":0"),
                bulk.body());
    }

    /** Asks again until {@code done} holds for the answer, or the patience runs out; returns the last answer. */
    private static HttpResponse<String> eventually(java.util.concurrent.Callable<HttpResponse<String>> ask,
            java.util.function.Predicate<HttpResponse<String>> done) throws Exception {
        long deadline = System.nanoTime() + ContainerProcess.PATIENCE.toNanos();
        HttpResponse<String> response = ask.call();
        while (!done.test(response) && System.nanoTime() < deadline) {
            Thread.sleep(50);
            response = ask.call();
        }
        return response;
    }

    private static void awaitCompleted(String id) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            HttpResponse<String> response = send(authorized("/api/v1/executions/" + id).GET());
            assertEquals(200, response.statusCode(), response.body());
            // the execution's own state (a step's "state" is followed by "attempts", the execution's by "tenant")
            if (response.body().contains("\"state\":\"COMPLETED\",\"tenant\"")) {
                return;
            }
            assertFalse(response.body().contains("\"state\":\"FAILED\""), response.body());
            if (System.nanoTime() > deadline) {
                fail("execution did not complete: " + response.body());
            }
            Thread.sleep(50);
        }
    }

    /** The ready line may come a moment before the whiteboard has added the admin console's resources. */
    private static void awaitAdminApi() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            HttpResponse<String> response = send(request("/admin/v1/intents").GET());
            if (response.statusCode() == 401) {
                return;
            }
            if (System.nanoTime() > deadline) {
                fail("the admin API did not come up: " + response.statusCode() + " " + response.body() + "\n"
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
    }

    private static HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(root + path)).timeout(Duration.ofSeconds(30));
    }

    private static HttpRequest.Builder authorized(String path) {
        return request(path).header("Authorization", "Bearer " + adminKey);
    }

    private static HttpRequest.Builder json(String path, String body) {
        return authorized(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String group(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        assertTrue(m.find(), text);
        return m.group(1);
    }
}
