package org.symphainy.experience.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.HashSet;
import java.util.Set;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import org.symphainy.foundations.rest.Limits;
import org.symphainy.foundations.rest.ProblemException;
import org.symphainy.foundations.rest.Problems;
import org.symphainy.foundations.rest.Utf8;
import org.symphainy.sdk.intent.Json;

/**
 * Reads an {@link IntentRequest} from a body with Jackson's streaming parser under strict limits: nesting depth, string
 * and number lengths and the document's size from {@link Limits}; duplicate field names, unknown fields, wrong types and
 * trailing content are refused. The payload is copied token by token (numbers keep their exact text), so what the
 * Runtime records is well-formed JSON however the client spaced it. Every refusal is a 400 problem saying what to fix.
 */
final class IntentRequestReader {

    private static final Set<String> FIELDS = Set.of("type", "version", "payload", "idempotencyKey", "correlationId");
    private static final int MAX_TYPE_LENGTH = 128;
    private static final int MAX_VERSION_LENGTH = 64;
    private static final int MAX_ID_LENGTH = 256;

    private final JsonFactory factory;
    private final int maxStringLength;

    /** A reader under {@code limits}. */
    IntentRequestReader(Limits limits) {
        this.maxStringLength = limits.maxStringLength();
        this.factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(limits.maxNestingDepth())
                        .maxStringLength(limits.maxStringLength())
                        .maxNumberLength(limits.maxNumberLength())
                        .maxNameLength(Math.min(limits.maxStringLength(), 50_000))
                        .maxDocumentLength(limits.maxBodyBytes())
                        .build())
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
    }

    /** The request in {@code body}; a 400 problem if it is not one. */
    IntentRequest read(byte[] body) {
        if (body.length == 0) {
            throw new ProblemException(Problems.invalidRequest("the body is empty: send {\"type\": \"...\", "
                    + "\"payload\": {...}}"));
        }
        char[] text = Utf8.decode(body);
        if (text == null) {
            throw new ProblemException(Problems.malformedJson("the body is not valid UTF-8; send JSON encoded as UTF-8"));
        }
        try (JsonParser parser = factory.createParser(text)) {
            return read(parser);
        } catch (StreamConstraintsException e) {
            throw new ProblemException(Problems.jsonLimit("the body exceeds a JSON limit: " + limitMessage(e)));
        } catch (IOException e) {
            throw new ProblemException(Problems.malformedJson("the body is not well-formed JSON in UTF-8"
                    + location(e) + "; send a JSON object"));
        }
    }

    private IntentRequest read(JsonParser parser) throws IOException {
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            throw invalid("the body is not a JSON object: send {\"type\": \"...\", \"payload\": {...}}");
        }
        String type = null;
        String version = null;
        String idempotencyKey = null;
        String correlationId = null;
        Json payload = Json.EMPTY_OBJECT;
        Set<String> seen = new HashSet<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            if (!FIELDS.contains(field)) {
                throw invalid("unknown field '" + shortened(field) + "'; the fields are " + String.join(", ",
                        FIELDS.stream().sorted().toList()) + " (tenant and actor come from the credentials)");
            }
            seen.add(field);
            JsonToken value = parser.nextToken();
            switch (field) {
                case "type" -> type = string(parser, value, field, MAX_TYPE_LENGTH);
                case "version" -> version = string(parser, value, field, MAX_VERSION_LENGTH);
                case "idempotencyKey" -> idempotencyKey = string(parser, value, field, MAX_ID_LENGTH);
                case "correlationId" -> correlationId = string(parser, value, field, MAX_ID_LENGTH);
                default -> payload = payload(parser, value);
            }
        }
        if (parser.nextToken() != null) {
            throw invalid("the body has content after its JSON object; send one object");
        }
        if (type == null) {
            throw invalid("field 'type' is missing: name the intent, such as \"platform.echo\"");
        }
        return new IntentRequest(type, version, payload, idempotencyKey, correlationId);
    }

    private static String string(JsonParser parser, JsonToken value, String field, int maxLength) throws IOException {
        if (value == JsonToken.VALUE_NULL) {
            return null;
        }
        if (value != JsonToken.VALUE_STRING) {
            if (value.isStructStart()) {
                parser.skipChildren();
            }
            throw invalid("field '" + field + "' must be a string");
        }
        String text = parser.getText();
        if (text.length() > maxLength) {
            throw invalid("field '" + field + "' is " + text.length() + " characters long; use at most " + maxLength);
        }
        return text;
    }

    private Json payload(JsonParser parser, JsonToken value) throws IOException {
        if (value == JsonToken.VALUE_NULL) {
            return Json.EMPTY_OBJECT;
        }
        if (value != JsonToken.START_OBJECT) {
            if (value.isStructStart()) {
                parser.skipChildren();
            }
            throw invalid("field 'payload' must be a JSON object");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator copy = factory.createGenerator(out, JsonEncoding.UTF8)) {
            copyStructure(parser, copy, maxStringLength);
        }
        try {
            return Json.of(out.toByteArray());
        } catch (IllegalArgumentException e) { // a lone surrogate the decoder let through
            throw new ProblemException(Problems.malformedJson("the payload is not valid UTF-8; encode it as UTF-8"));
        }
    }

    /** Copies the structure the parser is at the start of; numbers keep their text, strings are re-escaped. */
    private static void copyStructure(JsonParser parser, JsonGenerator copy, int maxStringLength) throws IOException {
        int depth = 0;
        JsonToken token = parser.currentToken();
        while (true) {
            switch (token) {
                case START_OBJECT -> {
                    copy.writeStartObject();
                    depth++;
                }
                case START_ARRAY -> {
                    copy.writeStartArray();
                    depth++;
                }
                case END_OBJECT -> {
                    copy.writeEndObject();
                    depth--;
                }
                case END_ARRAY -> {
                    copy.writeEndArray();
                    depth--;
                }
                case FIELD_NAME -> copy.writeFieldName(checked(parser.currentName().length(), maxStringLength,
                        parser.currentName()));
                case VALUE_STRING -> {
                    checked(parser.getTextLength(), maxStringLength, null);
                    copy.writeString(parser.getTextCharacters(), parser.getTextOffset(), parser.getTextLength());
                }
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> copy.writeNumber(parser.getText());
                case VALUE_TRUE -> copy.writeBoolean(true);
                case VALUE_FALSE -> copy.writeBoolean(false);
                case VALUE_NULL -> copy.writeNull();
                default -> throw invalid("the payload holds a JSON token this API does not accept (" + token + ")");
            }
            if (depth == 0) {
                return;
            }
            token = parser.nextToken();
            if (token == null) {
                throw new com.fasterxml.jackson.core.JsonParseException(parser, "unexpected end of input");
            }
        }
    }

    /** Jackson checks string lengths only as its buffers grow; this checks each one exactly. */
    private static String checked(int length, int max, String value) {
        if (length > max) {
            throw new ProblemException(Problems.jsonLimit("the body exceeds a JSON limit: a string of " + length
                    + " characters is longer than the maximum allowed (" + max + ")"));
        }
        return value;
    }

    private static ProblemException invalid(String detail) {
        return new ProblemException(Problems.invalidRequest(detail));
    }

    private static String limitMessage(StreamConstraintsException e) {
        String message = e.getOriginalMessage();
        return message == null ? "too deep, too long a string or too long a number"
                : message.replaceAll(",? ?from `[^`]*`", "").replaceAll(" ?\\(by setting[^)]*\\)", "");
    }

    private static String location(IOException e) {
        if (e instanceof com.fasterxml.jackson.core.JsonProcessingException json && json.getLocation() != null) {
            return " (line " + json.getLocation().getLineNr() + ", column " + json.getLocation().getColumnNr() + ")";
        }
        return "";
    }

    private static String shortened(String text) {
        String printable = text.codePoints().limit(64).collect(StringBuilder::new,
                (b, c) -> b.appendCodePoint(Character.isISOControl(c) ? '?' : c), StringBuilder::append).toString();
        return text.length() > 64 ? printable + "..." : printable;
    }
}
