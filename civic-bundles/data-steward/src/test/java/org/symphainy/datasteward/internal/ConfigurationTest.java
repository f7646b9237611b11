package org.symphainy.datasteward.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.symphainy.datasteward.internal.Configs.config;
import static org.symphainy.datasteward.internal.Intents.context;
import static org.symphainy.datasteward.internal.Intents.intent;
import static org.symphainy.datasteward.internal.Intents.principal;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.symphainy.sdk.governance.Decision;

/** Configuration: invalid entries are named and refused, and the policy in force stays. */
class ConfigurationTest {

    private static final String CONTACTS = "{\"dataSource\":\"crm.contacts\"}";

    private static Decision decide(DataStewardRole role, String tenant, String payload) {
        return role.decide(intent(tenant, payload), context(principal(tenant)));
    }

    private static List<String> problems(DataStewardConfig config) {
        PolicyReader.Reading reading = PolicyReader.read(config);
        assertNull(reading.policy(), "an invalid configuration gives no policy");
        return reading.problems();
    }

    @Test
    void eachInvalidBoundaryEntryIsNamedWithItsAttributeIndexAndWhatIsWrong() {
        List<String> problems = problems(config().boundaries("acme=crm.*", "acme", "=crm.*", "beta=",
                "gamma=crm.*,,erp.*", "delta=CRM").build());

        assertEquals(List.of(
                "boundaries[1] 'acme': it has no '='; write '<tenant>=<pattern>[,<pattern>...]' such as 'acme=crm.*'",
                "boundaries[2] '=crm.*': it names no tenant before '='; write '<tenant>=<pattern>[,<pattern>...]' "
                        + "such as 'acme=crm.*'",
                "boundaries[3] 'beta=': it lists no pattern after '='; write '<tenant>=<pattern>[,<pattern>...]' "
                        + "such as 'acme=crm.*' ('*' allows every source)",
                "boundaries[4] 'gamma=crm.*,,erp.*': pattern 2 is empty; remove the extra ','",
                "boundaries[5] 'delta=CRM': pattern 'CRM' is not a dotted lower-case name (crm.contacts), a prefix "
                        + "ending in '.*' (crm.*) or '*'; use segments of a-z, 0-9, '_' or '-', each starting with a "
                        + "letter"), problems);
    }

    @Test
    void entriesSharingAnElementAreNamedByPart() {
        List<String> problems = problems(config().boundaries("acme=crm.*;beta").build());

        assertEquals(List.of("boundaries[0] part 2 'beta': it has no '='; write '<tenant>=<pattern>[,<pattern>...]' "
                + "such as 'acme=crm.*'"), problems);
    }

    @Test
    void badPathsRolesAndKindPatternsAreNamed() {
        List<String> problems = problems(config().personalFields("customer..email", "ssn", ".x", "a[0].b",
                "dataSources.x").personalDataRole(" ").requireInputsFor("insights.*", "Insights").build());

        assertEquals(6, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("personalFields[0] 'customer..email': the path has an empty segment"),
                problems.get(0));
        assertTrue(problems.get(1).startsWith("personalFields[2] '.x': the path has an empty segment"), problems.get(1));
        assertTrue(problems.get(2).startsWith("personalFields[3] 'a[0].b': the path contains '['"), problems.get(2));
        assertTrue(problems.get(3).startsWith("personalFields[4] 'dataSources.x': 'dataSources' holds the data source "
                + "names"), problems.get(3));
        assertTrue(problems.get(4).startsWith("requireInputsFor[1] 'Insights': pattern 'Insights' is not"),
                problems.get(4));
        assertTrue(problems.get(5).startsWith("personalDataRole '': the role is blank"), problems.get(5));
    }

    @Test
    void blankEntriesAreIgnoredAndListsMaySeparateWithCommas() {
        PolicyReader.Reading reading = PolicyReader.read(config().boundaries("", " ; acme=crm.* ;")
                .personalFields("customer.email, ssn").requireInputsFor("insights.*;outcomes.*").build());

        assertEquals(List.of(), reading.problems());
        assertNotNull(reading.policy());
        assertTrue(reading.policy().toString().contains("personal fields customer.email, ssn"),
                reading.policy().toString());
        assertTrue(reading.policy().provenance().requiresInputs("outcomes.plan"));
    }

    @Test
    void anInvalidFirstConfigurationLeavesTheSecureDefaultAndActivates() {
        DataStewardRole role = new DataStewardRole(config().boundaries("acme=*", "broken").personalFields("ssn")
                .build());

        assertEquals(Decision.FORBIDDEN, decide(role, "acme", CONTACTS).code(), "acme=* must not apply");
        assertTrue(decide(role, "system", CONTACTS).allowed());
        assertTrue(decide(role, "acme", "{\"ssn\":\"1\"}").allowed(), "ssn must not be classified");
    }

    @Test
    void anInvalidChangeKeepsThePreviousConfiguration() {
        DataStewardRole role = new DataStewardRole(config().boundaries("acme=crm.*").personalFields("ssn").build());
        ProvenanceChecker before = role.provenanceChecker();

        role.modified(config().boundaries("acme=*", "beta=crm.*").personalFields("ssn..x")
                .requireInputsFor("insights.*").build());

        assertTrue(decide(role, "acme", CONTACTS).allowed());
        assertEquals(Decision.FORBIDDEN, decide(role, "acme", "{\"dataSource\":\"hr.pay\"}").code(),
                "acme=* must not apply");
        assertEquals(Decision.FORBIDDEN, decide(role, "beta", CONTACTS).code(), "beta=crm.* must not apply");
        assertEquals(Decision.FORBIDDEN, decide(role, "acme", "{\"ssn\":\"1\"}").code(), "ssn stays classified");
        assertEquals(before, role.provenanceChecker());
    }

    @Test
    void aValidChangeAppliesAtOnce() {
        DataStewardRole role = new DataStewardRole(config().boundaries("acme=crm.*").build());

        role.modified(config().boundaries("acme=hr.*").requireInputsFor("insights.*").build());

        assertEquals(Decision.FORBIDDEN, decide(role, "acme", CONTACTS).code());
        assertTrue(decide(role, "acme", "{\"dataSource\":\"hr.pay\"}").allowed());
        assertTrue(role.provenanceChecker().requiresInputs("insights.report"));
    }
}
