package org.symphainy.securityguard.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.symphainy.securityguard.internal.TestTokens.claims;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.symphainy.sdk.identity.AuthenticationException;

class JwksSourceTest {

    @TempDir
    Path dir;

    private final AtomicLong nanos = new AtomicLong();

    private InputRejected rejected(String content) throws Exception {
        Path file = Files.writeString(dir.resolve("jwks.json"), content);
        return assertThrows(InputRejected.class, () -> JwksFile.load(file));
    }

    @Test
    void brokenJsonIsRejectedWithLineAndColumn() throws Exception {
        InputRejected rejected = rejected("{\"keys\": [\n  {\"kty\": \"RSA\",, }\n]}");

        assertEquals("line 2, column 17", rejected.position());
        assertTrue(rejected.reason().startsWith("not valid JSON"), rejected.reason());
    }

    @Test
    void anUnusableKeyIsRejectedWithItsIndex() throws Exception {
        TestTokens tokens = TestTokens.shared();
        String good = tokens.rsa.toPublicJWK().toJSONString();
        RSAKey weak = new RSAKey.Builder(new RSAKeyGenerator(1024, true).generate()).keyID("weak").build();

        InputRejected missing = rejected("{\"keys\": [" + good + ", {\"kty\": \"RSA\", \"kid\": \"x\"}]}");
        InputRejected tooWeak = rejected("{\"keys\": [" + good + ", " + weak.toPublicJWK().toJSONString() + "]}");

        assertEquals("keys[1]", missing.position());
        assertTrue(missing.reason().startsWith("not a usable JWK"), missing.reason());
        assertEquals("keys[1]", tooWeak.position());
        assertTrue(tooWeak.reason().contains("1024 bits; RSA keys need 2048"), tooWeak.reason());
        assertTrue(rejected("{\"keys\": []}").reason().startsWith("no key in it verifies"));
        assertTrue(rejected("[]").reason().startsWith("not a JSON object"));
    }

    @Test
    void aChangedFileIsReadAgainAndABadChangeKeepsTheKeysBefore() throws Exception {
        TestTokens tokens = TestTokens.shared();
        // the same key material under a new id: only the file's change can make 'rsa-2' known
        RSAKey next = new RSAKey.Builder(tokens.rsa).keyID("rsa-2").build();
        Path file = TestTokens.jwks(dir.resolve("jwks.json"), tokens.rsa);
        JwksSource source = JwksSource.open(file, nanos::get);
        JwtSettings settings = new JwtSettings(JwtSettings.SUPPORTED, null, null, Duration.ofSeconds(60), "tenant",
                "roles");
        JwtVerifier verifier = new JwtVerifier(settings, new TrustedKeys(List.of(), "test"), source,
                Clock.fixed(TestTokens.NOW, ZoneOffset.UTC));

        assertThrows(AuthenticationException.class, () -> verifier.verify(TestTokens.rs256(next, claims().build())));

        TestTokens.jwks(file, tokens.rsa, next);
        nanos.addAndGet(TimeUnit.SECONDS.toNanos(2));
        assertEquals("alice", verifier.verify(TestTokens.rs256(next, claims().build())).actor());

        Files.writeString(file, "{\"keys\": [ oops");
        nanos.addAndGet(TimeUnit.SECONDS.toNanos(2));
        assertEquals("alice", verifier.verify(TestTokens.rs256(next, claims().build())).actor(),
                "the keys read before stay in force");
        assertEquals(2, source.keys().size());
        assertEquals(JWSAlgorithm.RS256, source.keys().candidates(JWSAlgorithm.RS256, "rsa-2").get(0).algorithm());
    }
}
