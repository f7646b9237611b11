package org.symphainy.citymanager.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import dev.cel.common.values.NullValue;

/**
 * A JSON document as the values CEL works with: objects as maps with string keys, arrays as lists, integers as
 * {@code long}, other numbers as {@code double}, {@code null} as CEL's null. Read with jackson-core's streaming
 * parser; nesting deeper than {@value #MAX_DEPTH} levels is refused.
 */
final class PayloadValues {

    static final int MAX_DEPTH = 64;

    private static final JsonFactory JSON = new JsonFactory();

    private PayloadValues() {
    }

    /** The value of the JSON document {@code utf8}; throws IOException if it is not well-formed or too deep. */
    static Object parse(byte[] utf8) throws IOException {
        try (JsonParser parser = JSON.createParser(utf8)) {
            JsonToken token = parser.nextToken();
            if (token == null) {
                throw new JsonParseException(parser, "the document is empty");
            }
            Object value = value(parser, token, 0);
            if (parser.nextToken() != null) {
                throw new JsonParseException(parser, "the document goes on after its value");
            }
            return value;
        }
    }

    private static Object value(JsonParser parser, JsonToken token, int depth) throws IOException {
        return switch (token) {
            case START_OBJECT -> object(parser, depth + 1);
            case START_ARRAY -> array(parser, depth + 1);
            case VALUE_STRING -> parser.getText();
            case VALUE_NUMBER_INT -> parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                    ? parser.getDoubleValue() : parser.getLongValue();
            case VALUE_NUMBER_FLOAT -> parser.getDoubleValue();
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NULL -> NullValue.NULL_VALUE;
            default -> throw new JsonParseException(parser, "unexpected " + token);
        };
    }

    private static Map<String, Object> object(JsonParser parser, int depth) throws IOException {
        checkDepth(parser, depth);
        Map<String, Object> map = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            map.put(name, value(parser, parser.nextToken(), depth));
        }
        return map;
    }

    private static List<Object> array(JsonParser parser, int depth) throws IOException {
        checkDepth(parser, depth);
        List<Object> list = new ArrayList<>();
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
            list.add(value(parser, token, depth));
        }
        return list;
    }

    private static void checkDepth(JsonParser parser, int depth) throws IOException {
        if (depth > MAX_DEPTH) {
            throw new JsonParseException(parser, "nested deeper than " + MAX_DEPTH + " levels");
        }
    }
}
