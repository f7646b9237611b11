package org.symphainy.securityguard.internal;

import java.io.IOException;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import org.symphainy.sdk.identity.ApiKeys;
import org.symphainy.sdk.identity.Principal;
import org.symphainy.sdk.intent.Artifact;
import org.symphainy.sdk.intent.ErrorCode;
import org.symphainy.sdk.intent.Intent;
import org.symphainy.sdk.intent.IntentException;

/**
 * The platform intents that change the API keys, so that every change is governed, attributed and recorded in the WAL
 * without a secret ever entering it: {@value #CREATE} carries a key's id, principal, label and hash (made by
 * {@code ApiKeys.prepare}), {@value #REVOKE} a key id and a reason. Their handlers are pure: they read the request and
 * return a {@value #CHANGE} artifact; the Security Guard applies the artifacts of completed executions (its
 * {@code Projection}), so a key works, or stops working, once the change is recorded. Payloads are read strictly:
 * unknown or repeated fields and values of the wrong type are errors, as in the intents' JSON schemas.
 */
final class ApiKeyIntents {

    static final String CREATE = ApiKeys.CREATE_INTENT;
    static final String REVOKE = ApiKeys.REVOKE_INTENT;
    static final Set<String> TYPES = Set.of(CREATE, REVOKE);

    /** The kind of the artifact that records a change: the create payload or the revoke payload, with an "action". */
    static final String CHANGE = "platform.apikey.change";

    private static final Set<String> CREATE_FIELDS = Set.of("keyId", "tenant", "actor", "roles", "label", "hash");
    private static final Set<String> REVOKE_FIELDS = Set.of("keyId", "reason");
    private static final Set<String> HASH_FIELDS = Set.of("algorithm", "iterations", "salt", "value");

    private ApiKeyIntents() {
    }

    /** The change {@code intent} asks for; throws PAYLOAD_INVALID saying what is wrong if it asks for none. */
    static ApiKeyChange request(Intent intent) {
        return switch (intent.type()) {
            case CREATE -> read(intent.type(), intent.payload().bytes(), ApiKeyChange.CREATE);
            case REVOKE -> read(intent.type(), intent.payload().bytes(), ApiKeyChange.REVOKE);
            default -> throw invalid(intent.type(), "not a Security Guard intent");
        };
    }

    /** The change an artifact of a completed execution records; empty if the artifact is not one. */
    static Optional<ApiKeyChange> recorded(Artifact artifact) {
        if (!CHANGE.equals(artifact.kind())) {
            return Optional.empty();
        }
        return Optional.of(read(CHANGE, artifact.content(), null));
    }

    static IntentException invalid(String what, String problem) {
        return new IntentException(ErrorCode.PAYLOAD_INVALID, what + ": " + problem);
    }

    /** Reads a payload of {@code action}, or (null) an artifact that names its action. */
    private static ApiKeyChange read(String what, byte[] utf8, String action) {
        Map<String, Object> fields;
        try (JsonParser in = KeyFileFormat.JSON.createParser(utf8)) {
            if (in.nextToken() != JsonToken.START_OBJECT) {
                throw invalid(what, "the payload is not a JSON object");
            }
            fields = object(what, in, action);
            if (in.nextToken() != null) {
                throw invalid(what, "content after the closing '}'");
            }
        } catch (JsonProcessingException e) {
            throw invalid(what, "not valid JSON (" + e.getOriginalMessage() + ")");
        } catch (IOException e) {
            throw invalid(what, "cannot be read (" + e.getMessage() + ")");
        }
        String kind = action != null ? action : (String) fields.get("action");
        try {
            return ApiKeyChange.REVOKE.equals(kind)
                    ? ApiKeyChange.revoke(required(fields, "keyId"), (String) fields.get("reason"))
                    : ApiKeyChange.create(required(fields, "keyId"), principal(fields), label(fields), hash(fields));
        } catch (IllegalArgumentException e) {
            throw invalid(what, e.getMessage());
        }
    }

    private static Map<String, Object> object(String what, JsonParser in, String action) throws IOException {
        Map<String, Object> fields = new HashMap<>();
        if (action == null) {
            if (in.nextToken() != JsonToken.FIELD_NAME || !"action".equals(in.currentName())
                    || in.nextToken() != JsonToken.VALUE_STRING) {
                throw invalid(what, "a recorded change starts with its \"action\"");
            }
            action = in.getText();
            fields.put("action", action);
        }
        Set<String> allowed = ApiKeyChange.REVOKE.equals(action) ? REVOKE_FIELDS : CREATE_FIELDS;
        while (in.nextToken() == JsonToken.FIELD_NAME) {
            String name = in.currentName();
            JsonToken value = in.nextToken();
            if (!allowed.contains(name)) {
                throw invalid(what, "unknown field \"" + name + "\"; the payload holds only " + allowed.stream()
                        .sorted().toList());
            }
            fields.put(name, switch (name) {
                case "roles" -> roles(what, in, value);
                case "hash" -> hashFields(what, in, value);
                default -> text(what, in, value, name);
            });
        }
        return fields;
    }

