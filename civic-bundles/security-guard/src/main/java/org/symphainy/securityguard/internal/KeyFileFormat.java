package org.symphainy.securityguard.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Collection;
import java.util.Set;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.StreamReadFeature;

/**
 * The key file, {@code api-keys.json}: one JSON object {@code {"format": 1, "keys": [...]}} with one object per key
 * (id, tenant, actor, roles, label, creation and revocation times, and the hash: algorithm, iterations, salt and value in
 * base64). Read strictly with Jackson's streaming parser, so a malformed file is refused with the line and column of
 * the problem; written pretty-printed, so an operator can read it.
 */
final class KeyFileFormat {

    /** The format version this bundle reads and writes. */
    static final int FORMAT = 1;

    /** Strict (a repeated field is an error) and discreet (messages never quote the input, which holds hashes). */
    static final JsonFactory JSON = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .build();

    private KeyFileFormat() {
    }

    /** The keys {@code content} (read from {@code file}) holds; a problem rejects the file, naming where it is. */
    static Collection<StoredKey> read(Path file, byte[] content) throws InputRejected {
        try (KeyFileReader reader = new KeyFileReader(file.toString(), JSON.createParser(content))) {
            return reader.document();
        } catch (IOException e) {
            throw new UncheckedIOException("reading a byte array cannot fail", e);
        }
    }

    /** {@code line 3, column 14}, or null if Jackson does not know where. */
    static String position(JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return null;
        }
        return "line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    /** The file's content for {@code keys}, in the order given. */
    static byte[] write(Collection<StoredKey> keys) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JsonGenerator json = JSON.createGenerator(bytes, JsonEncoding.UTF8)) {
            json.useDefaultPrettyPrinter();
            json.writeStartObject();
            json.writeNumberField("format", FORMAT);
            json.writeArrayFieldStart("keys");
            for (StoredKey key : keys) {
                writeKey(json, key);
            }
            json.writeEndArray();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        bytes.write('\n');
        return bytes.toByteArray();
    }

    private static void writeKey(JsonGenerator json, StoredKey key) throws IOException {
        json.writeStartObject();
        json.writeStringField("keyId", key.keyId());
        json.writeStringField("tenant", key.principal().tenant());
        json.writeStringField("actor", key.principal().actor());
        json.writeArrayFieldStart("roles");
        for (String role : Set.copyOf(key.principal().roles()).stream().sorted().toList()) {
            json.writeString(role);
        }
        json.writeEndArray();
        json.writeStringField("label", key.label());
        json.writeStringField("createdAt", key.createdAt().toString());
        if (key.revokedAt() == null) {
            json.writeNullField("revokedAt");
        } else {
            json.writeStringField("revokedAt", key.revokedAt().toString());
        }
        json.writeObjectFieldStart("hash");
        json.writeStringField("algorithm", KeyHash.ALGORITHM);
        json.writeNumberField("iterations", key.hash().iterations());
        json.writeStringField("salt", Base64.getEncoder().encodeToString(key.hash().salt()));
        json.writeStringField("value", Base64.getEncoder().encodeToString(key.hash().value()));
        json.writeEndObject();
        json.writeEndObject();
    }
}
