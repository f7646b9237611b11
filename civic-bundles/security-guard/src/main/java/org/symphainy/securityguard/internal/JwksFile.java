package org.symphainy.securityguard.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import com.nimbusds.jose.util.JSONObjectUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a local JWKS file ({@code {"keys": [ ...JWK... ]}}, RFC 7517) into {@link TrustedKeys}. JSON syntax errors are
 * reported with line and column; a key Nimbus cannot parse, or one too weak to trust, with its index
 * ({@code keys[2]}). Keys for other algorithms or uses are skipped with a warning; private parts are ignored.
 */
final class JwksFile {

    private static final Logger LOG = LoggerFactory.getLogger(JwksFile.class);

    private JwksFile() {
    }

    /** The trusted keys in {@code file}; rejects the whole file on the first problem. */
    static TrustedKeys load(Path file) throws InputRejected {
        String source = file.toString();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new InputRejected(source, null, "cannot be read (" + e + "): check the path in jwtJwksFile and the "
                    + "file's permissions");
        }
        checkSyntax(source, bytes);
        Object keys;
        try {
            keys = JSONObjectUtils.parse(new String(bytes, StandardCharsets.UTF_8)).get("keys");
        } catch (ParseException e) {
            throw new InputRejected(source, null, "not a JSON object: a JWKS file is {\"keys\": [ ...JWK... ]}");
        }
        if (!(keys instanceof List<?> list)) {
            throw new InputRejected(source, null, "no 'keys' array: a JWKS file is {\"keys\": [ ...JWK... ]}");
        }
        List<TrustedKey> trusted = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            TrustedKey key = key(source, i, list.get(i));
            if (key != null) {
                trusted.add(key);
            }
        }
        if (trusted.isEmpty()) {
            throw new InputRejected(source, null, "no key in it verifies RS256, ES256 or HS256: publish the public "
                    + "keys tokens are signed with");
        }
        return new TrustedKeys(trusted, "the JWKS file " + source);
    }

    private static TrustedKey key(String source, int index, Object element) throws InputRejected {
        String position = "keys[" + index + "]";
        if (!(element instanceof Map<?, ?>)) {
            throw new InputRejected(source, position, "not a JSON object (a JWK)");
        }
        try {
            @SuppressWarnings("unchecked")
            JWK jwk = JWK.parse((Map<String, Object>) element);
            if (jwk.isPrivate() && !(jwk instanceof OctetSequenceKey)) {
                LOG.warn("{}, {}: holds private key material, which the Security Guard ignores: publish only public "
                        + "keys", source, position);
                jwk = jwk.toPublicJWK();
            }
            StringBuilder skipped = new StringBuilder();
            TrustedKey key = TrustedKey.of(jwk, skipped);
            if (key == null) {
                LOG.warn("{}, {}: skipped: {}", source, position, skipped);
            }
            return key;
        } catch (ParseException | JOSEException | IllegalArgumentException e) {
            throw new InputRejected(source, position, "not a usable JWK: " + e.getMessage());
        }
    }

    /** Rejects {@code bytes} unless it is well-formed JSON, naming the line and column of the first error. */
    static void checkSyntax(String source, byte[] bytes) throws InputRejected {
        try (JsonParser parser = KeyFileFormat.JSON.createParser(bytes)) {
            JsonToken first = parser.nextToken();
            if (first != JsonToken.START_OBJECT) {
                throw new InputRejected(source, first == null ? null : "line 1, column 1", (first == null
                        ? "the file is empty" : "not a JSON object") + ": a JWKS file is {\"keys\": [ ...JWK... ]}");
            }
            parser.skipChildren();
            if (parser.nextToken() != null) {
                throw new InputRejected(source, KeyFileFormat.position(parser.currentTokenLocation()),
                        "content after the end of the JSON document");
            }
        } catch (JsonProcessingException e) {
            throw new InputRejected(source, KeyFileFormat.position(e.getLocation()),
                    "not valid JSON (" + e.getOriginalMessage() + ")");
        } catch (IOException e) {
            throw new InputRejected(source, null, "cannot be read (" + e + ")");
        }
    }
}
