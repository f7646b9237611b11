package org.symphainy.foundations.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import org.junit.jupiter.api.Test;

class OpenApiDocumentTest {

    private static final List<OpenApiDocument.Application> APPLICATIONS = List.of(
            new OpenApiDocument.Application("api", List.of(TestResources.OrdersResource.class,
                    TestResources.ShadowOrdersResource.class, TestResources.DocsResource.class)),
            new OpenApiDocument.Application("/admin/", List.of(TestResources.Admin.OrdersResource.class)));

    private static String generate(List<OpenApiDocument.Application> applications) {
        return new String(new OpenApiDocument("Test API", "1.2.3", "For tests").write(applications),
                StandardCharsets.UTF_8);
    }

    /** Parses and validates {@code json} with swagger-parser; its messages. */
    static SwaggerParseResult validate(String json) {
        ParseOptions options = new ParseOptions();
        options.setResolve(false);
        return new OpenAPIV3Parser().readContents(json, null, options);
    }

    @Test
    void theGeneratedDocumentIsValidOpenApi31() {
        String json = generate(APPLICATIONS);
        SwaggerParseResult result = validate(json);
        assertEquals(List.of(), result.getMessages(), json);
        assertNotNull(result.getOpenAPI());
        assertEquals("3.1.0", result.getOpenAPI().getOpenapi());
        assertTrue(result.getOpenAPI().getSpecVersion() == io.swagger.v3.oas.models.SpecVersion.V31);
    }

    @Test
    void aBrokenDocumentFailsTheValidator() {
        String json = generate(APPLICATIONS);
        // a response without its mandatory description, and a path parameter that is not required
        String broken = json.replaceFirst("\"description\" : \"Accepted\",", "")
                .replaceFirst("\"in\" : \"path\",\\s*\"required\" : true", "\"in\" : \"path\", \"required\" : false");
        assertFalse(broken.equals(json));
        List<String> messages = validate(broken).getMessages();
        assertTrue(messages.stream().anyMatch(m -> m.contains("description")), messages.toString());
        assertTrue(messages.stream().anyMatch(m -> m.contains("required")), messages.toString());
        assertFalse(validate(json.replace("\"info\" :", "\"infox\" :")).getMessages().isEmpty());
    }

    @Test
    void pathsMethodsAndParametersComeFromTheAnnotations() {
        OpenAPI api = validate(generate(APPLICATIONS)).getOpenAPI();
        Map<String, PathItem> paths = api.getPaths();
        assertEquals(Set.of("/api/v1/orders", "/api/v1/orders/{id}", "/api/v1/orders/{id}/lines/{lineId}",
                "/api/v1/orders/{id}/events", "/api/docs/openapi.json", "/admin/v1/orders",
                "/admin/v1/orders/{id}"), paths.keySet());
        Operation place = paths.get("/api/v1/orders").getPost();
        assertEquals("Places an order", place.getSummary());
        assertEquals("api.orders.place", place.getOperationId());
        assertEquals(List.of("X-Correlation-Id"), place.getParameters().stream().map(Parameter::getName).toList(),
                "Content-Type is the request body's media type, not a parameter");
        assertEquals("#/components/schemas/Order",
                place.getRequestBody().getContent().get("application/json").getSchema().get$ref());
        ApiResponse accepted = place.getResponses().get("202");
        assertEquals("#/components/schemas/Order", accepted.getContent().get("application/json").getSchema().get$ref());
        assertNotNull(accepted.getHeaders().get("Location"));
        assertEquals("#/components/schemas/Problem", place.getResponses().get("422").getContent()
                .get("application/problem+json").getSchema().get$ref());
        assertNotNull(api.getComponents().getSchemas().get("OrderLine"), "referenced schemas are loaded too");

        Operation list = paths.get("/api/v1/orders").getGet();
        assertEquals("api.orders.list", list.getOperationId(), "the first resource claiming a path wins");
        Parameter limit = list.getParameters().get(0);
        assertEquals("limit", limit.getName());
        assertEquals("query", limit.getIn());
        assertEquals("integer", limit.getSchema().getTypes().iterator().next());
        assertEquals(50, ((Number) limit.getSchema().getDefault()).intValue());

        Operation line = paths.get("/api/v1/orders/{id}/lines/{lineId}").getGet();
        assertEquals(List.of("id", "lineId"), line.getParameters().stream().map(Parameter::getName).toList());
        assertTrue(line.getParameters().stream().allMatch(p -> p.getRequired() && p.getIn().equals("path")));

        Operation events = paths.get("/api/v1/orders/{id}/events").getGet();
        assertNotNull(events.getResponses().get("200").getContent().get("text/event-stream"));
        assertNotNull(paths.get("/api/v1/orders/{id}").getDelete().getResponses().get("204"));

        Operation replace = paths.get("/admin/v1/orders/{id}").getPut();
        assertEquals("admin.orders.replace", replace.getOperationId());
        assertEquals(Set.of("application/json", "application/xml"), replace.getRequestBody().getContent().keySet());
        assertEquals(List.of("Orders (admin)"), replace.getTags(), "the same resource name in another application");
        assertEquals(List.of("Orders (api)"), place.getTags());
        assertEquals(List.of("ShadowOrders"), List.of(api.getTags().get(3).getName()));
    }

