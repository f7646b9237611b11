package org.symphainy.curator.internal;

import java.io.IOException;
import java.io.StringWriter;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

/** The JSON text of deploy intent payloads: objects of string fields. */
final class Payloads {

    private static final JsonFactory JSON = new JsonFactory();

    private Payloads() {
    }

    /** An object of the given names and values, skipping null values. */
    static String of(String... namesAndValues) {
        StringWriter text = new StringWriter();
        try (JsonGenerator out = JSON.createGenerator(text)) {
            out.writeStartObject();
            for (int i = 0; i < namesAndValues.length; i += 2) {
                if (namesAndValues[i + 1] != null) {
                    out.writeStringField(namesAndValues[i], namesAndValues[i + 1]);
                }
            }
            out.writeEndObject();
        } catch (IOException e) {
            throw new IllegalStateException("writing to a string failed", e);
        }
        return text.toString();
    }
}
