package org.symphainy.securityguard.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/** Signing keys generated in the test, and tokens signed with them. */
final class TestTokens {

    static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");

    final byte[] hmacSecret = new byte[32];
    final RSAKey rsa;
    final ECKey ec;

    private static TestTokens shared;

    /** Keys generated once for all tests in this JVM: RSA key generation is slow. */
    static synchronized TestTokens shared() throws JOSEException {
        if (shared == null) {
            shared = new TestTokens();
        }
        return shared;
    }

    TestTokens() throws JOSEException {
        new SecureRandom().nextBytes(hmacSecret);
        rsa = new RSAKeyGenerator(2048).keyID("rsa-1").generate();
        ec = new ECKeyGenerator(Curve.P_256).keyID("ec-1").generate();
    }

    /** The HMAC secret in base64, as the configuration takes it. */
    String hmacBase64() {
        return Base64.getEncoder().encodeToString(hmacSecret);
    }

    /** Writes a JWKS file with the public parts of {@code keys}. */
    static Path jwks(Path file, JWK... keys) throws Exception {
        Files.writeString(file, new JWKSet(List.of(keys)).toPublicJWKSet().toString());
        return file;
    }

    /** Claims for alice in acme with roles [content-editor], valid for an hour from {@link #NOW}. */
    static JWTClaimsSet.Builder claims() {
        return new JWTClaimsSet.Builder().subject("alice").claim("tenant", "acme")
                .claim("roles", List.of("content-editor")).expirationTime(Date.from(NOW.plusSeconds(3600)));
    }

    String hs256(JWTClaimsSet claims) throws JOSEException {
        return sign(new JWSHeader(JWSAlgorithm.HS256), new MACSigner(hmacSecret), claims);
    }

    String rs256(JWTClaimsSet claims) throws JOSEException {
        return rs256(rsa, claims);
    }

    static String rs256(RSAKey key, JWTClaimsSet claims) throws JOSEException {
        return sign(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), new RSASSASigner(key),
                claims);
    }

    String es256(JWTClaimsSet claims) throws JOSEException {
        return sign(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(ec.getKeyID()).build(), new ECDSASigner(ec),
                claims);
    }

    static String sign(JWSHeader header, JWSSigner signer, JWTClaimsSet claims) throws JOSEException {
        SignedJWT jwt = new SignedJWT(header, claims);
        jwt.sign(signer);
        return jwt.serialize();
    }

    /** {@code header.claims.signature} with {@code header} replaced: a base64url JSON header of one's choosing. */
    static String withHeader(String token, String headerJson) {
        String header = Base64.getUrlEncoder().withoutPadding().encodeToString(headerJson.getBytes());
        return header + token.substring(token.indexOf('.'));
    }
}
