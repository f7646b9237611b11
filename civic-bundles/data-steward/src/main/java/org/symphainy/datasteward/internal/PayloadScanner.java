package org.symphainy.datasteward.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;

/**
 * Reads a payload once with jackson-core's streaming parser: the top-level {@value #DATA_SOURCES} (array of names) and
 * {@value #DATA_SOURCE} (a name), and the members on the personal-field paths of a {@link FieldTree}; every other member
 * is skipped without being decoded. A path through an array applies to each element. A payload that is not a JSON object references
 * nothing; one that is not well-formed, or names sources in another shape, yields {@link PayloadFacts#problems()}.
 *
 * <p>Before parsing, one pass over the bytes looks for the quoted member names a reference must start with
 * ({@code "dataSource} and {@code "<first segment>"} of each path). If none occurs and the payload has no backslash
 * and no zero byte, no member can have such a name (UTF-8 JSON writes a member name as its literal bytes between quotes
 * unless it uses an escape, UTF-16 and UTF-32 text has zero bytes, and the parser's defaults accept no unquoted or
 * single-quoted names), so the payload references nothing and is not parsed. Thread-safe.
 */
final class PayloadScanner {

    /** The top-level member listing data sources, an array of names. */
    static final String DATA_SOURCES = "dataSources";

    /** The top-level member naming one data source. */
    static final String DATA_SOURCE = "dataSource";

    private static final JsonFactory JSON = new JsonFactory();
    private static final int MAX_SHOWN = 80;

    private final FieldTree fields;
    private final byte[][] needles;

    /** A scanner for the personal-field paths of {@code fields}. */
    PayloadScanner(FieldTree fields) {
        this.fields = fields;
        List<byte[]> names = new ArrayList<>();
        names.add(("\"" + DATA_SOURCE).getBytes(StandardCharsets.UTF_8));
        for (String name : fields.root().childNames()) {
            names.add(("\"" + name + "\"").getBytes(StandardCharsets.UTF_8));
        }
        this.needles = names.toArray(byte[][]::new);
    }

    /** The facts of {@code payload}, UTF-8 JSON. */
    PayloadFacts scan(byte[] payload) {
        PayloadFacts facts = new PayloadFacts(fields.size());
        if (!mayReference(payload)) {
            return facts;
        }
        try (JsonParser parser = JSON.createParser(payload)) {
            if (parser.nextToken() == JsonToken.START_OBJECT) {
                scanObject(parser, fields.root(), true, facts);
                if (parser.nextToken() != null) {
                    facts.problem("the payload has more after its JSON object (at line "
                            + parser.currentLocation().getLineNr() + ", column "
                            + parser.currentLocation().getColumnNr() + "); send a single JSON object");
                }
            }
        } catch (JsonProcessingException e) {
            facts.problem("the payload is not well-formed JSON (" + e.getOriginalMessage() + " at line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr()
                    + "); send a well-formed JSON object");
        } catch (IOException e) {
            facts.problem("the payload could not be read (" + e.getMessage() + "); send a well-formed JSON object");
        }
        return facts;
    }

    /** False only if no member of {@code payload} can be named {@code dataSource(s)} or start a path. */
    private boolean mayReference(byte[] payload) {
        for (int i = 0; i < payload.length; i++) {
            byte b = payload[i];
            if (b == '\\' || b == 0) {
                return true; // an escape, or a zero byte of UTF-16/32 text: only the parser can tell
            }
            if (b == '"' && startsAnyNeedle(payload, i)) {
                return true;
            }
        }
        return false;
    }

    private boolean startsAnyNeedle(byte[] payload, int at) {
        for (byte[] needle : needles) {
            if (at + needle.length <= payload.length && payload[at + 1] == needle[1]
                    && Arrays.equals(payload, at, at + needle.length, needle, 0, needle.length)) {
                return true;
            }
        }
        return false;
    }

    /** Reads the members of the object just started, following {@code node}'s children. */
    private void scanObject(JsonParser parser, FieldTree.Node node, boolean top, PayloadFacts facts)
            throws IOException {
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if (top && name.equals(DATA_SOURCES)) {
                readSources(parser, value, facts);
            } else if (top && name.equals(DATA_SOURCE)) {
                readSource(parser, value, -1, facts);
            } else {
                FieldTree.Node child = node.child(name);
                if (child == null) {
                    parser.skipChildren();
                } else {
                    visit(parser, value, child, facts);
                }
            }
        }
    }

    /** Reads a value at {@code node}: marks its field if it ends a path, then follows the paths below it. */
    private void visit(JsonParser parser, JsonToken value, FieldTree.Node node, PayloadFacts facts) throws IOException {
        if (value == JsonToken.VALUE_NULL) {
            return;
        }
        if (node.field() >= 0) {
            facts.personal(node.field());
        }
        if (!node.hasChildren()) {
            parser.skipChildren();
        } else if (value == JsonToken.START_OBJECT) {
            scanObject(parser, node, false, facts);
        } else if (value == JsonToken.START_ARRAY) {
            JsonToken element;
            while ((element = parser.nextToken()) != null && element != JsonToken.END_ARRAY) {
                visit(parser, element, node, facts);
            }
        }
    }

    private void readSources(JsonParser parser, JsonToken value, PayloadFacts facts) throws IOException {
        if (value == JsonToken.START_ARRAY) {
            int index = 0;
            JsonToken element;
            while ((element = parser.nextToken()) != null && element != JsonToken.END_ARRAY) {
                readSource(parser, element, index, facts);
                index++;
            }
        } else if (value != JsonToken.VALUE_NULL) {
            facts.problem("'" + DATA_SOURCES + "' is " + describe(value) + "; make it an array of data source names "
                    + "such as [\"crm.contacts\"]");
            parser.skipChildren();
        }
    }

    /** Reads the name at {@code dataSources[index]}, or at {@code dataSource} if {@code index} is negative. */
    private static void readSource(JsonParser parser, JsonToken value, int index, PayloadFacts facts)
            throws IOException {
        if (value == JsonToken.VALUE_STRING) {
            String name = parser.getText();
            if (NamePattern.isName(name)) {
                facts.source(name);
            } else {
                facts.problem("'" + member(index) + "' (\"" + shown(name) + "\") is not a data source name; name it "
                        + "as a dotted lower-case name such as 'crm.contacts'");
            }
        } else if (value != JsonToken.VALUE_NULL || index >= 0) {
            facts.problem("'" + member(index) + "' is " + describe(value) + "; name the data source as a string such "
                    + "as \"crm.contacts\"");
            parser.skipChildren();
        }
    }

    private static String member(int index) {
        return index < 0 ? DATA_SOURCE : DATA_SOURCES + "[" + index + "]";
    }

    private static String describe(JsonToken token) {
        return switch (token) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> "not a value";
        };
    }

    /** {@code value} for a reason: at most 80 characters, control characters escaped. */
    private static String shown(String value) {
        StringBuilder out = new StringBuilder(Math.min(value.length(), MAX_SHOWN) + 3);
        for (int i = 0; i < value.length() && i < MAX_SHOWN; i++) {
            char c = value.charAt(i);
            out.append(Character.isISOControl(c) ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        }
        return value.length() > MAX_SHOWN ? out.append("...").toString() : out.toString();
    }
}
