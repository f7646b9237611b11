package org.symphainy.securityguard.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class GrantTableTest {

    private static GrantTable table(String... entries) throws InputRejected {
        return GrantTable.parse(entries);
    }

    @Test
    void anExactTypeGrantsThatTypeOnly() throws Exception {
        GrantTable grants = table("analyst=insights.analyze");

        assertEquals(new Grant("analyst", "insights.analyze"), grants.find(Set.of("analyst"), "insights.analyze"));
        assertNull(grants.find(Set.of("analyst"), "insights.query"));
        assertNull(grants.find(Set.of("analyst"), "insights.analyze.deep"));
    }

    @Test
    void aPrefixGrantsEveryTypeUnderItAndNothingBesideIt() throws Exception {
        GrantTable grants = table("content-editor=content.*");

        assertEquals("content.*", grants.find(Set.of("content-editor"), "content.ingest").pattern());
        assertEquals("content.*", grants.find(Set.of("content-editor"), "content.parse.pdf").pattern());
        assertNull(grants.find(Set.of("content-editor"), "contents.ingest"));
        assertNull(grants.find(Set.of("content-editor"), "insights.content"));
    }

    @Test
    void adminIsGrantedEveryIntentWithoutConfiguration() throws Exception {
        GrantTable grants = GrantTable.adminOnly();

        assertEquals(new Grant("admin", "*"), grants.find(Set.of("admin"), "platform.deploy"));
        assertNull(grants.find(Set.of("content-editor"), "content.ingest"));
    }

    @Test
    void severalPatternsEntriesAndValuesAddUp() throws Exception {
        GrantTable grants = table("content-editor=content.*,insights.analyze", "ops=operations.*; ops=outcomes.plan");

        assertEquals("insights.analyze", grants.find(Set.of("content-editor"), "insights.analyze").pattern());
        assertEquals("operations.*", grants.find(Set.of("ops"), "operations.sop.write").pattern());
        assertEquals("outcomes.plan", grants.find(Set.of("ops"), "outcomes.plan").pattern());
        assertNull(grants.find(Set.of("ops"), "content.ingest"));
    }

    @Test
    void theFirstRoleByNameGrantsWhenSeveralDo() throws Exception {
        GrantTable grants = table("zeta=content.*", "alpha=content.ingest", "mid=*");

        for (int i = 0; i < 20; i++) {
            assertEquals("alpha", grants.find(Set.of("zeta", "mid", "alpha", "other" + i), "content.ingest").role());
        }
    }

    @Test
    void grantsForListsEveryRoleThatGrantsAType() throws Exception {
        GrantTable grants = table("editor=content.*", "reader=insights.*", "ingester=content.ingest");

        assertEquals(List.of("admin", "editor", "ingester"),
                grants.grantsFor("content.ingest").stream().map(Grant::role).toList());
    }

    @Test
    void aWrongEntryIsRejectedWithItsIndexAndTheReason() {
        assertRejected("grants[1] 'viewer'", "no '='", "editor=content.*", "viewer");
        assertRejected("grants[0] 'viewer=content.'", "pattern 'content.' is neither", "viewer=content.");
        assertRejected("grants[0] 'viewer=Content.Ingest'", "pattern 'Content.Ingest'", "viewer=Content.Ingest");
        assertRejected("grants[0] 'viewer=content'", "pattern 'content'", "viewer=content");
        assertRejected("grants[0] '=content.*'", "the role before '=' is empty", "=content.*");
        assertRejected("grants[0] 'viewer=a.b,,c.d'", "an empty intent type pattern", "viewer=a.b,,c.d");
        assertRejected("grants[0] 'the viewer=a.b'", "role 'the viewer' contains ' '", "the viewer=a.b");
        assertRejected("grants[2] 'x=y.*.z'", "pattern 'y.*.z'", "a=b.c", "d=e.*", "ok=z.z; x=y.*.z");
    }

    private static void assertRejected(String position, String reason, String... entries) {
        InputRejected rejected = assertThrows(InputRejected.class, () -> table(entries));
        assertEquals(position, rejected.position());
        assertTrue(rejected.reason().contains(reason), rejected.getMessage());
        assertTrue(rejected.getMessage().startsWith("configuration org.symphainy.securityguard attribute 'grants', "),
                rejected.getMessage());
    }
}
