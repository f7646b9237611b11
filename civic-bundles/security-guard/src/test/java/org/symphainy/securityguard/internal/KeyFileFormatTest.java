package org.symphainy.securityguard.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.symphainy.sdk.identity.Principal;

class KeyFileFormatTest {

    private static final Path FILE = Path.of("/data/security/api-keys.json");

    private static StoredKey key(String keyId, Instant revokedAt) {
        return new StoredKey(keyId, new Principal("acme", "alice", Set.of("b", "a"), "api-key"), "label",
                Instant.parse("2026-11-24T10:00:00Z"), revokedAt, KeyHash.of("secret", 1000, new SecureRandom()));
    }

    private static InputRejected rejected(String json) {
        return assertThrows(InputRejected.class,
                () -> KeyFileFormat.read(FILE, json.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void whatIsWrittenReadsBackEqual() throws Exception {
        List<StoredKey> keys = List.of(key("k1", null), key("k2", Instant.parse("2026-11-24T11:00:00Z")));

        assertEquals(keys, List.copyOf(KeyFileFormat.read(FILE, KeyFileFormat.write(keys))));
    }

    @Test
    void brokenJsonIsRejectedWithLineAndColumn() {
        InputRejected rejected = rejected("{\"format\": 1,\n \"keys\": [\n  {\"keyId\" \"k1\"}]}");

        assertEquals(FILE.toString(), rejected.source());
        assertEquals("keys[0], line 3, column 12", rejected.position());
        assertTrue(rejected.reason().startsWith("not valid JSON (Unexpected character"), rejected.reason());
    }

    @Test
    void aKeyWithoutAFieldIsRejectedNamingTheKey() throws Exception {
        String good = new String(KeyFileFormat.write(List.of(key("k1", null), key("k2", null))),
                StandardCharsets.UTF_8);
        int second = good.lastIndexOf("\"label\" :");
        String broken = good.substring(0, second) + good.substring(good.indexOf('\n', second) + 1);

        InputRejected rejected = rejected(broken);

        assertTrue(rejected.position().startsWith("keys[1], line "), rejected.position());
        assertEquals("the key has no 'label'", rejected.reason());
    }

    @Test
    void wrongContentIsRejectedWithTheReason() {
        assertTrue(rejected("").reason().startsWith("the file is empty"));
        assertTrue(rejected("[]").reason().startsWith("expected a JSON object"));
        assertTrue(rejected("{\"format\": 2, \"keys\": []}").reason().startsWith("'format' must be 1"));
        assertTrue(rejected("{\"format\": 1}").reason().startsWith("the field 'keys' is missing"));
        assertTrue(rejected("{\"format\": 1, \"keys\": [], \"extra\": 0}").reason()
                .startsWith("unknown field 'extra'"));
        assertTrue(rejected("{\"format\": 1, \"keys\": [], \"keys\": []}").reason().contains("Duplicate field 'keys'"));
        assertTrue(rejected("{\"format\": 1, \"keys\": []} {}").reason().startsWith("content after the closing"));
    }

    @Test
    void aRepeatedKeyIdOrABadValueIsRejectedNamingTheKey() throws Exception {
        String twice = new String(KeyFileFormat.write(List.of(key("k1", null), key("k1", null))),
                StandardCharsets.UTF_8);
        assertTrue(rejected(twice).reason().startsWith("key id 'k1' appears twice"));

        String badTime = new String(KeyFileFormat.write(List.of(key("k1", null))), StandardCharsets.UTF_8)
                .replace("2026-11-24T10:00:00Z", "yesterday");
        InputRejected rejected = rejected(badTime);
        assertTrue(rejected.position().startsWith("keys[0]"), rejected.position());
        assertTrue(rejected.reason().contains("yesterday"), rejected.reason());

        String badHash = new String(KeyFileFormat.write(List.of(key("k1", null))), StandardCharsets.UTF_8)
                .replace("PBKDF2WithHmacSHA256", "MD5");
        assertTrue(rejected(badHash).reason().startsWith("hash algorithm 'MD5' is not supported"));
    }
}
