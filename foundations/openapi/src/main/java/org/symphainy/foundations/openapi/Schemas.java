package org.symphainy.foundations.openapi;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;

/**
 * The document's component schemas: the built-in {@value #PROBLEM} (RFC 9457) and the JSON Schema resources that
 * {@code @ApiDoc} names, copied in, with every schema they reference as {@code #/components/schemas/X} loaded from
 * {@code X.json} beside them.
 */
final class Schemas {

    /** Where component schemas are referenced. */
    static final String REF = "#/components/schemas/";

    /** The problem details schema. */
    static final String PROBLEM = "Problem";

    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    private final Map<String, Source> registered = new TreeMap<>();

    /** Where a schema comes from. */
    private record Source(Class<?> owner, String resource, String usedBy) {
    }

    /** Registers the schema resource {@code resource} of {@code owner} (named for {@code usedBy}); its name. */
    String register(Class<?> owner, String resource, String usedBy) {
        String name = name(resource);
        registered.putIfAbsent(name, new Source(owner, resource, usedBy));
        return name;
    }

    /** Writes the problem details schema. */
    void writeProblem(JsonGenerator json) throws IOException {
        json.writeObjectFieldStart(PROBLEM);
        json.writeStringField("description", "Problem details (RFC 9457), application/problem+json");
        json.writeStringField("type", "object");
        json.writeArrayFieldStart("required");
        for (String field : new String[] {"type", "title", "status"}) {
            json.writeString(field);
        }
        json.writeEndArray();
        json.writeObjectFieldStart("properties");
        property(json, "type", "string", "uri-reference", "A stable URI naming the kind of problem");
        property(json, "title", "string", null, "A short summary of the kind of problem");
        property(json, "status", "integer", null, "The HTTP status");
        property(json, "detail", "string", null, "What happened to this request, and what to do");
        property(json, "instance", "string", "uri-reference", "The request that had the problem");
        property(json, "code", "string", null, "The platform's stable error code");
        property(json, "errorId", "string", null, "Names the logged cause of an unexpected error (500)");
        json.writeObjectFieldStart("decisions");
        json.writeStringField("type", "array");
        json.writeStringField("description", "For a denial: every governance decision, with its reasons");
        json.writeObjectFieldStart("items");
        json.writeStringField("type", "object");
        json.writeEndObject();
        json.writeEndObject();
        json.writeEndObject();
        json.writeEndObject();
    }

    /** Writes every registered schema and the ones they reference. */
    void writeAll(JsonGenerator json) throws IOException {
        Deque<String> pending = new ArrayDeque<>(registered.keySet());
        java.util.Set<String> written = new java.util.HashSet<>();
        while (!pending.isEmpty()) {
            String name = pending.poll();
            if (name.equals(PROBLEM) || !written.add(name)) {
                continue;
            }
            Source source = registered.get(name);
            json.writeFieldName(name);
            copy(source, json, pending);
        }
    }

    private void copy(Source source, JsonGenerator json, Deque<String> pending) throws IOException {
        String path = source.resource().startsWith("/") ? source.resource() : "/" + source.resource();
        try (InputStream in = source.owner().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("schema " + source.resource() + " named by @ApiDoc on "
                        + source.usedBy() + " is not on its class path; put it under src/main/resources");
            }
            try (JsonParser parser = FACTORY.createParser(in)) {
                boolean ref = false;
                for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                    if (ref && token == JsonToken.VALUE_STRING && parser.getText().startsWith(REF)) {
                        String referenced = parser.getText().substring(REF.length());
                        String sibling = path.substring(0, path.lastIndexOf('/') + 1) + referenced + ".json";
                        registered.putIfAbsent(referenced, new Source(source.owner(), sibling, source.usedBy()));
                        pending.add(referenced);
                    }
                    ref = token == JsonToken.FIELD_NAME && parser.currentName().equals("$ref");
                    json.copyCurrentEvent(parser);
                }
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("schema " + source.resource() + " named by @ApiDoc on "
                        + source.usedBy() + " is not JSON: " + e.getOriginalMessage(), e);
            }
        }
    }

    private static void property(JsonGenerator json, String name, String type, String format, String description)
            throws IOException {
        json.writeObjectFieldStart(name);
        json.writeStringField("type", type);
        if (format != null) {
            json.writeStringField("format", format);
        }
        json.writeStringField("description", description);
        json.writeEndObject();
    }

    /** {@code schemas/Page.json} as {@code Page}. */
    static String name(String resource) {
        String file = resource.substring(resource.lastIndexOf('/') + 1);
        return file.endsWith(".json") ? file.substring(0, file.length() - ".json".length()) : file;
    }
}
