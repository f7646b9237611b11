package org.symphainy.sdk.identity;

import org.symphainy.sdk.intent.ErrorCode;
import org.symphainy.sdk.intent.IntentException;

/** A credential that proves nothing; code {@link ErrorCode#UNAUTHENTICATED}, the reason in the message. */
public class AuthenticationException extends IntentException {

    private static final long serialVersionUID = 1L;

    /** A failed authentication, for {@code reason} (say what to do; never echo the credential). */
    public AuthenticationException(String reason) {
        super(ErrorCode.UNAUTHENTICATED, reason);
    }
}
