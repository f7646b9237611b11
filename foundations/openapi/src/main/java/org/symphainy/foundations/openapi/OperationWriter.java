package org.symphainy.foundations.openapi;

import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.core.JsonGenerator;

/** Writes one operation object: parameters, request body, responses (with the problem answers), security. */
final class OperationWriter {

    /** The name of the bearer security scheme. */
    static final String BEARER = "bearer";

    private static final String PROBLEM_JSON = "application/problem+json";
    private static final String EVENT_STREAM = "text/event-stream";

    private final JsonGenerator json;
    private final Schemas schemas;
    private final Set<String> operationIds = new HashSet<>();

    OperationWriter(JsonGenerator json, Schemas schemas) {
        this.json = json;
        this.schemas = schemas;
    }

    /** Writes {@code operation} as the current field's value. */
    void write(Operation operation) throws IOException {
        Doc doc = operation.doc();
        json.writeStartObject();
        json.writeArrayFieldStart("tags");
        json.writeString(operation.tag());
        json.writeEndArray();
        json.writeStringField("summary", doc.summary().isEmpty() ? words(operation.javaMethod()) : doc.summary());
        if (!doc.description().isEmpty()) {
            json.writeStringField("description", doc.description());
        }
        json.writeStringField("operationId", operationId(operation));
        if (!operation.parameters().isEmpty()) {
            json.writeArrayFieldStart("parameters");
            for (Parameter parameter : operation.parameters()) {
                parameter(parameter);
            }
            json.writeEndArray();
        }
        if (operation.hasBody() || !doc.requestSchema().isEmpty()) {
            requestBody(operation);
        }
        responses(operation);
        if (!doc.authenticated()) {
            json.writeArrayFieldStart("security"); // public: no credential
            json.writeEndArray();
        }
        json.writeEndObject();
    }

    /** {@code <base>.<resource>.<method>}, stable across builds; unique (a counter for overloads). */
    private String operationId(Operation operation) {
        String resource = OpenApiDocument.name(operation.resourceClass());
        String base = operation.path().substring(1);
        int slash = base.indexOf('/');
        base = slash < 0 ? base : base.substring(0, slash);
        String id = (base.isEmpty() ? "" : base + ".") + Character.toLowerCase(resource.charAt(0))
                + resource.substring(1) + "." + operation.javaMethod();
        String unique = id;
        for (int n = 2; !operationIds.add(unique); n++) {
            unique = id + "_" + n;
        }
        return unique;
    }

    private void parameter(Parameter parameter) throws IOException {
        json.writeStartObject();
        json.writeStringField("name", parameter.name());
        json.writeStringField("in", parameter.in());
        json.writeBooleanField("required", parameter.required());
        json.writeObjectFieldStart("schema");
        json.writeStringField("type", parameter.type());
        if (parameter.defaultValue() != null) {
            json.writeFieldName("default");
            value(parameter.type(), parameter.defaultValue());
        }
        json.writeEndObject();
        json.writeEndObject();
    }

    /** Writes {@code text} as a JSON value of {@code type}, as a string when it does not parse as one. */
    private void value(String type, String text) throws IOException {
        try {
            switch (type) {
                case "integer" -> json.writeNumber(Long.parseLong(text.strip()));
                case "number" -> json.writeNumber(Double.parseDouble(text.strip()));
                case "boolean" -> json.writeBoolean(Boolean.parseBoolean(text.strip()));
                default -> json.writeString(text);
            }
        } catch (NumberFormatException e) {
            json.writeString(text);
        }
    }

    private void requestBody(Operation operation) throws IOException {
        Doc doc = operation.doc();
        List<String> types = operation.consumes().isEmpty() ? List.of(doc.requestMediaType()) : operation.consumes();
        json.writeObjectFieldStart("requestBody");
        json.writeBooleanField("required", operation.hasBody());
        json.writeObjectFieldStart("content");
        for (String type : types) {
            json.writeObjectFieldStart(type);
            json.writeFieldName("schema");
            schema(operation, doc.requestSchema(), type);
            json.writeEndObject();
        }
        json.writeEndObject();
        json.writeEndObject();
    }

