package org.symphainy.datasteward.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.symphainy.datasteward.internal.Configs.config;
import static org.symphainy.datasteward.internal.Intents.context;
import static org.symphainy.datasteward.internal.Intents.intent;
import static org.symphainy.datasteward.internal.Intents.principal;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.symphainy.sdk.governance.Decision;
import org.symphainy.sdk.identity.Principal;

/** Personal data: classified payload fields need a principal with the personal-data role. */
class PersonalDataDecisionTest {

    private static final String CUSTOMER = "{\"customer\":{\"name\":\"Ann\",\"email\":\"ann@example.com\"},"
            + "\"ssn\":\"078-05-1120\"}";

    private final DataStewardRole role = new DataStewardRole(
            config().personalFields("customer.email", "ssn", "orders.shipping.phone").build());

    private Decision decide(String payload, Principal principal) {
        return role.decide(intent("acme", payload), context(principal));
    }

    @Test
    void aPrincipalWithThePersonalDataRoleMaySubmitPersonalFields() {
        Decision decision = decide(CUSTOMER, principal("acme", "personal-data"));

        assertTrue(decision.allowed(), decision.toString());
        assertEquals(List.of("no data sources referenced; personal fields customer.email, ssn allowed: alice@acme has "
                + "role 'personal-data'"), decision.reasons());
    }

    @Test
    void anAdminMaySubmitPersonalFields() {
        Decision decision = decide(CUSTOMER, principal("acme", "admin"));

        assertTrue(decision.allowed(), decision.toString());
        assertTrue(decision.reasons().get(0).endsWith("alice@acme has role 'admin'"), decision.toString());
    }

    @Test
    void aPrincipalWithoutTheRoleIsForbiddenAndTheReasonNamesFieldsNotValues() {
        Decision decision = decide(CUSTOMER, principal("acme", "content-editor"));

        assertEquals(Decision.FORBIDDEN, decision.code());
        assertEquals(List.of("alice@acme may not submit personal data (fields customer.email, ssn): that needs the role "
                + "'personal-data' (or 'admin'); grant alice the role 'personal-data', or leave these fields out of "
                + "the payload"), decision.reasons());
        assertFalse(decision.toString().contains("ann@example.com"));
        assertFalse(decision.toString().contains("078-05-1120"));
    }

    @Test
    void aFieldNameWrittenWithEscapesIsStillFound() {
        Decision nested = decide("{\"customer\":{\"em\\u0061il\":\"ann@example.com\"}}", principal("acme"));
        Decision top = decide("{\"s\\u0073n\":\"078-05-1120\"}", principal("acme"));

        assertTrue(nested.reasons().get(0).contains("(field customer.email)"), nested.toString());
        assertEquals(Decision.FORBIDDEN, top.code(), top.toString());
        assertTrue(top.reasons().get(0).contains("(field ssn)"), top.toString());
    }

    @Test
    void withoutAPrincipalPersonalFieldsAreUnauthenticated() {
        Decision decision = decide("{\"ssn\":\"078-05-1120\"}", null);

        assertEquals(Decision.UNAUTHENTICATED, decision.code());
        assertTrue(decision.reasons().get(0).startsWith("the payload holds personal data (field ssn) but the intent's "
                + "session proves no one"), decision.toString());
    }

    @Test
    void withoutPersonalFieldsNoPrincipalIsNeeded() {
        Decision decision = decide("{\"customer\":{\"name\":\"Ann\"},\"ssnNote\":\"none\"}", null);

        assertTrue(decision.allowed(), decision.toString());
    }

    @Test
    void aNullOrAbsentFieldIsNotPersonalData() {
        Decision decision = decide("{\"customer\":{\"email\":null},\"ssn\":null,\"orders\":null}",
                principal("acme"));

        assertTrue(decision.allowed(), decision.toString());
    }

    @Test
    void findsFieldsAtNestedPathsOnlyWhereThePathLeads() {
        Principal nobody = principal("acme");

        assertEquals(Decision.FORBIDDEN,
                decide("{\"orders\":{\"id\":7,\"shipping\":{\"phone\":\"555\"}}}", nobody).code());
        assertTrue(decide("{\"orders\":{\"shipping\":{\"street\":\"Main\"}},\"phone\":\"555\"}", nobody).allowed());
        assertTrue(decide("{\"email\":\"x\",\"other\":{\"customer\":{\"email\":\"x\"}}}", nobody).allowed());
        assertTrue(decide("{\"customer\":\"ann@example.com\"}", nobody).allowed(), "customer is not customer.email");
    }

    @Test
    void aPathThroughAnArrayAppliesToEachElement() {
        Decision decision = decide("{\"orders\":[{\"id\":1},{\"shipping\":[{\"phone\":null},{\"phone\":\"555\"}]}]}",
                principal("acme"));

        assertEquals(Decision.FORBIDDEN, decision.code());
        assertTrue(decision.reasons().get(0).contains("(field orders.shipping.phone)"), decision.toString());
    }

    @Test
    void aClassifiedObjectOrEmptyValueStillCounts() {
        DataStewardRole whole = new DataStewardRole(config().personalFields("customer", "customer.email").build());

        Decision decision = whole.decide(intent("acme", "{\"customer\":{\"email\":\"\"}}"), context(principal("acme")));

        assertEquals(Decision.FORBIDDEN, decision.code());
        assertTrue(decision.reasons().get(0).contains("(fields customer, customer.email)"), decision.toString());
    }

    @Test
    void theRoleIsConfigurable() {
        DataStewardRole custom = new DataStewardRole(config().personalFields("ssn").personalDataRole("pii").build());

        assertTrue(custom.decide(intent("acme", "{\"ssn\":\"1\"}"), context(principal("acme", "pii"))).allowed());
        Decision denied = custom.decide(intent("acme", "{\"ssn\":\"1\"}"), context(principal("acme", "personal-data")));
        assertTrue(denied.reasons().get(0).contains("needs the role 'pii' (or 'admin')"), denied.toString());
    }

    @Test
    void aBoundaryViolationAndAMissingRoleAreReportedTogether() {
        Decision decision = decide("{\"dataSource\":\"crm.contacts\",\"ssn\":\"1\"}", principal("acme"));

        assertEquals(Decision.FORBIDDEN, decision.code());
        assertEquals(2, decision.reasons().size(), decision.toString());
        assertTrue(decision.reasons().get(0).startsWith("tenant 'acme' may not reference"), decision.toString());
        assertTrue(decision.reasons().get(1).startsWith("alice@acme may not submit personal data"), decision.toString());
    }

    @Test
    void personalDataWithoutAPrincipalIsUnauthenticatedEvenBesideABoundaryViolation() {
        Decision decision = decide("{\"dataSource\":\"crm.contacts\",\"ssn\":\"1\"}", null);

        assertEquals(Decision.UNAUTHENTICATED, decision.code());
        assertEquals(2, decision.reasons().size(), decision.toString());
    }
}
