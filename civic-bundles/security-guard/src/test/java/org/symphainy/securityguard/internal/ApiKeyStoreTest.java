package org.symphainy.securityguard.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.symphainy.sdk.identity.ApiKeys.ApiKeyInfo;
import org.symphainy.sdk.identity.ApiKeys.IssuedKey;
import org.symphainy.sdk.identity.AuthenticationException;
import org.symphainy.sdk.identity.Principal;

class ApiKeyStoreTest {

    private static final int ITERATIONS = 1_000;

    @TempDir
    Path data;

    private final AtomicLong nanos = new AtomicLong();

    private ApiKeyStore store() {
        return new ApiKeyStore(data.resolve("security").resolve(ApiKeyStore.FILE_NAME), ITERATIONS,
                Clock.fixed(TestTokens.NOW, ZoneOffset.UTC), new SecureRandom(), nanos::get);
    }

    private static Principal authenticate(ApiKeyStore store, String credential) {
        return store.authenticate(ApiKeyCredential.parse(credential).orElseThrow());
    }

    @Test
    void aCreatedKeyAuthenticatesItsPrincipal() {
        ApiKeyStore store = store();
        IssuedKey issued = store.create("acme", "alice", Set.of("content-editor"), "ci pipeline");

        assertTrue(issued.secret().matches("sk_" + issued.info().keyId() + "_[A-Za-z0-9_-]{43}"), issued.secret());
        assertEquals(new Principal("acme", "alice", Set.of("content-editor"), "api-key"),
                authenticate(store, issued.secret()));
        assertEquals("ci pipeline", issued.info().label());
        assertFalse(issued.toString().contains(issued.secret().substring(16)), issued.toString());
    }

    @Test
    void aWrongSecretOrUnknownKeyIsRefusedWithoutSayingWhich() {
        ApiKeyStore store = store();
        IssuedKey issued = store.create("acme", "alice", Set.of(), "k");
        String wrongSecret = "sk_" + issued.info().keyId() + "_" + "A".repeat(43);

        AuthenticationException wrong = assertThrows(AuthenticationException.class,
                () -> authenticate(store, wrongSecret));
        AuthenticationException unknown = assertThrows(AuthenticationException.class,
                () -> authenticate(store, "sk_unknownkey1_" + "A".repeat(43)));

        assertTrue(wrong.getMessage().contains("unknown or revoked API key"), wrong.getMessage());
        assertEquals(wrong.getMessage(), unknown.getMessage());
        assertFalse(wrong.getMessage().contains("AAAA"), "the message must not echo the credential");
    }

    @Test
    void aRevokedKeyIsRefusedAtOnceAndStaysRevoked() {
        ApiKeyStore store = store();
        IssuedKey issued = store.create("acme", "alice", Set.of(), "k");
        authenticate(store, issued.secret());

        assertTrue(store.revoke(issued.info().keyId()));

        assertThrows(AuthenticationException.class, () -> authenticate(store, issued.secret()));
        assertFalse(store.revoke(issued.info().keyId()), "a second revocation finds no active key");
        assertFalse(store.revoke("nosuchkey"));
        assertNotNull(store.list().get(0).revokedAt());
        assertThrows(AuthenticationException.class, () -> authenticate(store(), issued.secret()),
                "a restarted store must still refuse the revoked key");
    }

    @Test
    void theFileHoldsSaltedSlowHashesNeverTheSecret() throws Exception {
        ApiKeyStore store = store();
        IssuedKey first = store.create("acme", "alice", Set.of(), "a");
        IssuedKey second = store.create("acme", "bob", Set.of(), "b");
        String file = Files.readString(store.file());

        for (IssuedKey issued : List.of(first, second)) {
            String secret = issued.secret().substring(issued.secret().lastIndexOf('_') + 1);
            assertFalse(file.contains(secret), "the key file must not hold the secret");
        }
        assertTrue(file.contains("\"algorithm\" : \"PBKDF2WithHmacSHA256\""), file);
        assertTrue(file.contains("\"iterations\" : " + ITERATIONS), file);
        List<StoredKey> keys = List.copyOf(KeyFileFormat.read(store.file(), Files.readAllBytes(store.file())));
        assertNotEquals(Base64.getEncoder().encodeToString(keys.get(0).hash().salt()),
                Base64.getEncoder().encodeToString(keys.get(1).hash().salt()));
        assertFalse(java.util.Arrays.equals(keys.get(0).hash().value(), keys.get(1).hash().value()));
    }

    @Test
    void theSameSecretHashesDifferentlyEachTimeAndNeverToItself() {
        String secret = ApiKeyCredential.random(new SecureRandom()).secret();
        KeyHash one = KeyHash.of(secret, ITERATIONS, new SecureRandom());
        KeyHash two = KeyHash.of(secret, ITERATIONS, new SecureRandom());

        assertNotEquals(one, two);
        assertFalse(java.util.Arrays.equals(one.value(), two.value()));
        assertFalse(java.util.Arrays.equals(secret.getBytes(StandardCharsets.UTF_8), one.value()));
        assertEquals(KeyHash.SALT_BYTES, one.salt().length);
        assertTrue(one.matches(secret) && two.matches(secret));
        assertFalse(one.matches(secret + "x"));
    }

