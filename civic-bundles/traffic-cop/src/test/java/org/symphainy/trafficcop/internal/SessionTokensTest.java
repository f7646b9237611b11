package org.symphainy.trafficcop.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class SessionTokensTest {

    private final SessionTokens tokens = new SessionTokens(new SecureRandom());

    @Test
    void idsAreUrlSafeWithThePrefixAnd256RandomBits() {
        String id = tokens.next();

        assertTrue(id.matches("ses_[A-Za-z0-9_-]{43}"), id);
        assertEquals(SessionTokens.LENGTH, id.length());
        assertEquals(32, Base64.getUrlDecoder().decode(id.substring(4)).length);
        assertTrue(SessionTokens.wellFormed(id));
    }

    @Test
    void idsDoNotRepeat() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            ids.add(tokens.next());
        }
        assertEquals(100_000, ids.size());
    }

    @Test
    void digestsMatchForTheSameIdOnly() {
        String id = tokens.next();

        assertEquals(SessionTokens.digest(id), SessionTokens.digest(new String(id.toCharArray())));
        assertNotEquals(SessionTokens.digest(id), SessionTokens.digest(tokens.next()));
    }

    @Test
    void theShortFormShowsTooLittleToUse() {
        String id = tokens.next();

        assertEquals(id.substring(0, 10) + "...", SessionTokens.shortForm(id));
        assertEquals("abc", SessionTokens.shortForm("abc"));
        assertEquals("ses_a?b", SessionTokens.shortForm("ses_a\u0007b"));
        assertEquals("null", SessionTokens.shortForm(null));
    }

    @Test
    void onlyIdsOfTheRightShapeAreWellFormed() {
        String id = tokens.next();

        assertFalse(SessionTokens.wellFormed(null));
        assertFalse(SessionTokens.wellFormed(""));
        assertFalse(SessionTokens.wellFormed(id.substring(1)));
        assertFalse(SessionTokens.wellFormed("tok_" + id.substring(4)));
        assertFalse(SessionTokens.wellFormed(id + "x"));
    }
}
