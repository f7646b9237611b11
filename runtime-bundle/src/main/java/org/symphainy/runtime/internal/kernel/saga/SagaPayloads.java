package org.symphainy.runtime.internal.kernel.saga;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.symphainy.sdk.intent.Artifact;
import org.symphainy.sdk.intent.ErrorCode;
import org.symphainy.sdk.intent.IntentException;
import org.symphainy.sdk.intent.Json;
import org.symphainy.sdk.saga.PayloadMapping;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * Builds a step's payload from its {@link PayloadMapping}s: each source (a JSON Pointer into the saga's input or into
 * the JSON content of an earlier step's artifact) is read and placed at its target, objects on the way made as
 * needed. A source without a value fails the step with {@code PAYLOAD_INVALID}: the same input would fail again.
 */
final class SagaPayloads {

    private static final JsonFactory JSON = new JsonFactory();
    private static final Object NULL = new Object();

    private SagaPayloads() {
    }

    /**
     * The payload for {@code step} (its name, for messages): {@code input} is the saga's payload, {@code artifacts}
     * the artifacts of the steps completed so far, by step name and then by kind.
     */
    static Json build(String step, List<PayloadMapping> mappings, Json input, Map<String, Map<String, Artifact>> artifacts) {
        Object payload = new LinkedHashMap<String, Object>();
        for (PayloadMapping mapping : mappings) {
            Object source = mapping.sourceStep() == null ? read(input.text()) : artifact(step, mapping, artifacts);
            Object value = at(source, mapping.sourcePointer());
            if (value == null) {
                throw new IntentException(ErrorCode.PAYLOAD_INVALID, "step '" + step + "': " + mapping.source()
                        + " has no value, so its payload at '" + mapping.target() + "' cannot be made");
            }
            payload = put(step, payload, mapping.target(), value);
        }
        return Json.of(write(payload));
    }

    private static Object artifact(String step, PayloadMapping mapping, Map<String, Map<String, Artifact>> artifacts) {
        Artifact artifact = artifacts.getOrDefault(mapping.sourceStep(), Map.of()).get(mapping.sourceArtifactKind());
        if (artifact == null) {
            throw new IntentException(ErrorCode.PAYLOAD_INVALID, "step '" + step + "': step '" + mapping.sourceStep()
                    + "' returned no artifact of kind '" + mapping.sourceArtifactKind() + "' for " + mapping.source());
        }
        if (!Artifact.JSON.equals(artifact.mediaType())) {
            throw new IntentException(ErrorCode.PAYLOAD_INVALID, "step '" + step + "': artifact '"
                    + mapping.sourceArtifactKind() + "' is " + artifact.mediaType() + ", not JSON, so " + mapping.source()
                    + " cannot be read");
        }
        return read(artifact.text());
    }

    /** The value at {@code pointer} in {@code value}, or null if there is none. */
    private static Object at(Object value, String pointer) {
        Object current = value;
        for (String token : tokens(pointer)) {
            if (current instanceof Map<?, ?> map) {
                current = map.get(token);
            } else if (current instanceof List<?> list && token.matches("\\d+") && Integer.parseInt(token) < list.size()) {
                current = list.get(Integer.parseInt(token));
            } else {
                return null;
            }
        }
        return current;
    }

    @SuppressWarnings("unchecked")
    private static Object put(String step, Object payload, String target, Object value) {
        List<String> tokens = tokens(target);
        if (tokens.isEmpty()) {
            return value;
        }
        Object current = payload;
        for (int i = 0; i < tokens.size(); i++) {
            if (!(current instanceof Map<?, ?>)) {
                throw new IntentException(ErrorCode.PAYLOAD_INVALID, "step '" + step + "': payload target '" + target
                        + "' goes through a value that is not an object; map to a path made of objects");
            }
            Map<String, Object> map = (Map<String, Object>) current;
            if (i == tokens.size() - 1) {
                map.put(tokens.get(i), value);
            } else {
                current = map.computeIfAbsent(tokens.get(i), k -> new LinkedHashMap<String, Object>());
            }
        }
        return payload;
    }

    private static List<String> tokens(String pointer) {
        List<String> tokens = new ArrayList<>();
        if (pointer.isEmpty()) {
            return tokens;
        }
        for (String token : pointer.substring(1).split("/", -1)) {
            tokens.add(token.replace("~1", "/").replace("~0", "~"));
        }
        return tokens;
    }

    private static Object read(String text) {
        try (JsonParser parser = JSON.createParser(text)) {
            parser.nextToken();
            return value(parser);
        } catch (IOException e) {
            throw new IntentException(ErrorCode.PAYLOAD_MALFORMED, "a saga source is not JSON: " + e.getMessage());
        }
    }

    private static Object value(JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.START_OBJECT) {
            Map<String, Object> map = new LinkedHashMap<>();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                parser.nextToken();
                map.put(name, value(parser));
            }
            return map;
        }
        if (token == JsonToken.START_ARRAY) {
            List<Object> list = new ArrayList<>();
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                list.add(value(parser));
            }
            return list;
        }
        if (token == null) {
            throw new IOException("no JSON value");
        }
        return switch (token) {
            case VALUE_STRING -> parser.getText();
            case VALUE_NUMBER_INT -> parser.getBigIntegerValue();
            case VALUE_NUMBER_FLOAT -> parser.getDecimalValue();
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            default -> NULL;
        };
    }

    private static String write(Object value) {
        StringWriter text = new StringWriter();
        try (JsonGenerator out = JSON.createGenerator(text)) {
            write(out, value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return text.toString();
    }

    private static void write(JsonGenerator out, Object value) throws IOException {
        if (value instanceof Map<?, ?> map) {
            out.writeStartObject();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                out.writeFieldName(e.getKey().toString());
                write(out, e.getValue());
            }
            out.writeEndObject();
        } else if (value instanceof List<?> list) {
            out.writeStartArray();
            for (Object element : list) {
                write(out, element);
            }
            out.writeEndArray();
        } else if (value instanceof String s) {
            out.writeString(s);
        } else if (value instanceof BigInteger n) {
            out.writeNumber(n);
        } else if (value instanceof BigDecimal n) {
            out.writeNumber(n);
        } else if (value instanceof Boolean b) {
            out.writeBoolean(b);
        } else {
            out.writeNull();
        }
    }
}
