package org.symphainy.itest.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.SpecVersion;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code GET /api/openapi.json} of a real {@code bin/symphainy}: public, valid OpenAPI 3.1 under swagger-parser, and
 * true to the server: every operation it documents answers there (401 without a credential, as documented; the
 * document itself 200), not a bare 404.
 */
class OpenApiIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    @TempDir
    static Path work;

    private static ContainerProcess container;
    private static String root;
    private static String document;

    @BeforeAll
    static void start() throws Exception {
        container = ContainerProcess.start(ContainerProcess.distribution(), work.resolve("data"), Map.of());
        container.awaitReady();
        root = "http://127.0.0.1:" + container.port();
        document = awaitDocument();
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (container != null) {
            assertEquals(0, container.terminate(), container.output());
            container.close();
        }
    }

    @Test
    void theDocumentIsValidOpenApi31() {
        SwaggerParseResult result = parse(document);
        assertEquals(List.of(), result.getMessages(), document);
        assertEquals("3.1.0", result.getOpenAPI().getOpenapi());
        assertEquals(SpecVersion.V31, result.getOpenAPI().getSpecVersion());
        // and the validator does fail a document that breaks the specification
        List<String> messages = parse(document.replace("\"info\" :", "\"x-info\" :")).getMessages();
        assertTrue(messages.stream().anyMatch(m -> m.contains("info")), messages.toString());
    }

    @Test
    void itDocumentsTheRestApiWithSchemasSecurityAndProblems() {
        OpenAPI api = parse(document).getOpenAPI();
        Map<String, PathItem> paths = api.getPaths();
        Operation submit = paths.get("/api/v1/intents").getPost();
        assertNotNull(submit, paths.keySet().toString());
        assertEquals("#/components/schemas/IntentRequest",
                submit.getRequestBody().getContent().get("application/json").getSchema().get$ref());
        assertEquals("#/components/schemas/Submission",
                submit.getResponses().get("202").getContent().get("application/json").getSchema().get$ref());
        assertNotNull(submit.getResponses().get("202").getHeaders().get("Location"));
        assertNotNull(paths.get("/api/v1/executions").getGet());
        assertEquals("#/components/schemas/Execution", paths.get("/api/v1/executions/{id}").getGet().getResponses()
                .get("200").getContent().get("application/json").getSchema().get$ref());
        assertNotNull(paths.get("/api/v1/executions/{id}/artifacts/{artifactId}").getGet());
        assertNotNull(paths.get("/api/v1/executions/{id}/events").getGet().getResponses().get("200").getContent()
                .get("text/event-stream"));
        assertNotNull(paths.get("/api/v1/sessions/current").getDelete());
        for (String schema : List.of("Problem", "IntentRequest", "Submission", "Execution", "ExecutionPage",
                "Session", "Decision", "ExecutionState", "Failure", "HandlerRef")) {
            assertNotNull(api.getComponents().getSchemas().get(schema), schema);
        }

        assertEquals("bearer", api.getComponents().getSecuritySchemes().get("bearer").getScheme());
        assertNull(paths.get("/api/v1/sessions").getPost().getSecurity(), "sign-in takes the Bearer credential");
        assertTrue(paths.get("/api/v1/sessions").getPost().getDescription().contains("API key"));
        assertEquals(List.of(), paths.get("/api/openapi.json").getGet().getSecurity(), "the document is public");
        Set<String> ids = new HashSet<>();
        for (PathItem path : paths.values()) {
            for (Operation operation : path.readOperations()) {
                assertTrue(ids.add(operation.getOperationId()), operation.getOperationId());
                assertEquals("#/components/schemas/Problem", operation.getResponses().get("4XX").getContent()
                        .get("application/problem+json").getSchema().get$ref(), operation.getOperationId());
                assertFalse(operation.getSummary().isBlank(), operation.getOperationId());
            }
        }
        assertTrue(ids.contains("api.intents.submit"), ids.toString());
    }

    @Test
    void everyDocumentedOperationAnswersOnTheServer() throws Exception {
        OpenAPI api = parse(document).getOpenAPI();
        int checked = 0;
        for (Map.Entry<String, PathItem> path : api.getPaths().entrySet()) {
            for (Map.Entry<PathItem.HttpMethod, Operation> operation : path.getValue().readOperationsMap().entrySet()) {
                String url = root + path.getKey().replaceAll("\\{[^}]+}", "x");
                HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                        .method(operation.getKey().name(), operation.getKey() == PathItem.HttpMethod.GET
                                || operation.getKey() == PathItem.HttpMethod.DELETE
                                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString("{}"));
                // a connection of its own per call: a request refused before its body was read may end the
                // connection, and a reused one would then fail in the client, not in what this test checks
                HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                        .send(request.build(), HttpResponse.BodyHandlers.ofString());
                boolean isPublic = operation.getValue().getSecurity() != null
                        && operation.getValue().getSecurity().isEmpty();
                String shown = operation.getKey() + " " + url + ": " + response.statusCode() + " " + response.body();
                if (isPublic) { // served to anyone: the resource answers itself (a made-up file name is its own 404)
                    assertTrue(response.statusCode() == 200 || response.statusCode() == 404
                            && response.body().contains("\"type\":\"https://symphainy.org/problems/"), shown);
                } else {
                    assertEquals(401, response.statusCode(), shown);
                }
                checked++;
            }
        }
        assertTrue(checked >= 9, "only " + checked + " operations documented");
    }

    @Test
    void theDocumentIsServedAgainTheSame() throws Exception {
        HttpResponse<String> again = get("/api/openapi.json");
        assertEquals(200, again.statusCode());
        assertEquals(document, again.body());
        assertEquals("application/json", again.headers().firstValue("Content-Type").orElse(""));
    }

    /**
     * A resource hot-deployed by a Symphainy bundle joins the document (the whiteboard's change count moved), with the
     * summary of its own copy of {@code @ApiDoc}; one of another vendor's bundle is served but not documented; both
     * undeployed, the document is the first one again.
     */
    @Test
    void aDeployedPlatformResourceJoinsTheDocumentAndLeavesIt() throws Exception {
        Path probe = resourceBundle("org.symphainy.itest.probe", "ProbeResource", "v1/probe");
        Path acme = resourceBundle("org.acme.rest", "AcmeResource", "v1/acme");
        container.deploy(probe, "probe.jar");
        container.deploy(acme, "acme.jar");
        try {
            String updated = awaitDocument(d -> d.contains("\"/api/v1/probe\""));
            SwaggerParseResult result = parse(updated);
            assertEquals(List.of(), result.getMessages(), updated);
            Operation get = result.getOpenAPI().getPaths().get("/api/v1/probe").getGet();
            assertEquals("Probe summary", get.getSummary(), "read by name from the bundle's own annotation");
            assertEquals("api.probe.get", get.getOperationId());
            awaitStatus("/api/v1/acme", 401); // served (and authenticated) ...
            assertFalse(get("/api/openapi.json").body().contains("/api/v1/acme"), "... but not documented");
        } finally {
            container.undeploy("probe.jar");
            container.undeploy("acme.jar");
        }
        awaitDocument(document::equals);
    }

    /** A bundle whose activator registers a whiteboard resource {@code pkg.simpleName} at {@code path}. */
    private static Path resourceBundle(String pkg, String simpleName, String path) throws Exception {
        Path dist = ContainerProcess.distribution();
        Map<String, String> sources = Map.of(
                pkg + ".ApiDoc", "package " + pkg + ";\n"
                        + "@java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)\n"
                        + "public @interface ApiDoc { String summary() default \"\"; }\n",
                pkg + "." + simpleName, "package " + pkg + ";\n"
                        + "@jakarta.ws.rs.Path(\"" + path + "\") public class " + simpleName + " {\n"
                        + "  @jakarta.ws.rs.GET @ApiDoc(summary = \"Probe summary\")\n"
                        + "  public String get() { return \"x\"; }\n"
                        + "}\n",
                pkg + ".Activator", "package " + pkg + ";\n"
                        + "public class Activator implements org.osgi.framework.BundleActivator {\n"
                        + "  public void start(org.osgi.framework.BundleContext c) {\n"
                        + "    java.util.Hashtable<String, Object> p = new java.util.Hashtable<>();\n"
                        + "    p.put(\"osgi.jakartars.resource\", Boolean.TRUE);\n"
                        + "    p.put(\"osgi.jakartars.name\", \"" + pkg + "\");\n"
                        + "    p.put(\"osgi.jakartars.application.select\", \"(osgi.jakartars.name=symphainy.experience)\");\n"
                        + "    c.registerService(Object.class, new " + simpleName + "(), p);\n"
                        + "  }\n"
                        + "  public void stop(org.osgi.framework.BundleContext c) { }\n"
                        + "}\n");
        return TestBundles.compiledBundle(java.nio.file.Files.createDirectories(work.resolve("bundles")), pkg,
                pkg + ".Activator", "jakarta.ws.rs,org.osgi.framework", sources,
                List.of(dist.resolve("lib/org.apache.felix.framework.jar"),
                        dist.resolve("system/12/jakarta.ws.rs-api-3.1.0.jar")));
    }

    private static void awaitStatus(String path, int status) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        HttpResponse<String> response;
        while ((response = get(path)).statusCode() != status) {
            if (System.nanoTime() > deadline) {
                fail(path + " answered " + response.statusCode() + " " + response.body());
            }
            Thread.sleep(100);
        }
    }

    private static SwaggerParseResult parse(String json) {
        ParseOptions options = new ParseOptions();
        options.setResolve(false);
        return new OpenAPIV3Parser().readContents(json, null, options);
    }

    /** The ready line may come a moment before the whiteboard has added Experience's resources. */
    private static String awaitDocument() throws Exception {
        return awaitDocument(d -> d.contains("\"/api/v1/intents\"") && d.contains("\"/api/v1/sessions\"")
                && d.contains("\"/api/v1/executions\""));
    }

    /** The document once it is {@code wanted}. */
    private static String awaitDocument(java.util.function.Predicate<String> wanted) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            HttpResponse<String> response = get("/api/openapi.json");
            if (response.statusCode() == 200 && wanted.test(response.body())) {
                return response.body();
            }
            if (System.nanoTime() > deadline) {
                fail("no OpenAPI document: " + response.statusCode() + " " + response.body() + "\n"
                        + container.output());
            }
            Thread.sleep(100);
        }
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(root + path)).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
