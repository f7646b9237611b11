package org.symphainy.admin.internal;

import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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

/**
 * Reads a small JSON object body strictly, against the fields a request declares: every field has one kind, unknown or
 * repeated fields, values of the wrong kind, missing required fields, malformed JSON and bodies over the nesting, string
 * or number limits are 400 problems that say what to fix — never a 500.
 */
final class JsonBody {

    /** What a field's value must be. */
    enum Kind {
        /** A JSON string. */
        STRING,
        /** A JSON integer (in int range). */
        INTEGER,
        /** An array of strings. */
        STRINGS,
        /** A JSON object, kept as its text; a string holding a JSON object's text is accepted too. */
        OBJECT
    }

    /** One declared field. */
    record Field(String name, Kind kind, boolean required) {
    }

    private final JsonFactory factory;

    /** A reader under {@code limits}. */
    JsonBody(Limits limits) {
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

    /** A required field. */
    static Field required(String name, Kind kind) {
        return new Field(name, kind, true);
    }

    /** An optional field. */
    static Field optional(String name, Kind kind) {
        return new Field(name, kind, false);
    }

    /** The fields of {@code body} (an empty body is an empty object when nothing is required); a 400 problem if not. */
    Map<String, Object> read(byte[] body, Field... fields) {
        Map<String, Field> declared = new HashMap<>();
        for (Field field : fields) {
            declared.put(field.name(), field);
        }
        Map<String, Object> values = new HashMap<>();
        if (body.length > 0) {
            char[] text = Utf8.decode(body);
            if (text == null) {
                throw new ProblemException(Problems.malformedJson("the body is not valid UTF-8; send JSON encoded as "
                        + "UTF-8"));
            }
            try (JsonParser parser = factory.createParser(text)) {
                readObject(parser, declared, values);
            } catch (StreamConstraintsException e) {
                throw new ProblemException(Problems.jsonLimit("the body exceeds a JSON limit: " + e.getOriginalMessage()));
            } catch (IOException e) {
                throw new ProblemException(Problems.malformedJson("the body is not well-formed JSON; send a JSON object "
                        + "with the fields " + declared.keySet()));
            }
        }
        for (Field field : fields) {
            if (field.required() && !values.containsKey(field.name())) {
                throw invalid("the body has no \"" + field.name() + "\"; send " + describe(fields));
            }
        }
        return values;
    }

    private void readObject(JsonParser parser, Map<String, Field> declared, Map<String, Object> values)
            throws IOException {
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            throw invalid("the body is not a JSON object; send an object with the fields " + declared.keySet());
        }
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            Field field = declared.get(name);
            if (field == null) {
                throw invalid("unknown field \"" + (name.length() > 64 ? name.substring(0, 64) + "..." : name)
                        + "\"; the fields are " + declared.keySet());
            }
            JsonToken token = parser.nextToken();
            values.put(name, value(parser, token, field));
        }
        if (parser.nextToken() != null) {
            throw invalid("the body has more after its JSON object; send one object");
        }
    }

    private Object value(JsonParser parser, JsonToken token, Field field) throws IOException {
        String name = field.name();
        switch (field.kind()) {
            case STRING:
                if (token != JsonToken.VALUE_STRING) {
                    throw wrongKind(parser, name, "a string");
                }
                return parser.getText();
            case INTEGER:
                if (token != JsonToken.VALUE_NUMBER_INT || parser.getNumberType() != JsonParser.NumberType.INT) {
                    throw wrongKind(parser, name, "an integer");
                }
                return parser.getIntValue();
            case STRINGS:
                if (token != JsonToken.START_ARRAY) {
                    throw wrongKind(parser, name, "an array of strings");
                }
                List<String> strings = new ArrayList<>();
                JsonToken item;
                while ((item = parser.nextToken()) == JsonToken.VALUE_STRING) {
                    strings.add(parser.getText());
                }
                if (item != JsonToken.END_ARRAY) {
                    throw wrongKind(parser, name, "an array of strings");
                }
                return strings;
            default:
                if (token == JsonToken.VALUE_STRING) {
                    return objectText(parser.getText(), name);
                }
                if (token != JsonToken.START_OBJECT) {
                    throw wrongKind(parser, name, "a JSON object (or a string holding one)");
                }
                return copy(parser);
        }
    }

    private String objectText(String text, String name) throws IOException {
        try (JsonParser inner = factory.createParser(text)) {
            if (inner.nextToken() != JsonToken.START_OBJECT) {
                throw invalid("\"" + name + "\" is not a JSON object's text; send the document as an object");
            }
            String copied = copy(inner);
            if (inner.nextToken() != null) {
                throw invalid("\"" + name + "\" has more after its JSON object; send one object");
            }
            return copied;
        } catch (StreamConstraintsException e) {
            throw new ProblemException(Problems.jsonLimit("\"" + name + "\" exceeds a JSON limit: "
                    + e.getOriginalMessage()));
        } catch (ProblemException e) {
            throw e;
        } catch (IOException e) {
            throw invalid("\"" + name + "\" is not well-formed JSON; send a JSON object");
        }
    }

    private String copy(JsonParser parser) throws IOException {
        StringWriter out = new StringWriter();
        try (JsonGenerator json = factory.createGenerator(out)) {
            json.copyCurrentStructure(parser);
        }
        return out.toString();
    }

    private static ProblemException wrongKind(JsonParser parser, String name, String kind) throws IOException {
        parser.skipChildren();
        return invalid("\"" + name + "\" must be " + kind);
    }

    private static String describe(Field... fields) {
        StringBuilder text = new StringBuilder("{");
        for (Field field : fields) {
            if (text.length() > 1) {
                text.append(", ");
            }
            text.append('"').append(field.name()).append('"').append(field.required() ? "" : "?").append(": ")
                    .append(field.kind().name().toLowerCase(java.util.Locale.ROOT));
        }
        return text.append('}').toString();
    }

    private static ProblemException invalid(String detail) {
        return new ProblemException(Problems.invalidRequest(detail));
    }
}
