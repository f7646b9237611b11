package org.symphainy.securityguard.internal;

import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.nimbusds.jwt.JWTClaimsSet;
import org.symphainy.sdk.identity.AuthenticationException;
import org.symphainy.sdk.identity.Principal;

/**
 * Checks the claims of a token whose signature verified ({@code exp} required, {@code nbf}, {@code iss}, {@code aud})
 * and maps them to a {@link Principal}: the tenant from the configured claim, the actor from {@code sub}, the roles from
 * the configured claim (a JSON array of strings; none if the claim is absent).
 */
final class TokenClaims {

    /** The {@code authenticatedBy} of every principal a JWT proves. */
    static final String AUTHENTICATED_BY = "jwt";

    private final JwtSettings settings;
    private final Clock clock;

    TokenClaims(JwtSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /** The principal {@code claims} name, if they are in force now. */
    Principal principal(JWTClaimsSet claims) {
        checkTimes(claims);
        checkIssuerAndAudience(claims);
        String actor = required(claims, "sub");
        String tenant = required(claims, settings.tenantClaim());
        Set<String> roles = roles(claims);
        try {
            return new Principal(tenant, actor, roles, AUTHENTICATED_BY);
        } catch (IllegalArgumentException e) {
            throw new AuthenticationException("the token's claims do not name a usable principal (" + e.getMessage()
                    + "): have the issuer fix the claims");
        }
    }

    private void checkTimes(JWTClaimsSet claims) {
        Instant now = clock.instant();
        Date expires = claims.getExpirationTime();
        if (expires == null) {
            throw new AuthenticationException("missing claim 'exp': tokens must say when they expire; have the issuer "
                    + "set an expiry");
        }
        if (now.isAfter(expires.toInstant().plus(settings.clockSkew()))) {
            throw new AuthenticationException("the token expired at " + expires.toInstant() + " (now " + now
                    + ", clock skew allowed " + settings.clockSkew().toSeconds() + " s): get a new token");
        }
        Date notBefore = claims.getNotBeforeTime();
        if (notBefore != null && now.plus(settings.clockSkew()).isBefore(notBefore.toInstant())) {
            throw new AuthenticationException("the token is not valid before " + notBefore.toInstant() + " (now " + now
                    + ", clock skew allowed " + settings.clockSkew().toSeconds() + " s): use it later, or check the "
                    + "issuer's clock");
        }
    }

    private void checkIssuerAndAudience(JWTClaimsSet claims) {
        if (settings.issuer() != null && !settings.issuer().equals(claims.getIssuer())) {
            throw new AuthenticationException((claims.getIssuer() == null ? "missing claim 'iss'"
                    : "issuer '" + claims.getIssuer() + "' is not accepted") + ": this platform accepts tokens issued by '"
                    + settings.issuer() + "'");
        }
        List<String> audience = claims.getAudience();
        if (settings.audience() != null && !audience.contains(settings.audience())) {
            throw new AuthenticationException((audience.isEmpty() ? "missing claim 'aud'"
                    : "the token's audience " + audience + " does not include '" + settings.audience() + "'")
                    + ": request a token for audience '" + settings.audience() + "'");
        }
    }

    private static String required(JWTClaimsSet claims, String name) {
        Object value = claims.getClaim(name);
        if (value == null) {
            throw new AuthenticationException("missing claim '" + name + "': have the issuer include it");
        }
        if (!(value instanceof String text)) {
            throw new AuthenticationException("claim '" + name + "' must be a string");
        }
        return text;
    }

    private Set<String> roles(JWTClaimsSet claims) {
        String name = settings.rolesClaim();
        Object value = claims.getClaim(name);
        if (value == null) {
            return Set.of();
        }
        try {
            List<String> list = claims.getStringListClaim(name);
            if (value instanceof List<?> && list != null && !list.contains(null)) {
                return new HashSet<>(list);
            }
        } catch (ParseException e) {
            // falls through to the explanation below
        }
        throw new AuthenticationException("claim '" + name + "' must be a JSON array of role names (strings)");
    }
}
