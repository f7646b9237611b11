package org.symphainy.foundations.rest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

/** Writes response bodies with Jackson's streaming generator: UTF-8 bytes, no data binding. */
public final class JsonOutput {

    /** What writes one document. */
    @FunctionalInterface
    public interface Writer {
        void write(JsonGenerator json) throws IOException;
    }

    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    private JsonOutput() {
    }

    /** The UTF-8 bytes {@code writer} produces. */
    public static byte[] bytes(Writer writer) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator json = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
            writer.write(json);
        } catch (IOException e) {
            throw new UncheckedIOException("writing JSON to memory failed", e);
        }
        return out.toByteArray();
    }

    /** Writes {@code name: instant} in ISO-8601, or nothing if {@code instant} is null. */
    public static void instant(JsonGenerator json, String name, Instant instant) throws IOException {
        if (instant != null) {
            json.writeStringField(name, instant.toString());
        }
    }

    /** Writes {@code name: value}, or nothing if {@code value} is null. */
    public static void optional(JsonGenerator json, String name, String value) throws IOException {
        if (value != null) {
            json.writeStringField(name, value);
        }
    }
}
