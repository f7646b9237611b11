package org.symphainy.securityguard.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.symphainy.securityguard.internal.TestConfigs.config;
import static org.symphainy.securityguard.internal.TestTokens.NOW;
import static org.symphainy.securityguard.internal.TestTokens.claims;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Set;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.symphainy.sdk.identity.AuthenticationException;
import org.symphainy.sdk.identity.Principal;

class JwtVerifierTest {

    @TempDir
    Path dir;

    private static TestTokens tokens;
    private static RSAKey otherKey;

    @BeforeAll
    static void generateKeys() throws Exception {
        tokens = TestTokens.shared();
        otherKey = new RSAKeyGenerator(2048).generate();
    }

    private JwtVerifier verifier(Object... properties) throws Exception {
        Path jwks = TestTokens.jwks(dir.resolve("jwks.json"), tokens.rsa, tokens.ec);
        Object[] all = new Object[properties.length + 4];
        all[0] = ".jwtHmacSecret";
        all[1] = tokens.hmacBase64();
        all[2] = "jwtJwksFile";
        all[3] = jwks.toString();
        System.arraycopy(properties, 0, all, 4, properties.length);
        return GuardSettings.from(config(all), Clock.fixed(NOW, ZoneOffset.UTC), System::nanoTime).jwt();
    }

    private String refusal(JwtVerifier verifier, String token) {
        AuthenticationException refused = assertThrows(AuthenticationException.class, () -> verifier.verify(token));
        assertFalse(refused.getMessage().contains(token.substring(token.lastIndexOf('.') + 1)),
                "the message must not quote the token");
        return refused.getMessage();
    }

    @Test
    void eachAlgorithmProvesThePrincipalOfItsClaims() throws Exception {
        JwtVerifier verifier = verifier();
        Principal expected = new Principal("acme", "alice", Set.of("content-editor"), "jwt");

        assertEquals(expected, verifier.verify(tokens.hs256(claims().build())));
        assertEquals(expected, verifier.verify(tokens.rs256(claims().build())));
        assertEquals(expected, verifier.verify(tokens.es256(claims().build())));
    }

    @Test
    void configuredClaimNamesAreUsed() throws Exception {
        JwtVerifier verifier = verifier("jwtTenantClaim", "org", "jwtRolesClaim", "groups");
        JWTClaimsSet claims = claims().claim("org", "globex").claim("groups", List.of("a", "b")).build();

        Principal principal = verifier.verify(tokens.rs256(claims));

        assertEquals("globex", principal.tenant());
        assertEquals(Set.of("a", "b"), principal.roles());
    }

    @Test
    void anExpiredTokenIsRefusedSayingWhen() throws Exception {
        JwtVerifier verifier = verifier();
        String expired = tokens.rs256(claims().expirationTime(Date.from(NOW.minusSeconds(61))).build());
        String withinSkew = tokens.rs256(claims().expirationTime(Date.from(NOW.minusSeconds(59))).build());

        assertTrue(refusal(verifier, expired).startsWith("the token expired at 2026-11-24T11:58:59Z"));
        assertEquals("alice", verifier.verify(withinSkew).actor());
    }

    @Test
    void aTokenNotYetValidIsRefused() throws Exception {
        String early = tokens.rs256(claims().notBeforeTime(Date.from(NOW.plusSeconds(120))).build());

        assertTrue(refusal(verifier(), early).startsWith("the token is not valid before 2026-11-24T12:02:00Z"));
    }

    @Test
    void aTamperedTokenDoesNotVerify() throws Exception {
        String token = tokens.rs256(claims().build());
        String[] parts = token.split("\\.");
        String forged = tokens.rs256(claims().claim("roles", List.of("admin")).build()).split("\\.")[1];

        String reason = refusal(verifier(), parts[0] + "." + forged + "." + parts[2]);

        assertTrue(reason.startsWith("signature does not verify with RSA key 'rsa-1'"), reason);
    }

    @Test
    void aTokenSignedWithAnotherKeyDoesNotVerify() throws Exception {
        RSAKey impostor = new RSAKey.Builder(otherKey).keyID("rsa-1").build();
        String hs = TestTokens.sign(new JWSHeader(JWSAlgorithm.HS256), new MACSigner(new byte[32]), claims().build());

        assertTrue(refusal(verifier(), TestTokens.rs256(impostor, claims().build()))
                .startsWith("signature does not verify"));
        assertTrue(refusal(verifier(), hs).startsWith("signature does not verify with the configured HMAC secret"));
    }

