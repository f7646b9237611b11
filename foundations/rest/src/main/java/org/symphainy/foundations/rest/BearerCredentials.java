package org.symphainy.foundations.rest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.symphainy.sdk.identity.AuthenticationException;
import org.symphainy.sdk.identity.Authenticator;
import org.symphainy.sdk.identity.Principal;
import org.symphainy.sdk.identity.Session;
import org.symphainy.sdk.identity.Sessions;

/**
 * Proves who a Bearer token belongs to. A session token (the Traffic Cop's, {@code ses_...}) is used as it is; an API
 * key or JWT goes to the Security Guard's {@link Authenticator}, and the Traffic Cop opens a session for the principal it
 * proves. That session is reused for the same credential for {@code cacheSeconds} (the credential is checked again
 * after that, so a revoked key stops working within that time), keyed by the credential's SHA-256, never by the
 * credential. Nothing here puts a credential into a message.
 */
public final class BearerCredentials {

    /** Longest token accepted; a JWT with many claims stays well below it. */
    public static final int MAX_TOKEN_LENGTH = 8192;

    private static final String SESSION_PREFIX = "ses_";
    private static final int MAX_CACHED = 10_000;
    private static final String SIGN_IN = "sign in with POST /api/v1/sessions and your API key or JWT, then send "
            + "Authorization: Bearer <session token>";

    private final Supplier<Sessions> sessions;
    private final Supplier<Authenticator> authenticator;
    private final Clock clock;
    private final long cacheSeconds;
    private final Map<String, Cached> cache = new LinkedHashMap<>(64, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Cached> eldest) {
            return size() > MAX_CACHED;
        }
    };

    private record Cached(String sessionId, Instant until) {
    }

    /** Credentials checked with the services {@code sessions} and {@code authenticator} supply (null while absent). */
    public BearerCredentials(Supplier<Sessions> sessions, Supplier<Authenticator> authenticator, Clock clock, int cacheSeconds) {
        this.sessions = sessions;
        this.authenticator = authenticator;
        this.clock = clock;
        this.cacheSeconds = cacheSeconds;
    }

    /** The token of an {@code Authorization} header value; a 401 problem if there is none or it is not Bearer. */
    public static String token(String authorization) {
        if (authorization == null || authorization.isBlank()) {
            throw new ProblemException(Problems.unauthenticated("no credential: " + SIGN_IN
                    + " (an API key or JWT is accepted as the Bearer token too)", false));
        }
        String value = authorization.strip();
        int space = value.indexOf(' ');
        if (space < 0 || !value.substring(0, space).equalsIgnoreCase("Bearer")) {
            throw new ProblemException(Problems.unauthenticated("the Authorization header does not use the Bearer "
                    + "scheme: send Authorization: Bearer <session token, API key or JWT>", false));
        }
        String token = value.substring(space + 1).strip();
        if (token.isEmpty() || token.length() > MAX_TOKEN_LENGTH || !printableAscii(token)) {
            throw new ProblemException(Problems.unauthenticated("the Bearer token is empty, longer than "
                    + MAX_TOKEN_LENGTH + " characters or not printable ASCII: " + SIGN_IN, true));
        }
        return token;
    }

    /** The caller {@code token} proves; a 401 problem if it proves no one, 503 while a role service is absent. */
    public Caller caller(String token) {
        Sessions active = required(sessions.get(), "Traffic Cop (sessions)");
        Optional<Session> session = active.find(token);
        if (session.isPresent()) {
            return new Caller(session.get().principal(), token);
        }
        if (token.startsWith(SESSION_PREFIX)) {
            throw new ProblemException(Problems.unauthenticated("the session is unknown, expired or revoked: "
                    + SIGN_IN, true));
        }
        String digest = digest(token);
        Caller cached = cached(digest, active);
        if (cached != null) {
            return cached;
        }
        Principal principal = authenticate(token);
        Session opened = active.open(principal);
        if (cacheSeconds > 0) {
            synchronized (cache) {
                cache.put(digest, new Cached(opened.id(), clock.instant().plusSeconds(cacheSeconds)));
            }
        }
        return new Caller(principal, opened.id());
    }

    /** The principal an API key or JWT proves; a 401 problem with the Security Guard's reason if none. */
    public Principal authenticate(String credential) {
        Authenticator guard = required(authenticator.get(), "Security Guard (authentication)");
        try {
            return guard.authenticate(credential);
        } catch (AuthenticationException e) {
            throw new ProblemException(Problems.unauthenticated(e.getMessage(), true));
        }
    }

    private Caller cached(String digest, Sessions active) {
        Cached entry;
        synchronized (cache) {
            entry = cache.get(digest);
            if (entry != null && !clock.instant().isBefore(entry.until())) {
                cache.remove(digest);
                entry = null;
            }
        }
        if (entry == null) {
            return null;
        }
        String sessionId = entry.sessionId();
        Optional<Session> session = active.find(sessionId);
        return session.map(s -> new Caller(s.principal(), sessionId)).orElse(null);
    }

    private static <T> T required(T service, String role) {
        if (service == null) {
            throw new ProblemException(Problems.unavailable("service-unavailable", "Service unavailable",
                    "the " + role + " service is not available right now; retry shortly"));
        }
        return service;
    }

    private static boolean printableAscii(String token) {
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (c <= ' ' || c > '~') {
                return false;
            }
        }
        return true;
    }

    private static String digest(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }
}
