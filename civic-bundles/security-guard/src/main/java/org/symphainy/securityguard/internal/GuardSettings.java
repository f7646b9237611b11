package org.symphainy.securityguard.internal;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.LongSupplier;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;

/**
 * One configuration of the Security Guard, read and checked as a whole: the grant table, the JWT verifier and the
 * iteration count for new API keys. {@link #from} either returns all of it or rejects the update, so a configuration is
 * never half applied.
 *
 * @param authorizer decides on intents with the configured grants
 * @param jwt verifies JWTs with the configured keys and claims
 * @param apiKeyIterations PBKDF2 iterations for new API keys
 */
record GuardSettings(IntentAuthorizer authorizer, JwtVerifier jwt, int apiKeyIterations) {

    static final int MIN_ITERATIONS = 10_000;

    /** Most iterations: every sign-in with a key computes them, so more would make each one take seconds. */
    static final int MAX_ITERATIONS = 10_000_000;

    private static final String SOURCE = "configuration " + SecurityGuardRole.PID;

    /** What applies with no usable configuration: only {@code admin} is granted anything, JWTs are refused. */
    static GuardSettings defaults(Clock clock) {
        JwtSettings jwt = new JwtSettings(JwtSettings.SUPPORTED, null, null, Duration.ofSeconds(60), "tenant", "roles");
        return new GuardSettings(new IntentAuthorizer(GrantTable.adminOnly()),
                new JwtVerifier(jwt, new TrustedKeys(List.of(), SOURCE), null, clock), KeyHash.DEFAULT_ITERATIONS);
    }

    /** The settings {@code config} describes; rejects it, naming the attribute or file and the reason. */
    static GuardSettings from(SecurityGuardConfig config, Clock clock, LongSupplier nanoTime) throws InputRejected {
        GrantTable grants = GrantTable.parse(config.grants());
        if (config.apiKeyIterations() < MIN_ITERATIONS) {
            throw new InputRejected(SOURCE, "attribute 'apiKeyIterations'", config.apiKeyIterations()
                    + " iterations make API key hashes cheap to attack: use " + MIN_ITERATIONS + " or more (OWASP: "
                    + KeyHash.DEFAULT_ITERATIONS + ")");
        }
        if (config.apiKeyIterations() > MAX_ITERATIONS) {
            throw new InputRejected(SOURCE, "attribute 'apiKeyIterations'", config.apiKeyIterations()
                    + " iterations would make every sign-in with an API key take seconds: use at most "
                    + MAX_ITERATIONS + " (OWASP: " + KeyHash.DEFAULT_ITERATIONS + ")");
        }
        JwtSettings jwtSettings = jwtSettings(config);
        TrustedKeys configured = new TrustedKeys(hmacKey(config._jwtHmacSecret()), SOURCE);
        String jwksFile = config.jwtJwksFile().strip();
        JwksSource jwks = jwksFile.isEmpty() ? null : JwksSource.open(Path.of(jwksFile), nanoTime);
        return new GuardSettings(new IntentAuthorizer(grants), new JwtVerifier(jwtSettings, configured, jwks, clock),
                config.apiKeyIterations());
    }

    private static JwtSettings jwtSettings(SecurityGuardConfig config) throws InputRejected {
        Set<JWSAlgorithm> algorithms = new HashSet<>();
        String[] names = config.jwtAlgorithms();
        for (int i = 0; i < names.length; i++) {
            JWSAlgorithm algorithm = JWSAlgorithm.parse(names[i].strip());
            if (!JwtSettings.SUPPORTED.contains(algorithm)) {
                throw new InputRejected(SOURCE, "jwtAlgorithms[" + i + "]", "algorithm '" + names[i]
                        + "' is not supported: use HS256, RS256 or ES256");
            }
            algorithms.add(algorithm);
        }
        int skew = config.jwtClockSkewSeconds();
        if (skew < 0 || skew > 3600) {
            throw new InputRejected(SOURCE, "attribute 'jwtClockSkewSeconds'", skew + " is outside 0 to 3600 seconds");
        }
        String tenantClaim = claimName("jwtTenantClaim", config.jwtTenantClaim());
        String rolesClaim = claimName("jwtRolesClaim", config.jwtRolesClaim());
        return new JwtSettings(algorithms, blankToNull(config.jwtIssuer()), blankToNull(config.jwtAudience()),
                Duration.ofSeconds(skew), tenantClaim, rolesClaim);
    }

    private static List<TrustedKey> hmacKey(String base64) throws InputRejected {
        String text = base64.strip();
        if (text.isEmpty()) {
            return List.of();
        }
        byte[] secret;
        try {
            secret = text.indexOf('-') >= 0 || text.indexOf('_') >= 0 ? Base64.getUrlDecoder().decode(text)
                    : Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new InputRejected(SOURCE, "attribute '.jwtHmacSecret'", "not base64 (" + e.getMessage()
                    + "): encode the secret's bytes in base64");
        }
        if (secret.length * 8 < TrustedKey.MIN_HMAC_BITS) {
            throw new InputRejected(SOURCE, "attribute '.jwtHmacSecret'", "the secret has " + secret.length
                    + " bytes; HS256 needs 32 or more random bytes");
        }
        try {
            return List.of(TrustedKey.hmac(secret));
        } catch (JOSEException e) {
            throw new InputRejected(SOURCE, "attribute '.jwtHmacSecret'", e.getMessage());
        }
    }

    private static String claimName(String attribute, String value) throws InputRejected {
        String name = value.strip();
        if (name.isEmpty()) {
            throw new InputRejected(SOURCE, "attribute '" + attribute + "'", "empty: name the claim");
        }
        return name;
    }

    private static String blankToNull(String value) {
        return value.isBlank() ? null : value.strip();
    }
}
