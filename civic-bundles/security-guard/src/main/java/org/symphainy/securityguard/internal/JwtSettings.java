package org.symphainy.securityguard.internal;

import java.time.Duration;
import java.util.Set;

import com.nimbusds.jose.JWSAlgorithm;

/**
 * How JWTs are checked once their signature verifies: the accepted algorithms, the issuer and audience (when
 * configured), the clock skew tolerated on {@code exp} and {@code nbf}, and the claims that name the tenant and the roles.
 *
 * @param algorithms the signature algorithms accepted (a subset of HS256, RS256, ES256)
 * @param issuer the required {@code iss}; null to accept any
 * @param audience the value {@code aud} must contain; null to accept any
 * @param clockSkew how far clocks may disagree
 * @param tenantClaim the claim holding the tenant
 * @param rolesClaim the claim holding the roles, a JSON array of strings
 */
record JwtSettings(Set<JWSAlgorithm> algorithms, String issuer, String audience, Duration clockSkew,
        String tenantClaim, String rolesClaim) {

    /** The algorithms this bundle can verify. */
    static final Set<JWSAlgorithm> SUPPORTED = Set.of(JWSAlgorithm.HS256, JWSAlgorithm.RS256, JWSAlgorithm.ES256);

    /** Copies the algorithms. */
    JwtSettings {
        algorithms = Set.copyOf(algorithms);
    }

    /** {@code HS256, RS256}: the accepted algorithms for messages, in a stable order. */
    String algorithmNames() {
        return String.join(", ", algorithms.stream().map(JWSAlgorithm::getName).sorted().toList());
    }
}
