package org.symphainy.securityguard.internal;

import java.io.Closeable;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import org.symphainy.sdk.identity.Principal;

/**
 * Reads one key file with a streaming parser and checks every value, naming the key ({@code keys[2]}) and the line and
 * column of the first problem. Unknown fields are errors: a typo in a security file must not pass unnoticed.
 */
final class KeyFileReader implements Closeable {

    private final String file;
    private final JsonParser parser;
    private String key = "";

    KeyFileReader(String file, JsonParser parser) {
        this.file = file;
        this.parser = parser;
    }

    /** Every key in the file, in file order. */
    Collection<StoredKey> document() throws IOException, InputRejected {
        try {
            return keyFile();
        } catch (JsonProcessingException e) {
            throw new InputRejected(file, at(e.getLocation()),
                    "not valid JSON (" + e.getOriginalMessage() + "): fix the file or restore it from a backup");
        }
    }

    private Collection<StoredKey> keyFile() throws IOException, InputRejected {
        JsonToken first = parser.nextToken();
        if (first == null) {
            throw new InputRejected(file, null, "the file is empty: restore it from a backup (a new bootstrap key is "
                    + "created only when no key file exists)");
        }
        expect(first == JsonToken.START_OBJECT, "expected a JSON object {\"format\": 1, \"keys\": [...]}");
        Integer format = null;
        Collection<StoredKey> keys = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            parser.nextToken();
            switch (name) {
                case "format" -> format = format();
                case "keys" -> keys = keys();
                default -> throw rejected("unknown field '" + name + "': a key file holds only 'format' and 'keys'");
            }
        }
        expect(parser.nextToken() == null, "content after the closing '}'");
        if (format == null || keys == null) {
            throw new InputRejected(file, null, "the field '" + (format == null ? "format" : "keys")
                    + "' is missing: a key file is {\"format\": 1, \"keys\": [...]}");
        }
        return keys;
    }

    private int format() throws IOException, InputRejected {
        expect(parser.currentToken() == JsonToken.VALUE_NUMBER_INT && parser.getIntValue() == KeyFileFormat.FORMAT,
                "'format' must be " + KeyFileFormat.FORMAT + ", the only format this Security Guard reads");
        return parser.getIntValue();
    }

    private Collection<StoredKey> keys() throws IOException, InputRejected {
        expect(parser.currentToken() == JsonToken.START_ARRAY, "'keys' must be an array of key objects");
        Map<String, StoredKey> keys = new LinkedHashMap<>();
        int index = 0;
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            key = "keys[" + index + "]";
            JsonLocation start = parser.currentTokenLocation();
            StoredKey stored = storedKey();
            if (keys.putIfAbsent(stored.keyId(), stored) != null) {
                throw new InputRejected(file, at(start), "key id '" + stored.keyId() + "' appears twice; key ids are "
                        + "unique: remove one of the two");
            }
            index++;
        }
        key = "";
        return List.copyOf(keys.values());
    }

    private StoredKey storedKey() throws IOException, InputRejected {
        expect(parser.currentToken() == JsonToken.START_OBJECT, "expected a key object");
        JsonLocation start = parser.currentTokenLocation();
        Map<String, Object> fields = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            parser.nextToken();
            fields.put(name, switch (name) {
                case "keyId", "tenant", "actor", "label", "createdAt" -> text(name);
                case "revokedAt" -> parser.currentToken() == JsonToken.VALUE_NULL ? null : text(name);
                case "roles" -> roles();
                case "hash" -> hash();
                default -> throw rejected("unknown field '" + name + "' in a key");
            });
        }
        return build(fields, start);
    }

    private StoredKey build(Map<String, Object> fields, JsonLocation start) throws InputRejected {
        for (String name : List.of("keyId", "tenant", "actor", "roles", "label", "createdAt", "hash")) {
            if (fields.get(name) == null) {
                throw new InputRejected(file, at(start), "the key has no '" + name + "'");
            }
        }
        String keyId = (String) fields.get("keyId");
        if (!ApiKeyCredential.isKeyId(keyId)) {
            throw new InputRejected(file, at(start), "key id '" + keyId + "' is not lower-case letters and digits");
        }
        try {
            @SuppressWarnings("unchecked")
            Set<String> roles = (Set<String>) fields.get("roles");
            Principal principal = new Principal((String) fields.get("tenant"), (String) fields.get("actor"), roles,
                    StoredKey.AUTHENTICATED_BY);
            return new StoredKey(keyId, principal, (String) fields.get("label"),
                    Instant.parse((String) fields.get("createdAt")),
                    fields.get("revokedAt") == null ? null : Instant.parse((String) fields.get("revokedAt")),
                    (KeyHash) fields.get("hash"));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new InputRejected(file, at(start), "key '" + keyId + "': " + e.getMessage());
        }
    }

    private Set<String> roles() throws IOException, InputRejected {
        expect(parser.currentToken() == JsonToken.START_ARRAY, "'roles' must be an array of role names");
        Set<String> roles = new HashSet<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            roles.add(text("roles"));
        }
        return roles;
    }

    private KeyHash hash() throws IOException, InputRejected {
        expect(parser.currentToken() == JsonToken.START_OBJECT, "'hash' must be an object");
        JsonLocation start = parser.currentTokenLocation();
        Map<String, Object> fields = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            parser.nextToken();
            switch (name) {
                case "algorithm", "salt", "value" -> fields.put(name, text(name));
                case "iterations" -> {
                    expect(parser.currentToken() == JsonToken.VALUE_NUMBER_INT, "'iterations' must be a whole number");
                    fields.put(name, parser.getIntValue());
                }
                default -> throw rejected("unknown field '" + name + "' in a hash");
            }
        }
        if (!KeyHash.ALGORITHM.equals(fields.get("algorithm"))) {
            throw new InputRejected(file, at(start), "hash algorithm '" + fields.get("algorithm")
                    + "' is not supported: this Security Guard hashes with " + KeyHash.ALGORITHM);
        }
        try {
            return new KeyHash((Integer) fields.getOrDefault("iterations", 0),
                    Base64.getDecoder().decode((String) fields.getOrDefault("salt", "")),
                    Base64.getDecoder().decode((String) fields.getOrDefault("value", "")));
        } catch (IllegalArgumentException e) {
            throw new InputRejected(file, at(start), "unusable hash: " + e.getMessage());
        }
    }

    private String text(String name) throws IOException, InputRejected {
        expect(parser.currentToken() == JsonToken.VALUE_STRING, "'" + name + "' must be a string");
        return parser.getText();
    }

    private void expect(boolean condition, String reason) throws InputRejected {
        if (!condition) {
            throw rejected(reason);
        }
    }

    private InputRejected rejected(String reason) {
        return new InputRejected(file, at(parser.currentTokenLocation()), reason);
    }

    private String at(JsonLocation location) {
        String position = KeyFileFormat.position(location);
        return key.isEmpty() ? position : position == null ? key : key + ", " + position;
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }
}
