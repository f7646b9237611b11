package org.symphainy.librarian.internal;

/** Schema texts the tests deploy. */
final class Schemas {

    /** A person: a required non-empty name, an optional non-negative integer age, nothing else. */
    static final String PERSON = """
            {
              "$schema": "https://json-schema.org/draft/2020-12/schema",
              "type": "object",
              "required": ["name"],
              "properties": {
                "name": {"type": "string", "minLength": 1},
                "age": {"type": "integer", "minimum": 0}
              },
              "additionalProperties": false
            }
            """;

    /** Requires a title instead of a name. */
    static final String BOOK = """
            {"type": "object", "required": ["title"], "properties": {"title": {"type": "string"}}}
            """;

    /** A comma missing at the end of line 3. */
    static final String NOT_JSON = """
            {
              "type": "object",
              "required": ["name"]
              "properties": {}
            }
            """;

    private Schemas() {
    }

    /** An object schema requiring {@code count} string properties p1, p2, ... */
    static String requiring(int count) {
        StringBuilder required = new StringBuilder();
        StringBuilder properties = new StringBuilder();
        for (int i = 1; i <= count; i++) {
            required.append(i > 1 ? ", " : "").append("\"p").append(i).append('"');
            properties.append(i > 1 ? ", " : "").append("\"p").append(i).append("\": {\"type\": \"string\"}");
        }
        return "{\"type\": \"object\", \"required\": [" + required + "], \"properties\": {" + properties + "}}";
    }
}
