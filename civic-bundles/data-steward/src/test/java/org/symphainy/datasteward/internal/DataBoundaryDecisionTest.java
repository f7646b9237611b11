package org.symphainy.datasteward.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.symphainy.datasteward.internal.Configs.config;
import static org.symphainy.datasteward.internal.Intents.context;
import static org.symphainy.datasteward.internal.Intents.intent;
import static org.symphainy.datasteward.internal.Intents.principal;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.symphainy.sdk.governance.Decision;
import org.symphainy.sdk.governance.Stage;
import org.symphainy.sdk.intent.Intent;
import org.symphainy.sdk.intent.Json;

/** Data boundaries: which tenant may reference which data sources. */
class DataBoundaryDecisionTest {

    private static final String CONTACTS = "{\"dataSources\":[\"crm.contacts\"]}";

    private static Decision decide(DataStewardRole role, String tenant, String payload) {
        return role.decide(intent(tenant, payload), context(principal(tenant)));
    }

    @Test
    void byDefaultOnlyTheSystemTenantReferencesDataSources() {
        DataStewardRole role = new DataStewardRole(Configs.defaults());

        Decision system = decide(role, "system", CONTACTS);
        Decision acme = decide(role, "acme", CONTACTS);

        assertTrue(system.allowed(), system.toString());
        assertEquals(Stage.DATA_STEWARD, system.stage());
        assertEquals(List.of("sources crm.contacts within system's boundary; no personal fields"), system.reasons());
        assertEquals(Decision.FORBIDDEN, acme.code());
        String reason = acme.reasons().get(0);
        assertTrue(reason.contains("tenant 'acme' may not reference data source 'crm.contacts'"), reason);
        assertTrue(reason.contains("acme may reference: no data source"), reason);
        assertTrue(reason.contains("add 'acme=crm.contacts' (or a prefix such as 'acme=crm.*') to 'boundaries' in "
                + "configuration org.symphainy.datasteward"), reason);
    }

    @Test
    void anIntentReferencingNoSourceIsAllowedForAnyTenant() {
        Decision decision = decide(new DataStewardRole(Configs.defaults()), "acme", "{\"text\":\"hello\"}");

        assertTrue(decision.allowed(), decision.toString());
        assertEquals(List.of("no data sources referenced; no personal fields"), decision.reasons());
    }

    @Test
    void anExactPatternAllowsThatSourceOnly() {
        DataStewardRole role = new DataStewardRole(config().boundaries("acme=crm.contacts").build());

        assertTrue(decide(role, "acme", CONTACTS).allowed());
        Decision deals = decide(role, "acme", "{\"dataSource\":\"crm.deals\"}");
        assertEquals(Decision.FORBIDDEN, deals.code());
        assertTrue(deals.reasons().get(0).contains("'crm.deals'"), deals.toString());
        assertTrue(deals.reasons().get(0).contains("acme may reference: crm.contacts"), deals.toString());
    }

    @Test
    void aPrefixPatternAllowsEverySourceBelowIt() {
        DataStewardRole role = new DataStewardRole(config().boundaries("acme=crm.*").build());

        Decision allowed = decide(role, "acme",
                "{\"dataSources\":[\"crm.contacts\",\"crm.deals.archive\"],\"dataSource\":\"crm.contacts\"}");
        Decision denied = decide(role, "acme", "{\"dataSources\":[\"crm.contacts\",\"erp.orders\",\"hr.pay\"]}");

        assertEquals(List.of("sources crm.contacts, crm.deals.archive within acme's boundary; no personal fields"),
                allowed.reasons());
        assertEquals(Decision.FORBIDDEN, denied.code());
        String reason = denied.reasons().get(0);
        assertTrue(reason.contains("data sources 'erp.orders', 'hr.pay':"), reason);
        assertTrue(reason.contains("add 'acme=erp.orders,hr.pay'"), reason);
        assertFalse(reason.contains("'crm.contacts'"), reason);
    }

    @Test
    void aStarAllowsEverySource() {
        DataStewardRole role = new DataStewardRole(config().boundaries("acme=*").build());

        assertTrue(decide(role, "acme", "{\"dataSources\":[\"hr.salaries\",\"erp.orders\"]}").allowed());
        assertEquals(Decision.FORBIDDEN, decide(role, "beta", "{\"dataSource\":\"hr.salaries\"}").code());
    }

    @Test
    void entriesForOneTenantAddUpAndSemicolonsSeparateEntries() {
        DataStewardRole role = new DataStewardRole(
                config().boundaries("acme=crm.contacts", "acme = erp.* ; beta=hr.*, crm.deals").build());

        assertTrue(decide(role, "acme", "{\"dataSources\":[\"crm.contacts\",\"erp.orders\"]}").allowed());
        assertTrue(decide(role, "beta", "{\"dataSources\":[\"hr.pay\",\"crm.deals\"]}").allowed());
        assertEquals(Decision.FORBIDDEN, decide(role, "beta", CONTACTS).code());
    }