    private void responses(Operation operation) throws IOException {
        Doc doc = operation.doc();
        boolean sse = operation.produces().contains(EVENT_STREAM);
        Set<String> statuses = new HashSet<>();
        json.writeObjectFieldStart("responses");
        if (doc.responses().isEmpty()) {
            boolean empty = operation.returnsNothing() && !sse;
            statuses.add(empty ? "204" : "200");
            response(operation, new Doc.DocResponse(empty ? 204 : 200, empty ? "No content" : "OK", "", "",
                    List.of()));
        }
        for (Doc.DocResponse response : doc.responses()) {
            if (statuses.add(Integer.toString(response.status()))) {
                response(operation, response);
            }
        }
        if (doc.authenticated() && statuses.add("401")) {
            problem("401", "No, malformed, unknown, expired or revoked credential (with WWW-Authenticate: Bearer)");
        }
        problem("4XX", "The request cannot be served as it is: the problem says why and what to do");
        problem("5XX", "The server or a service it needs failed or is unavailable; retry later");
        json.writeEndObject();
    }

    private void response(Operation operation, Doc.DocResponse response) throws IOException {
        String status = Integer.toString(response.status());
        if (response.status() >= 400 && response.schema().isEmpty()) {
            problem(status, response.description());
            return;
        }
        json.writeObjectFieldStart(status);
        json.writeStringField("description", response.description());
        if (!response.headers().isEmpty()) {
            json.writeObjectFieldStart("headers");
            for (String header : response.headers()) {
                int colon = header.indexOf(':');
                json.writeObjectFieldStart(colon < 0 ? header.strip() : header.substring(0, colon).strip());
                json.writeStringField("description", colon < 0 ? header.strip() : header.substring(colon + 1).strip());
                json.writeObjectFieldStart("schema");
                json.writeStringField("type", "string");
                json.writeEndObject();
                json.writeEndObject();
            }
            json.writeEndObject();
        }
        if (response.status() != 204 && response.status() != 304) {
            List<String> types = !response.mediaType().isEmpty() ? List.of(response.mediaType())
                    : operation.produces().isEmpty() ? List.of("application/json") : operation.produces();
            json.writeObjectFieldStart("content");
            for (String type : types) {
                json.writeObjectFieldStart(type);
                json.writeFieldName("schema");
                schema(operation, response.schema(), type);
                json.writeEndObject();
            }
            json.writeEndObject();
        }
        json.writeEndObject();
    }

    private void problem(String status, String description) throws IOException {
        json.writeObjectFieldStart(status);
        json.writeStringField("description", description);
        json.writeObjectFieldStart("content");
        json.writeObjectFieldStart(PROBLEM_JSON);
        json.writeObjectFieldStart("schema");
        json.writeStringField("$ref", Schemas.REF + Schemas.PROBLEM);
        json.writeEndObject();
        json.writeEndObject();
        json.writeEndObject();
        json.writeEndObject();
    }

    /** A reference to the schema resource {@code resource}; else a string for event streams, any value otherwise. */
    private void schema(Operation operation, String resource, String mediaType) throws IOException {
        json.writeStartObject();
        if (!resource.isEmpty()) {
            json.writeStringField("$ref", Schemas.REF + schemas.register(operation.resourceClass(), resource,
                    operation.resourceClass().getName() + "." + operation.javaMethod()));
        } else if (mediaType.equals(EVENT_STREAM) || mediaType.startsWith("text/")) {
            json.writeStringField("type", "string");
        } else if (!mediaType.contains("json")) {
            json.writeStringField("type", "string");
            json.writeStringField("contentMediaType", mediaType);
        }
        json.writeEndObject();
    }

    /** {@code signIn} as "Sign in". */
    private static String words(String javaName) {
        StringBuilder words = new StringBuilder();
        for (char c : javaName.toCharArray()) {
            if (Character.isUpperCase(c)) {
                words.append(' ').append(Character.toLowerCase(c));
            } else {
                words.append(c);
            }
        }
        return words.substring(0, 1).toUpperCase(Locale.ROOT) + words.substring(1);
    }
}