    @Test
    void keysSurviveARestartOfTheStore() {
        ApiKeyStore store = store();
        IssuedKey issued = store.create("acme", "alice", Set.of("content-editor", "viewer"), "k");

        ApiKeyStore restarted = store();

        assertEquals(store.list(), restarted.list());
        assertEquals(Set.of("content-editor", "viewer"), authenticate(restarted, issued.secret()).roles());
    }

    @Test
    void theKeyFileIsOwnerOnly() throws Exception {
        ApiKeyStore store = store();
        store.create("acme", "alice", Set.of(), "k");

        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(store.file())));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(store.file().getParent())));
        try (var files = Files.list(store.file().getParent())) {
            assertEquals(List.of(ApiKeyStore.FILE_NAME), files.map(f -> f.getFileName().toString()).toList(),
                    "no temporary file is left behind");
        }
    }

    @Test
    void concurrentCreatesAndRevokesLeaveAConsistentFile() throws Exception {
        ApiKeyStore store = store();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<IssuedKey>> created = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            String actor = "actor" + i;
            created.add(pool.submit(() -> store.create("acme", actor, Set.of(), "k")));
        }
        List<IssuedKey> issued = new ArrayList<>();
        for (Future<IssuedKey> future : created) {
            issued.add(future.get());
        }
        List<Future<Boolean>> revoked = new ArrayList<>();
        for (int i = 0; i < issued.size(); i += 2) {
            String keyId = issued.get(i).info().keyId();
            revoked.add(pool.submit(() -> store.revoke(keyId)));
        }
        for (Future<Boolean> future : revoked) {
            assertTrue(future.get());
        }
        pool.shutdown();
        assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));

        List<ApiKeyInfo> reread = store().list();
        assertEquals(store.list(), reread);
        assertEquals(64, new HashSet<>(reread.stream().map(ApiKeyInfo::keyId).toList()).size());
        assertEquals(32, reread.stream().filter(info -> info.revokedAt() != null).count());
    }

    @Test
    void aMalformedFileAtStartIsRejectedAndNotOverwritten() throws Exception {
        Path file = data.resolve("security").resolve(ApiKeyStore.FILE_NAME);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "{\"format\": 1, \"keys\": [\n  {\"keyId\": \"abc\",}\n]}");

        ApiKeyStore store = store();

        assertEquals(List.of(), store.list());
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> store.create("acme", "alice", Set.of(), "k"));
        assertTrue(refused.getMessage().contains("line 2, column 19"), refused.getMessage());
        assertEquals("{\"format\": 1, \"keys\": [\n  {\"keyId\": \"abc\",}\n]}", Files.readString(file));
    }

    @Test
    void aFileBrokenWhileRunningKeepsTheKeysReadBefore() throws Exception {
        ApiKeyStore store = store();
        IssuedKey issued = store.create("acme", "alice", Set.of(), "k");
        String good = Files.readString(store.file());

        Files.writeString(store.file(), good.replace("\"format\" : 1", "\"format\" : 2") + " ");
        nanos.addAndGet(TimeUnit.SECONDS.toNanos(2));

        assertEquals("acme", authenticate(store, issued.secret()).tenant(), "the keys read before stay in force");
        assertThrows(IllegalStateException.class, () -> store.revoke(issued.info().keyId()),
                "changes are refused while the file on disk is rejected");

        Files.writeString(store.file(), good);
        nanos.addAndGet(TimeUnit.SECONDS.toNanos(2));
        assertTrue(store.revoke(issued.info().keyId()), "a fixed file is read again and changes are accepted");
    }

    @Test
    void aKeyAddedToTheFileByAnotherWriterIsPickedUp() throws Exception {
        ApiKeyStore store = store();
        ApiKeyStore other = store();
        IssuedKey issued = other.create("acme", "carol", Set.of(), "k");

        nanos.addAndGet(TimeUnit.SECONDS.toNanos(2));

        assertEquals("carol", authenticate(store, issued.secret()).actor());
    }

    @Test
    void badArgumentsAreRefusedBeforeAnythingIsStored() {
        ApiKeyStore store = store();

        assertThrows(IllegalArgumentException.class, () -> store.create(" ", "alice", Set.of(), "k"));
        assertThrows(IllegalArgumentException.class, () -> store.create("acme", "alice", Set.of(), "bad\nlabel"));
        assertEquals(List.of(), store.list());
        assertFalse(Files.exists(store.file()));
    }

    @Test
    void credentialsParseOnlyInTheIssuedShape() {
        ApiKeyCredential credential = ApiKeyCredential.random(new SecureRandom());

        assertEquals(credential, ApiKeyCredential.parse(credential.text()).orElseThrow());
        assertTrue(ApiKeyCredential.parse("sk_abc").isEmpty());
        assertTrue(ApiKeyCredential.parse("sk__secret").isEmpty());
        assertTrue(ApiKeyCredential.parse("sk_ABC_secret").isEmpty());
        assertTrue(ApiKeyCredential.parse("sk_abc_sec ret").isEmpty());
        assertEquals("sk_" + credential.keyId() + "_<hidden>", credential.toString());
    }
}