    @Test
    void configuringSystemReplacesItsDefault() {
        DataStewardRole unnamed = new DataStewardRole(config().boundaries("acme=crm.*").build());
        DataStewardRole named = new DataStewardRole(config().boundaries("system=crm.*").build());

        assertTrue(decide(unnamed, "system", "{\"dataSource\":\"hr.salaries\"}").allowed());
        assertEquals(Decision.FORBIDDEN, decide(named, "system", "{\"dataSource\":\"hr.salaries\"}").code());
        assertTrue(decide(named, "system", CONTACTS).allowed());
    }

    @Test
    void referencesItCannotReadAreDeniedAsInvalidPayloads() {
        DataStewardRole role = new DataStewardRole(config().boundaries("acme=*").build());

        Decision notArray = decide(role, "acme", "{\"dataSources\":\"crm.contacts\"}");
        Decision number = decide(role, "acme", "{\"dataSources\":[\"crm.contacts\",42,null]}");
        Decision badName = decide(role, "acme", "{\"dataSource\":\"CRM Contacts\"}");
        Decision object = decide(role, "acme", "{\"dataSource\":{\"name\":\"crm.contacts\"}}");

        assertEquals(Decision.PAYLOAD_INVALID, notArray.code());
        assertTrue(notArray.reasons().get(0).contains("'dataSources' is a string; make it an array"), notArray.toString());
        assertEquals(List.of("'dataSources[1]' is a number; name the data source as a string such as \"crm.contacts\"",
                "'dataSources[2]' is null; name the data source as a string such as \"crm.contacts\""), number.reasons());
        assertTrue(badName.reasons().get(0).contains("'dataSource' (\"CRM Contacts\") is not a data source name"),
                badName.toString());
        assertEquals(Decision.PAYLOAD_INVALID, object.code());
        assertTrue(object.reasons().get(0).contains("'dataSource' is an object"), object.toString());
    }

    @Test
    void nullReferencesReferenceNothing() {
        Decision decision = decide(new DataStewardRole(Configs.defaults()), "acme",
                "{\"dataSource\":null,\"dataSources\":null}");

        assertTrue(decision.allowed(), decision.toString());
    }

    @Test
    void onlyTopLevelMembersReferenceSources() {
        Decision decision = decide(new DataStewardRole(Configs.defaults()), "acme",
                "{\"query\":{\"dataSource\":\"hr.salaries\",\"dataSources\":[\"hr.pay\"]},\"note\":\"dataSources\"}");

        assertTrue(decision.allowed(), decision.toString());
    }

    @Test
    void aPayloadThatIsNotAnObjectReferencesNothing() {
        DataStewardRole role = new DataStewardRole(config().personalFields("dataSourceX").build());

        for (String payload : new String[] {"[\"crm.contacts\"]", "\"crm.contacts\"", "42", "null", "true"}) {
            Decision decision = decide(role, "acme", payload);
            assertEquals(List.of("no data sources referenced; no personal fields"), decision.reasons(), payload);
        }
    }

    @Test
    void namesWrittenWithEscapesOrInUtf16AreStillFound() {
        DataStewardRole role = new DataStewardRole(Configs.defaults());
        Intent utf16 = Intent.builder("content.ingest").tenant("acme").session("ses-1").actor("alice")
                .correlationId("corr-1").payload(Json.of("{\"dataSource\":\"crm.contacts\"}"
                        .getBytes(StandardCharsets.UTF_16BE))).build();

        Decision escaped = decide(role, "acme", "{\"data\\u0053ource\":\"crm.contacts\"}");
        Decision wide = role.decide(utf16, context(principal("acme")));

        assertEquals(Decision.FORBIDDEN, escaped.code(), escaped.toString());
        assertEquals(Decision.FORBIDDEN, wide.code(), wide.toString());
        assertTrue(wide.reasons().get(0).contains("'crm.contacts'"), wide.toString());
    }

    @Test
    void aMalformedObjectIsDeniedRatherThanHalfRead() {
        Decision decision = decide(new DataStewardRole(Configs.defaults()), "acme",
                "{\"text\":\"x\", \"dataSources\":[\"crm.contacts\"");

        assertEquals(Decision.PAYLOAD_INVALID, decision.code());
        assertTrue(decision.reasons().get(0).startsWith("the payload is not well-formed JSON ("), decision.toString());
    }

    @Test
    void aSecondValueAfterTheObjectCannotHideReferences() {
        Decision decision = decide(new DataStewardRole(Configs.defaults()), "acme",
                "{\"text\":\"x\"} {\"dataSource\":\"crm.contacts\"}");

        assertEquals(Decision.PAYLOAD_INVALID, decision.code());
        assertTrue(decision.reasons().get(0).startsWith("the payload has more after its JSON object (at line 1"),
                decision.toString());
    }
}