    @Test
    void anUnknownKeyIdIsNamed() throws Exception {
        RSAKey stranger = new RSAKey.Builder(otherKey).keyID("stranger").build();

        assertTrue(refusal(verifier(), TestTokens.rs256(stranger, claims().build()))
                .startsWith("unknown key id 'stranger'"));
    }

    @Test
    void algorithmNoneIsRefused() throws Exception {
        String signed = tokens.rs256(claims().build());
        String unsigned = TestTokens.withHeader(signed, "{\"alg\":\"none\"}");

        assertTrue(refusal(verifier(), unsigned).startsWith("algorithm 'none' is not allowed"));
        String stripped = unsigned.substring(0, unsigned.lastIndexOf('.') + 1);
        assertTrue(refusal(verifier(), stripped + "x").startsWith("algorithm 'none' is not allowed"));
    }

    @Test
    void anAlgorithmNotConfiguredIsRefused() throws Exception {
        String hs512 = TestTokens.sign(new JWSHeader(JWSAlgorithm.HS512), new MACSigner(new byte[64]),
                claims().build());

        assertTrue(refusal(verifier(), hs512).startsWith("algorithm 'HS512' is not allowed"));
        assertTrue(refusal(verifier("jwtAlgorithms", new String[] {"RS256"}), tokens.hs256(claims().build()))
                .startsWith("algorithm 'HS256' is not allowed: sign tokens with one of RS256"));
    }

    @Test
    void missingClaimsAreNamed() throws Exception {
        JwtVerifier verifier = verifier();
        JWTClaimsSet noTenant = new JWTClaimsSet.Builder(claims().build()).claim("tenant", null).build();
        JWTClaimsSet noSubject = new JWTClaimsSet.Builder(claims().build()).subject(null).build();
        JWTClaimsSet noExpiry = new JWTClaimsSet.Builder(claims().build()).expirationTime(null).build();

        assertTrue(refusal(verifier, tokens.rs256(noTenant)).startsWith("missing claim 'tenant'"));
        assertTrue(refusal(verifier, tokens.es256(noSubject)).startsWith("missing claim 'sub'"));
        assertTrue(refusal(verifier, tokens.hs256(noExpiry)).startsWith("missing claim 'exp'"));
    }

    @Test
    void rolesMustBeAnArrayOfStrings() throws Exception {
        JWTClaimsSet text = claims().claim("roles", "admin").build();

        assertTrue(refusal(verifier(), tokens.rs256(text)).startsWith("claim 'roles' must be a JSON array"));
        assertEquals(Set.of(), verifier().verify(tokens.rs256(claims().claim("roles", null).build())).roles());
    }

    @Test
    void issuerAndAudienceAreCheckedWhenConfigured() throws Exception {
        JwtVerifier verifier = verifier("jwtIssuer", "https://idp.example", "jwtAudience", "symphainy");
        JWTClaimsSet good = claims().issuer("https://idp.example").audience(List.of("other", "symphainy")).build();

        assertEquals("alice", verifier.verify(tokens.rs256(good)).actor());
        assertTrue(refusal(verifier, tokens.rs256(new JWTClaimsSet.Builder(good).issuer("https://evil").build()))
                .startsWith("issuer 'https://evil' is not accepted"));
        assertTrue(refusal(verifier, tokens.rs256(new JWTClaimsSet.Builder(good).audience("other").build()))
                .startsWith("the token's audience [other] does not include 'symphainy'"));
        assertTrue(refusal(verifier, tokens.rs256(claims().audience("symphainy").build()))
                .startsWith("missing claim 'iss'"));
    }

    @Test
    void withoutKeysJwtSignInIsNotConfigured() throws Exception {
        JwtVerifier verifier = GuardSettings.from(config(), Clock.systemUTC(), System::nanoTime).jwt();

        assertTrue(refusal(verifier, tokens.hs256(claims().build())).startsWith("JWT sign-in is not configured"));
    }

    @Test
    void garbageIsRefusedAsMalformed() throws Exception {
        assertTrue(refusal(verifier(), "abc.def.ghi").startsWith("the token is not a well-formed JWT"));
    }
}