    @Test
    void everyOperationIsBearerSecuredAndAnswersProblemsButThePublicOne() {
        OpenAPI api = validate(generate(APPLICATIONS)).getOpenAPI();
        assertEquals("bearer", api.getComponents().getSecuritySchemes().get("bearer").getScheme());
        assertEquals(List.of("bearer"), List.copyOf(api.getSecurity().get(0).keySet()));
        Set<String> ids = new HashSet<>();
        int operations = 0;
        for (Map.Entry<String, PathItem> path : api.getPaths().entrySet()) {
            for (Operation operation : path.getValue().readOperations()) {
                operations++;
                assertTrue(ids.add(operation.getOperationId()), operation.getOperationId());
                for (String status : List.of("4XX", "5XX")) {
                    assertEquals("#/components/schemas/Problem", operation.getResponses().get(status).getContent()
                            .get("application/problem+json").getSchema().get$ref(), path.getKey());
                }
                boolean isPublic = path.getKey().equals("/api/docs/openapi.json");
                assertEquals(isPublic, operation.getSecurity() != null && operation.getSecurity().isEmpty());
                assertEquals(isPublic, operation.getResponses().get("401") == null, path.getKey());
            }
        }
        assertEquals(8, operations, "the shadowed GET /api/v1/orders is documented once");
        assertEquals(Set.of("type", "title", "status"), Set.copyOf(
                api.getComponents().getSchemas().get("Problem").getRequired()));
    }

    @Test
    void theDocumentIsTheSameEveryTime() {
        assertEquals(generate(APPLICATIONS), generate(List.of(APPLICATIONS.get(1), APPLICATIONS.get(0))));
    }

    @Test
    void aMissingSchemaIsNamedWithItsMethod() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> generate(List.of(new OpenApiDocument.Application("api", List.of(MissingSchema.class)))));
        assertTrue(e.getMessage().contains("schemas/Nope.json") && e.getMessage().contains("MissingSchema.get"),
                e.getMessage());
    }

    @Test
    void jakartaRegexTemplatesBecomeOpenApiTemplates() {
        assertEquals("/a/{id}/b/{x}", ResourceOperations.template("/a/{ id : [0-9]{1,3} }/b/{x}"));
        assertEquals("/a/b", ResourceOperations.join("/a/", "/b/"));
        assertEquals("/", ResourceOperations.join("", "/"));
        assertEquals(Doc.NONE, Doc.of(String.class), "no @ApiDoc: nothing documented");
    }

    /** The annotation is matched by name: a copy of it in another package (another bundle's) is read the same. */
    @Test
    void anotherCopyOfTheAnnotationIsReadByName() {
        Doc doc = Doc.of(OtherCopy.class);
        assertEquals("from another copy", doc.summary());
        assertFalse(doc.authenticated());
        assertEquals(1, doc.responses().size());
        assertEquals(418, doc.responses().get(0).status());
    }

    @Path("missing")
    public static final class MissingSchema {
        @GET
        @ApiDoc(summary = "x", responses = @ApiDoc.Response(status = 200, description = "OK",
                schema = "schemas/Nope.json"))
        public String get() {
            return "";
        }
    }

    @org.symphainy.foundations.openapi.othercopy.ApiDoc(summary = "from another copy", authenticated = false,
            responses = @org.symphainy.foundations.openapi.othercopy.ApiDoc.Response(status = 418,
                    description = "teapot"))
    static final class OtherCopy {
    }
}
