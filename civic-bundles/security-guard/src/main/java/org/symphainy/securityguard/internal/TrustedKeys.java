package org.symphainy.securityguard.internal;

import java.util.ArrayList;
import java.util.List;

import com.nimbusds.jose.JWSAlgorithm;
import org.symphainy.sdk.identity.AuthenticationException;

/**
 * The keys a token may be verified with, and the choice among them for one token: by its {@code kid} when it names one,
 * else every key of the token's algorithm. Immutable.
 */
final class TrustedKeys {

    private static final int MAX_KID_IN_MESSAGE = 64;

    private final List<TrustedKey> keys;
    private final String where;

    /** {@code keys}, found in {@code where} (for messages: the configuration, or a JWKS file). */
    TrustedKeys(List<TrustedKey> keys, String where) {
        this.keys = List.copyOf(keys);
        this.where = where;
    }

    /** How many keys there are. */
    int size() {
        return keys.size();
    }

    /** These keys followed by {@code more}. */
    TrustedKeys and(TrustedKeys more) {
        List<TrustedKey> all = new ArrayList<>(keys);
        all.addAll(more.keys);
        return new TrustedKeys(all, where + " and " + more.where);
    }

    /**
     * The keys to try on a token signed with {@code algorithm} naming key {@code kid} (null if it names none): the keys
     * with that id plus the keys without an id, of that algorithm. Throws, with the reason, if there are none.
     */
    List<TrustedKey> candidates(JWSAlgorithm algorithm, String kid) {
        List<TrustedKey> found = new ArrayList<>(2);
        boolean kidKnown = false;
        for (TrustedKey key : keys) {
            boolean idMatches = kid == null || key.keyId() == null || kid.equals(key.keyId());
            kidKnown |= kid != null && kid.equals(key.keyId());
            if (idMatches && key.algorithm().equals(algorithm)) {
                found.add(key);
            }
        }
        if (!found.isEmpty()) {
            return found;
        }
        if (kid != null && !kidKnown) {
            throw new AuthenticationException("unknown key id '" + printable(kid) + "': no trusted key in " + where
                    + " has it; sign with a published key, or have an administrator add its public key to the JWKS file");
        }
        if (kid != null) {
            throw new AuthenticationException("key '" + printable(kid) + "' cannot verify " + algorithm
                    + " signatures (it is a key for another algorithm): sign with the algorithm the key is for");
        }
        throw new AuthenticationException("no key to verify " + algorithm + " signatures is configured in " + where
                + ": sign with another algorithm, or have an administrator configure "
                + (JWSAlgorithm.HS256.equals(algorithm) ? ".jwtHmacSecret" : "a JWKS file (jwtJwksFile)"));
    }

    private static String printable(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().limit(MAX_KID_IN_MESSAGE)
                .forEach(c -> out.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return text.length() > MAX_KID_IN_MESSAGE ? out + "..." : out.toString();
    }
}