    private static Set<String> roles(String what, JsonParser in, JsonToken value) throws IOException {
        if (value != JsonToken.START_ARRAY) {
            throw invalid(what, "\"roles\" must be an array of role names");
        }
        Set<String> roles = new LinkedHashSet<>();
        for (JsonToken role = in.nextToken(); role != JsonToken.END_ARRAY; role = in.nextToken()) {
            if (!roles.add(text(what, in, role, "roles[" + roles.size() + "]"))) {
                throw invalid(what, "role '" + in.getText() + "' appears twice in \"roles\"");
            }
        }
        return roles;
    }

    private static Map<String, Object> hashFields(String what, JsonParser in, JsonToken value) throws IOException {
        if (value != JsonToken.START_OBJECT) {
            throw invalid(what, "\"hash\" must be an object {\"algorithm\", \"iterations\", \"salt\", \"value\"}");
        }
        Map<String, Object> hash = new HashMap<>();
        while (in.nextToken() == JsonToken.FIELD_NAME) {
            String name = in.currentName();
            JsonToken token = in.nextToken();
            if (!HASH_FIELDS.contains(name)) {
                throw invalid(what, "unknown field \"" + name + "\" in \"hash\"");
            }
            if (name.equals("iterations")) {
                if (token != JsonToken.VALUE_NUMBER_INT || in.getNumberType() != JsonParser.NumberType.INT) {
                    throw invalid(what, "the hash's \"iterations\" must be a whole number");
                }
                hash.put(name, in.getIntValue());
            } else {
                hash.put(name, text(what, in, token, "hash." + name));
            }
        }
        return hash;
    }

    private static String text(String what, JsonParser in, JsonToken value, String name) throws IOException {
        if (value != JsonToken.VALUE_STRING) {
            throw invalid(what, "\"" + name + "\" must be a string");
        }
        return in.getText();
    }

    private static String required(Map<String, ?> fields, String name) {
        Object value = fields.get(name);
        if (value == null) {
            throw new IllegalArgumentException("the payload has no \"" + name + "\"");
        }
        return (String) value;
    }

    @SuppressWarnings("unchecked")
    private static Principal principal(Map<String, Object> fields) {
        Object roles = fields.get("roles");
        if (roles == null) {
            throw new IllegalArgumentException("the payload has no \"roles\" (an empty array grants none)");
        }
        return new Principal(required(fields, "tenant"), required(fields, "actor"), (Set<String>) roles,
                StoredKey.AUTHENTICATED_BY);
    }

    private static String label(Map<String, Object> fields) {
        Object label = fields.get("label");
        return label == null ? "" : ((String) label).strip();
    }

    @SuppressWarnings("unchecked")
    private static KeyHash hash(Map<String, Object> fields) {
        Map<String, Object> hash = (Map<String, Object>) fields.get("hash");
        if (hash == null) {
            throw new IllegalArgumentException("the payload has no \"hash\"; make the payload with ApiKeys.prepare");
        }
        if (!KeyHash.ALGORITHM.equals(hash.get("algorithm"))) {
            throw new IllegalArgumentException("the hash's \"algorithm\" must be " + KeyHash.ALGORITHM);
        }
        Object iterations = hash.get("iterations");
        if (iterations == null) {
            throw new IllegalArgumentException("the hash has no \"iterations\"");
        }
        byte[] salt = base64(hash, "salt");
        byte[] value = base64(hash, "value");
        if (salt.length < KeyHash.SALT_BYTES || value.length != KeyHash.HASH_BYTES) {
            throw new IllegalArgumentException("the hash's \"salt\" must be " + KeyHash.SALT_BYTES + " to "
                    + ApiKeyChange.MAX_SALT_BYTES + " bytes and its \"value\" " + KeyHash.HASH_BYTES + " bytes");
        }
        return new KeyHash((Integer) iterations, salt, value);
    }

    private static byte[] base64(Map<String, Object> hash, String name) {
        Object text = hash.get(name);
        if (!(text instanceof String encoded) || !ApiKeyChange.BASE64.matcher(encoded).matches()) {
            throw new IllegalArgumentException("the hash's \"" + name + "\" must be base64 (with padding)");
        }
        return Base64.getDecoder().decode(encoded);
    }
}
