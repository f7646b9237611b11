package org.symphainy.foundations.openapi;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

/**
 * An OpenAPI 3.1.0 document generated from Jakarta REST applications: each application's base path and resource
 * classes, reflected over (see {@link ApiDoc} for what the annotations of Jakarta REST cannot say). Every operation
 * needs {@code Authorization: Bearer} unless its {@code @ApiDoc} says otherwise, and every one documents the
 * {@code application/problem+json} (RFC 9457) answers to errors.
 */
public final class OpenApiDocument {

    /** One Jakarta REST application: its base path (below the server's root) and its resource classes. */
    public record Application(String base, List<Class<?>> resources) {

        /** Checks and copies. */
        public Application {
            Objects.requireNonNull(base, "base");
            resources = List.copyOf(resources);
        }
    }

    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    private final String title;
    private final String version;
    private final String description;

    /** A document titled {@code title} at API {@code version}, described by {@code description}. */
    public OpenApiDocument(String title, String version, String description) {
        this.title = Objects.requireNonNull(title, "title");
        this.version = Objects.requireNonNull(version, "version");
        this.description = Objects.requireNonNull(description, "description");
    }

    /**
     * The document for {@code applications}, as UTF-8 JSON bytes; an {@link IllegalArgumentException} naming the
     * resource method when a schema its {@code @ApiDoc} names is not on its class path or not JSON.
     */
    public byte[] write(List<Application> applications) {
        List<Application> sorted = new ArrayList<>(applications);
        sorted.sort(Comparator.comparing(a -> trimmed(a.base())));
        Map<String, Set<Class<?>>> byName = new TreeMap<>();
        for (Application application : sorted) {
            for (Class<?> resource : application.resources()) {
                byName.computeIfAbsent(name(resource), n -> new HashSet<>()).add(resource);
            }
        }
        Map<Class<?>, String> tags = new LinkedHashMap<>();
        Map<String, Map<String, Operation>> paths = new TreeMap<>();
        for (Application application : sorted) {
            List<Class<?>> resources = new ArrayList<>(application.resources());
            resources.sort(Comparator.comparing(Class::getName));
            for (Class<?> resource : resources) {
                String name = name(resource);
                String tag = byName.get(name).size() > 1 ? name + " (" + trimmed(application.base()) + ")" : name;
                tags.putIfAbsent(resource, tag);
                for (Operation operation : ResourceOperations.of(application.base(), resource, tag)) {
                    // the first resource claiming a path and method is the one documented (as Jersey would warn)
                    paths.computeIfAbsent(operation.path(), p -> new TreeMap<>())
                            .putIfAbsent(operation.httpMethod(), operation);
                }
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
        try (JsonGenerator json = FACTORY.createGenerator(out, JsonEncoding.UTF8).useDefaultPrettyPrinter()) {
            write(json, tags, paths);
        } catch (IOException e) {
            throw new UncheckedIOException("writing the OpenAPI document to memory failed", e);
        }
        return out.toByteArray();
    }

    private void write(JsonGenerator json, Map<Class<?>, String> tags, Map<String, Map<String, Operation>> paths)
            throws IOException {
        Schemas schemas = new Schemas();
        json.writeStartObject();
        json.writeStringField("openapi", "3.1.0");
        json.writeObjectFieldStart("info");
        json.writeStringField("title", title);
        json.writeStringField("version", version);
        json.writeStringField("description", description);
        json.writeEndObject();
        json.writeArrayFieldStart("security");
        json.writeStartObject();
        json.writeArrayFieldStart(OperationWriter.BEARER);
        json.writeEndArray();
        json.writeEndObject();
        json.writeEndArray();
        json.writeArrayFieldStart("tags");
        Set<String> written = new HashSet<>();
        for (Map.Entry<Class<?>, String> tag : tags.entrySet()) {
            if (written.add(tag.getValue())) {
                json.writeStartObject();
                json.writeStringField("name", tag.getValue());
                String summary = Doc.of(tag.getKey()).summary();
                if (!summary.isEmpty()) {
                    json.writeStringField("description", summary);
                }
                json.writeEndObject();
            }
        }
        json.writeEndArray();
        json.writeObjectFieldStart("paths");
        OperationWriter operations = new OperationWriter(json, schemas);
        for (Map.Entry<String, Map<String, Operation>> path : paths.entrySet()) {
            json.writeObjectFieldStart(path.getKey());
            for (Operation operation : path.getValue().values()) {
                json.writeFieldName(operation.httpMethod());
                operations.write(operation);
            }
            json.writeEndObject();
        }
        json.writeEndObject();
        json.writeObjectFieldStart("components");
        json.writeObjectFieldStart("securitySchemes");
        json.writeObjectFieldStart(OperationWriter.BEARER);
        json.writeStringField("type", "http");
        json.writeStringField("scheme", "bearer");
        json.writeStringField("description", "Authorization: Bearer <token>: a session token (from signing in), "
                + "an API key or a JWT");
        json.writeEndObject();
        json.writeEndObject();
        json.writeObjectFieldStart("schemas");
        schemas.writeProblem(json);
        schemas.writeAll(json);
        json.writeEndObject();
        json.writeEndObject();
        json.writeEndObject();
    }

    /** The name of {@code resource}'s tag: its simple name without "Resource" (qualified when names collide). */
    static String name(Class<?> resource) {
        String name = resource.getSimpleName();
        return name.endsWith("Resource") && name.length() > "Resource".length()
                ? name.substring(0, name.length() - "Resource".length()) : name;
    }

    private static String trimmed(String base) {
        return ResourceOperations.join(base, "").substring(1);
    }
}
