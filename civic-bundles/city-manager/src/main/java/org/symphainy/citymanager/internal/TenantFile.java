package org.symphainy.citymanager.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import org.symphainy.sdk.governance.Tenants.Tenant;

/**
 * The tenants file, {@code tenants.json}: {@code {"tenants": [{"id", "displayName", "suspended", "suspendedBecause"}]}}.
 * Read with the streaming parser, written whole through {@link AtomicFile}.
 */
final class TenantFile {

    private static final JsonFactory JSON = new JsonFactory();

    private final Path path;

    TenantFile(Path path) {
        this.path = path;
    }

    /** The file's path. */
    Path path() {
        return path;
    }

    /** The tenants in the file, or null if there is no file yet; a damaged file throws with its position. */
    List<Tenant> read() throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            return null;
        }
        try (JsonParser parser = JSON.createParser(bytes)) {
            return tenants(parser);
        } catch (JsonProcessingException e) {
            throw new IOException("tenants file " + path + " is damaged at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage()
                    + "; repair it (or restore it from a backup) and restart the City Manager bundle", e);
        }
    }

    /** Replaces the file with {@code tenants}. */
    void write(List<Tenant> tenants) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JsonGenerator out = JSON.createGenerator(bytes).useDefaultPrettyPrinter()) {
            out.writeStartObject();
            out.writeArrayFieldStart("tenants");
            for (Tenant tenant : tenants) {
                out.writeStartObject();
                out.writeStringField("id", tenant.id());
                out.writeStringField("displayName", tenant.displayName());
                out.writeBooleanField("suspended", tenant.suspended());
                if (tenant.suspendedBecause() != null) {
                    out.writeStringField("suspendedBecause", tenant.suspendedBecause());
                }
                out.writeEndObject();
            }
            out.writeEndArray();
            out.writeEndObject();
        }
        AtomicFile.write(path, bytes.toByteArray());
    }

    private List<Tenant> tenants(JsonParser parser) throws IOException {
        expect(parser, parser.nextToken(), JsonToken.START_OBJECT, "an object {\"tenants\": [...]}");
        List<Tenant> tenants = new ArrayList<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            if (!"tenants".equals(field)) {
                throw new JsonParseException(parser, "unexpected field '" + field + "'");
            }
            expect(parser, parser.nextToken(), JsonToken.START_ARRAY, "an array of tenants");
            while (parser.nextToken() == JsonToken.START_OBJECT) {
                tenants.add(tenant(parser));
            }
        }
        return tenants;
    }

    private static Tenant tenant(JsonParser parser) throws IOException {
        String id = null;
        String displayName = null;
        boolean suspended = false;
        String because = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            switch (field) {
                case "id" -> id = parser.getValueAsString();
                case "displayName" -> displayName = parser.getValueAsString();
                case "suspended" -> suspended = value == JsonToken.VALUE_TRUE;
                case "suspendedBecause" -> because = parser.getValueAsString();
                default -> parser.skipChildren();
            }
        }
        if (id == null || id.isBlank()) {
            throw new JsonParseException(parser, "a tenant has no id");
        }
        return new Tenant(id, displayName == null ? id : displayName, suspended, suspended ? because : null);
    }

    private static void expect(JsonParser parser, JsonToken actual, JsonToken expected, String what) throws IOException {
        if (actual != expected) {
            throw new JsonParseException(parser, "expected " + what + ", found " + actual);
        }
    }
}
