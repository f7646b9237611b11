package org.symphainy.datasteward.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NamePatternTest {

    @Test
    void anExactNameMatchesOnlyItself() {
        NamePattern pattern = NamePattern.parse("crm.contacts");

        assertEquals(NamePattern.Shape.EXACT, pattern.shape());
        assertTrue(pattern.matches("crm.contacts"));
        assertFalse(pattern.matches("crm.contacts.archive"));
        assertFalse(pattern.matches("crm.contact"));
    }

    @Test
    void aPrefixMatchesEveryNameBelowItButNotItself() {
        NamePattern pattern = NamePattern.parse("crm.*");

        assertEquals(NamePattern.Shape.PREFIX, pattern.shape());
        assertTrue(pattern.matches("crm.contacts"));
        assertTrue(pattern.matches("crm.contacts.archive"));
        assertFalse(pattern.matches("crm"));
        assertFalse(pattern.matches("crmx.contacts"));
    }

    @Test
    void aStarMatchesEverything() {
        assertTrue(NamePattern.parse("*").matches("hr.salaries"));
        assertEquals(NamePattern.ALL, NamePattern.parse("*"));
    }

    @Test
    void refusesWhatIsNotANamePrefixOrStar() {
        for (String bad : new String[] {"", "crm*", "*.contacts", "CRM.contacts", "crm..contacts", "crm.", "1crm",
                "crm contacts", "crm.**"}) {
            assertNotNull(NamePattern.problem(bad), bad);
            assertThrows(IllegalArgumentException.class, () -> NamePattern.parse(bad), bad);
        }
        assertNull(NamePattern.problem("crm.contacts-2_b"));
    }

    @Test
    void namesAreDottedLowerCase() {
        assertTrue(NamePattern.isName("crm"));
        assertTrue(NamePattern.isName("crm.contacts"));
        assertFalse(NamePattern.isName("crm."));
        assertFalse(NamePattern.isName(".crm"));
        assertFalse(NamePattern.isName("Crm"));
        assertFalse(NamePattern.isName("a".repeat(129)));
    }
}
