package org.symphainy.securityguard.internal;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import com.nimbusds.jose.jwk.RSAKey;

/**
 * A key the Security Guard trusts to sign JWTs, ready to verify: the configured HMAC secret (HS256) or one key of the
 * JWKS file (RSA for RS256, EC P-256 for ES256, {@code oct} for HS256). Built once per load, not per token.
 *
 * @param keyId the key's {@code kid}; null if it has none (the configured HMAC secret)
 * @param description what kind of key it is, for messages, such as {@code RSA key 'k1'}
 * @param algorithm the one algorithm it verifies
 * @param verifier the verifier for it
 */
record TrustedKey(String keyId, String description, JWSAlgorithm algorithm, JWSVerifier verifier) {

    /** Fewest bits of an HMAC secret (RFC 7518: at least the hash size) and of an RSA modulus. */
    static final int MIN_HMAC_BITS = 256;
    static final int MIN_RSA_BITS = 2048;

    /** The configured HMAC secret, for HS256. */
    static TrustedKey hmac(byte[] secret) throws JOSEException {
        return new TrustedKey(null, "the configured HMAC secret", JWSAlgorithm.HS256, new MACVerifier(secret));
    }

    /**
     * The trusted key for {@code jwk}; null (with {@code skipped} saying why) if it cannot verify any algorithm this
     * bundle accepts.
     */
    static TrustedKey of(JWK jwk, StringBuilder skipped) throws JOSEException, IllegalArgumentException {
        String kid = jwk.getKeyID();
        String name = (kid == null ? "key without 'kid'" : "key '" + kid + "'");
        if (jwk.getKeyUse() != null && !KeyUse.SIGNATURE.equals(jwk.getKeyUse())) {
            skipped.append(name).append(" is for use '").append(jwk.getKeyUse().identifier()).append("', not 'sig'");
            return null;
        }
        JWSAlgorithm algorithm;
        JWSVerifier verifier;
        if (jwk instanceof RSAKey rsa) {
            algorithm = JWSAlgorithm.RS256;
            if (rsa.size() < MIN_RSA_BITS) {
                throw new IllegalArgumentException(name + " has " + rsa.size() + " bits; RSA keys need "
                        + MIN_RSA_BITS + " or more");
            }
            verifier = new RSASSAVerifier(rsa.toRSAPublicKey());
        } else if (jwk instanceof ECKey ec && Curve.P_256.equals(ec.getCurve())) {
            algorithm = JWSAlgorithm.ES256;
            verifier = new ECDSAVerifier(ec.toECPublicKey());
        } else if (jwk instanceof OctetSequenceKey oct) {
            algorithm = JWSAlgorithm.HS256;
            if (oct.size() < MIN_HMAC_BITS) {
                throw new IllegalArgumentException(name + " has " + oct.size() + " bits; HMAC keys need "
                        + MIN_HMAC_BITS + " or more");
            }
            verifier = new MACVerifier(oct);
        } else {
            skipped.append(name).append(" is of type ").append(jwk.getKeyType())
                    .append(jwk instanceof ECKey ec ? " on curve " + ec.getCurve() : "")
                    .append(", which verifies none of RS256, ES256 (P-256) and HS256");
            return null;
        }
        if (jwk.getAlgorithm() != null && !algorithm.equals(jwk.getAlgorithm())) {
            skipped.append(name).append(" is for algorithm '").append(jwk.getAlgorithm())
                    .append("'; only RS256, ES256 and HS256 are accepted");
            return null;
        }
        return new TrustedKey(kid, jwk.getKeyType() + " " + name, algorithm, verifier);
    }
}
