package org.symphainy.securityguard.internal;

import java.util.function.Supplier;

import org.symphainy.sdk.identity.AuthenticationException;
import org.symphainy.sdk.identity.Principal;

/**
 * Tells the two kinds of credential apart and hands each to its checker: {@code sk_...} is an API key, text with two
 * dots a JWT. Anything else is refused without being looked at further.
 */
final class CredentialAuthenticator {

    private static final int MAX_CREDENTIAL_LENGTH = 16 * 1024;

    private final ApiKeyStore keys;
    private final Supplier<JwtVerifier> jwt;

    CredentialAuthenticator(ApiKeyStore keys, Supplier<JwtVerifier> jwt) {
        this.keys = keys;
        this.jwt = jwt;
    }

    /** The principal {@code credential} proves; else an {@link AuthenticationException} with the reason. */
    Principal authenticate(String credential) {
        if (credential == null || credential.isBlank()) {
            throw new AuthenticationException("no credential: send an API key (sk_...) or a signed JWT");
        }
        String text = credential.strip();
        if (text.length() > MAX_CREDENTIAL_LENGTH) {
            throw new AuthenticationException("the credential is " + text.length() + " characters long, more than any "
                    + "API key or JWT this platform accepts (" + MAX_CREDENTIAL_LENGTH + ")");
        }
        if (text.startsWith(ApiKeyCredential.PREFIX)) {
            return keys.authenticate(ApiKeyCredential.parse(text).orElseThrow(() -> new AuthenticationException(
                    "malformed API key: expected sk_<key id>_<secret> exactly as it was issued")));
        }
        if (dots(text) == 2) {
            return jwt.get().verify(text);
        }
        throw new AuthenticationException("the credential is neither an API key (sk_<key id>_<secret>) nor a JWT "
                + "(three dot-separated parts): send one of those");
    }

    private static int dots(String text) {
        int dots = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '.') {
                dots++;
            }
        }
        return dots;
    }
}
