package org.symphainy.securityguard.internal;

import java.text.ParseException;
import java.time.Clock;
import java.util.List;

import com.nimbusds.jose.Algorithm;
import com.nimbusds.jose.Header;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.SignedJWT;
import org.symphainy.sdk.identity.AuthenticationException;
import org.symphainy.sdk.identity.Principal;

/**
 * Proves a JWT: the header must name an accepted algorithm (never {@code none}), the signature must verify with a
 * trusted key (the configured HMAC secret, or a key of the JWKS file), and the claims must be in force
 * ({@link TokenClaims}). Every refusal is an {@link AuthenticationException} whose message says why and what to do;
 * no message quotes the token.
 */
final class JwtVerifier {

    private static final String NOT_CONFIGURED = "JWT sign-in is not configured: use an API key, or have an "
            + "administrator set .jwtHmacSecret or jwtJwksFile in configuration " + SecurityGuardRole.PID;

    private final JwtSettings settings;
    private final TrustedKeys configured;
    private final JwksSource jwks;
    private final TokenClaims claims;

    /** A verifier trusting {@code configured} keys and those of {@code jwks} (null: no JWKS file). */
    JwtVerifier(JwtSettings settings, TrustedKeys configured, JwksSource jwks, Clock clock) {
        this.settings = settings;
        this.configured = configured;
        this.jwks = jwks;
        this.claims = new TokenClaims(settings, clock);
    }

    /** True if any key is configured: an HMAC secret or a JWKS file. */
    boolean configured() {
        return configured.size() > 0 || jwks != null;
    }

    /** The principal {@code token} proves; else an {@link AuthenticationException} with the reason. */
    Principal verify(String token) {
        if (!configured()) {
            throw new AuthenticationException(NOT_CONFIGURED);
        }
        SignedJWT jwt = signed(token);
        JWSHeader header = jwt.getHeader();
        JWSAlgorithm algorithm = header.getAlgorithm();
        if (!settings.algorithms().contains(algorithm)) {
            throw new AuthenticationException("algorithm '" + algorithm.getName() + "' is not allowed: sign tokens "
                    + "with one of " + settings.algorithmNames());
        }
        if (header.getCriticalParams() != null && !header.getCriticalParams().isEmpty()) {
            throw new AuthenticationException("the token has critical header parameters " + header.getCriticalParams()
                    + " this platform does not understand: leave out 'crit'");
        }
        TrustedKeys keys = jwks == null ? configured : configured.and(jwks.keys());
        List<TrustedKey> candidates = keys.candidates(algorithm, header.getKeyID());
        if (!verifiesWithAny(jwt, candidates)) {
            throw new AuthenticationException("signature does not verify with "
                    + (candidates.size() == 1 ? candidates.get(0).description() : candidates.size() + " trusted keys")
                    + ": the token was altered, or signed with a key this platform does not trust");
        }
        try {
            return claims.principal(jwt.getJWTClaimsSet());
        } catch (ParseException e) {
            throw new AuthenticationException("the token's claims are not usable (" + e.getMessage()
                    + "): have the issuer fix them");
        }
    }

    private static SignedJWT signed(String token) {
        Header header;
        try {
            header = Header.parse(new Base64URL(token.substring(0, token.indexOf('.'))));
        } catch (ParseException | RuntimeException e) {
            throw new AuthenticationException("the token is not a well-formed JWT: its first part must be a "
                    + "base64url-encoded JSON header naming 'alg'");
        }
        if (Algorithm.NONE.equals(header.getAlgorithm())) {
            throw new AuthenticationException("algorithm 'none' is not allowed: tokens must be signed (HS256, RS256 or "
                    + "ES256)");
        }
        if (header instanceof JWEHeader) {
            throw new AuthenticationException("encrypted tokens are not accepted: send a signed JWT");
        }
        try {
            return SignedJWT.parse(token);
        } catch (ParseException e) {
            throw new AuthenticationException("the token is not a well-formed signed JWT: it must be three "
                    + "base64url parts, header.claims.signature, with JSON header and claims");
        }
    }

    private static boolean verifiesWithAny(SignedJWT jwt, List<TrustedKey> candidates) {
        for (TrustedKey key : candidates) {
            try {
                if (jwt.verify(key.verifier())) {
                    return true;
                }
            } catch (JOSEException | IllegalStateException e) {
                // a signature of the wrong shape for this key does not verify; try the next key
            }
        }
        return false;
    }
}
