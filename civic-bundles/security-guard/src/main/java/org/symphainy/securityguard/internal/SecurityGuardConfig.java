package org.symphainy.securityguard.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The Security Guard's configuration (PID {@code org.symphainy.securityguard}, e.g.
 * {@code etc/org.symphainy.securityguard.cfg}). An update that cannot be used is refused with one ERROR line and the
 * configuration in force stays; without any configuration only the role {@code admin} may submit intents and JWTs are
 * refused.
 */
@ObjectClassDefinition(name = "Symphainy Security Guard",
        description = "API keys, JWT sign-in and the role grants that decide which intents a principal may submit")
public @interface SecurityGuardConfig {

    @AttributeDefinition(description = "Role grants, each '<role>=<intent type pattern>[,<pattern>...]' where a pattern "
            + "is an intent type (insights.analyze), a prefix ending in '.*' (content.*) or '*'; several entries may "
            + "share one value separated by ';'. The role 'admin' is always granted every intent.")
    String[] grants() default {};

    @AttributeDefinition(description = "PBKDF2-HMAC-SHA256 iterations for new API keys (existing keys keep theirs); "
            + "10000 to 10000000, OWASP recommends 210000", min = "10000", max = "10000000")
    int apiKeyIterations() default KeyHash.DEFAULT_ITERATIONS;

    /** Property {@code .jwtHmacSecret}: the leading dot keeps the secret out of the service's properties. */
    @AttributeDefinition(type = AttributeType.PASSWORD, name = "JWT HMAC secret", description = "HS256 secret, base64 "
            + "(standard or URL-safe), at least 32 bytes; empty: HS256 tokens are verified only with 'oct' keys of the "
            + "JWKS file")
    String _jwtHmacSecret() default "";

    @AttributeDefinition(description = "Local JWKS file with the public keys (RSA, EC P-256) tokens are signed with; "
            + "re-read when it changes. Empty: none")
    String jwtJwksFile() default "";

    @AttributeDefinition(description = "Signature algorithms accepted: any of HS256, RS256, ES256")
    String[] jwtAlgorithms() default {"HS256", "RS256", "ES256"};

    @AttributeDefinition(description = "Required 'iss' of tokens; empty: any issuer")
    String jwtIssuer() default "";

    @AttributeDefinition(description = "Value the tokens' 'aud' must contain; empty: any audience")
    String jwtAudience() default "";

    @AttributeDefinition(description = "How far the issuer's clock may differ from this one, in seconds (exp, nbf)",
            min = "0", max = "3600")
    int jwtClockSkewSeconds() default 60;

    @AttributeDefinition(description = "The claim naming the principal's tenant")
    String jwtTenantClaim() default "tenant";

    @AttributeDefinition(description = "The claim listing the principal's roles (a JSON array of strings)")
    String jwtRolesClaim() default "roles";
}
