package org.symphainy.citymanager.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.symphainy.citymanager.internal.Fixtures.context;
import static org.symphainy.citymanager.internal.Fixtures.intent;
import static org.symphainy.citymanager.internal.Fixtures.principal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.symphainy.citymanager.internal.Fixtures.ManualClock;
import org.symphainy.sdk.governance.Decision;
import org.symphainy.sdk.governance.Stage;
import org.symphainy.sdk.identity.Principal;

/** Every path through the City Manager's decision, in its order: tenant, suspension, quota, policy. */
class CityManagerRoleTest {

    private static final Principal ACME_EDITOR = principal("acme", "editor");
    private static final String POLICY = """
            {"rules": [
              {"id": "no-exports", "effect": "deny", "intent": "content.export", "reason": "exports are off"},
              {"id": "editors", "effect": "allow", "intent": "content.*", "when": "'editor' in principal.roles"}
            ]}
            """;

    @TempDir
    Path dir;

    private final ManualClock clock = new ManualClock();
    private TenantRegistry tenants;

    @BeforeEach
    void tenants() throws IOException {
        tenants = new TenantRegistry(dir.resolve("tenants.json"));
        tenants.create("acme", "Acme");
    }

    private CityManagerRole role(String defaultQuota, String... quotas) {
        return new CityManagerRole(tenants, dir, Fixtures.config("", defaultQuota, quotas), clock);
    }

    private CityManagerRole roleWithPolicy() throws IOException {
        Files.writeString(dir.resolve("policies.json"), POLICY);
        return role("unlimited");
    }

    @Test
    void anUnknownTenantIsDeniedWithUnknownTenant() throws IOException {
        Decision decision = roleWithPolicy().decide(intent("content.ingest", "nobody"), context(ACME_EDITOR));

        assertEquals(Stage.CITY_MANAGER, decision.stage());
        assertEquals(Decision.UNKNOWN_TENANT, decision.code());
        assertTrue(decision.reasons().get(0).startsWith("tenant 'nobody' does not exist; create it with"),
                decision.toString());
    }

    @Test
    void aSuspendedTenantIsDeniedWithTheSuspensionReason() throws IOException {
        CityManagerRole role = roleWithPolicy();
        tenants.suspend("acme", "invoice 42 unpaid");

        Decision decision = role.decide(intent("content.ingest", "acme"), context(ACME_EDITOR));

        assertEquals(Decision.FORBIDDEN, decision.code());
        assertEquals("tenant 'acme' is suspended: invoice 42 unpaid; an administrator must resume it first",
                decision.reasons().get(0));
        tenants.resume("acme");
        assertTrue(role.decide(intent("content.ingest", "acme"), context(ACME_EDITOR)).allowed());
    }

    @Test
    void overTheQuotaIsDeniedWithWhenToRetry() throws IOException {
        Files.writeString(dir.resolve("policies.json"), POLICY);
        CityManagerRole role = role("unlimited", "acme=2/2");

        assertTrue(role.decide(intent("content.ingest", "acme"), context(ACME_EDITOR)).allowed());
        assertTrue(role.decide(intent("content.ingest", "acme"), context(ACME_EDITOR)).allowed());
        Decision third = role.decide(intent("content.ingest", "acme"), context(ACME_EDITOR));

        assertEquals(Decision.QUOTA_EXCEEDED, third.code());
        assertEquals("tenant 'acme' is over its rate quota (2 intents/s, burst 2); retry after 500 ms",
                third.reasons().get(0));
        clock.advanceMillis(500);
        assertTrue(role.decide(intent("content.ingest", "acme"), context(ACME_EDITOR)).allowed());
    }

    @Test
    void anAllowanceNamesTheRule() throws IOException {
        Decision decision = roleWithPolicy().decide(intent("content.ingest", "acme"), context(ACME_EDITOR));

        assertTrue(decision.allowed());
        assertEquals("policy rule 'editors' allows intent 'content.ingest' for tenant 'acme'", decision.reasons().get(0));
    }

    @Test
    void aDenyRuleDeniesWithForbiddenAndItsReason() throws IOException {
        Decision decision = roleWithPolicy().decide(intent("content.export", "acme"), context(ACME_EDITOR));

        assertEquals(Decision.FORBIDDEN, decision.code());
        assertEquals("policy rule 'no-exports' denies intent 'content.export' for tenant 'acme': exports are off",
                decision.reasons().get(0));
    }

    @Test
    void noMatchingRuleDeniesWithForbidden() throws IOException {
        Decision decision = roleWithPolicy().decide(intent("content.ingest", "acme"), context(principal("acme")));

        assertEquals(Decision.FORBIDDEN, decision.code());
        assertTrue(decision.reasons().get(0).startsWith("no policy allows intent 'content.ingest' for tenant 'acme'; "
                + "add a rule to " + dir.resolve("policies.json")), decision.toString());
    }

    @Test
    void withoutAPolicyFileOnlyTheBootstrapAdministratorsPlatformIntentsPass() {
        CityManagerRole role = role("unlimited");
        Principal admin = principal("system", "admin");

        assertTrue(role.decide(intent("platform.echo", "system"), context(admin)).allowed());
        assertFalse(role.decide(intent("content.ingest", "system"), context(admin)).allowed());
        assertFalse(role.decide(intent("platform.echo", "system"), context(principal("system", "viewer")))
                .allowed());
        assertFalse(role.decide(intent("content.ingest", "acme"), context(ACME_EDITOR)).allowed());
    }

    @Test
    void aConfigurationUpdateRereadsThePolicyAndTheQuotas() throws IOException {
        CityManagerRole role = role("1/1");
        assertFalse(role.decide(intent("content.ingest", "acme"), context(ACME_EDITOR)).allowed());

        Path elsewhere = dir.resolve("etc/policies.json");
        Files.createDirectories(elsewhere.getParent());
        Files.writeString(elsewhere, POLICY);
        role.configure(Fixtures.config(elsewhere.toString(), "unlimited"));

        for (int i = 0; i < 5; i++) {
            assertTrue(role.decide(intent("content.ingest", "acme"), context(ACME_EDITOR)).allowed());
        }
        assertEquals(List.of("no-exports", "editors"), role.policy().rules().stream().map(PolicyRule::id).toList());
    }

    @Test
    void theRoleReloadsAChangedPolicyFile() throws IOException {
        CityManagerRole role = roleWithPolicy();
        Files.writeString(dir.resolve("policies.json"), "[{\"id\": \"all\", \"effect\": \"allow\", \"intent\": \"*\"}]");
        Files.setLastModifiedTime(dir.resolve("policies.json"),
                java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 60_000));

        role.reloadIfChanged();

        assertTrue(role.decide(intent("content.export", "acme"), context(principal("acme"))).allowed());
    }
}
