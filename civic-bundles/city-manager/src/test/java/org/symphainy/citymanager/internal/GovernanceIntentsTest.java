package org.symphainy.citymanager.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.symphainy.citymanager.internal.Fixtures.intent;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.symphainy.sdk.governance.Decision;
import org.symphainy.sdk.governance.Stage;
import org.symphainy.sdk.identity.Principal;
import org.symphainy.sdk.intent.ErrorCode;
import org.symphainy.sdk.intent.HandlerRef;
import org.symphainy.sdk.intent.Intent;
import org.symphainy.sdk.intent.IntentException;
import org.symphainy.sdk.intent.IntentHandler;
import org.symphainy.sdk.runtime.Execution;
import org.symphainy.sdk.runtime.ExecutionState;
import org.symphainy.sdk.testkit.TestGovernanceContext;
import org.symphainy.sdk.testkit.TestContext;

/** Tenants and the policy changed by platform intents: checked when governed, applied once recorded, once. */
class GovernanceIntentsTest {

    private static final Principal ADMIN = new Principal("system", "admin", Set.of("admin"), "api-key");

    @TempDir
    Path dir;

    private TenantRegistry tenants;
    private CityManagerRole role;
    private int executions;

    @BeforeEach
    void start() throws IOException {
        tenants = new TenantRegistry(dir.resolve("tenants.json"));
        role = role();
    }

    @Test
    void aRecordedTenantChangeIsAppliedOnceAlsoAfterARestart() throws Exception {
        Execution create = run(new TenantCreateHandler(), "platform.tenant.create", "{\"tenant\": \"acme\", \"name\": \"Acme\"}");
        assertTrue(tenants.find("acme").isEmpty(), "nothing changes before the execution is applied");

        role.apply(create);
        assertEquals("Acme", tenants.find("acme").orElseThrow().displayName());
        Execution suspend = run(new TenantSuspendHandler(), "platform.tenant.suspend", "{\"tenant\": \"acme\", \"reason\": \"unpaid\"}");
        role.apply(suspend);
        assertEquals("unpaid", tenants.find("acme").orElseThrow().suspendedBecause());
        role.apply(run(new TenantResumeHandler(), "platform.tenant.resume", "{\"tenant\": \"acme\"}"));
        assertFalse(tenants.find("acme").orElseThrow().suspended());

        CityManagerRole restarted = role();
        restarted.apply(create);
        restarted.apply(suspend);
        assertFalse(tenants.find("acme").orElseThrow().suspended(), "executions applied before are not applied again");
        assertEquals(3, Files.readAllLines(dir.resolve("applied-executions")).size());
    }

    @Test
    void aSuspensionWithoutAReasonOrOfAnUnknownOrTheSystemTenantIsRefusedWhenGoverned() {
        assertEquals(ErrorCode.PAYLOAD_INVALID, assertThrows(IntentException.class, () -> new TenantSuspendHandler()
                .handle(admin("platform.tenant.suspend", "{\"tenant\": \"acme\"}"), TestContext.builder().build())).code());

        Decision unknown = decide("platform.tenant.suspend", "{\"tenant\": \"globex\", \"reason\": \"x\"}");
        Decision system = decide("platform.tenant.suspend", "{\"tenant\": \"system\", \"reason\": \"x\"}");

        assertEquals(Decision.PAYLOAD_INVALID, unknown.code());
        assertEquals("there is no tenant 'globex' to suspend; list the tenants to find its id", unknown.reasons().get(0));
        assertEquals(Decision.FORBIDDEN, system.code());
    }

    @Test
    void aPolicyIsCheckedWhenGovernedAndReplacesTheOneInForceOnceRecorded() throws Exception {
        Decision broken = decide("platform.policy.set", "{\"policy\": {\"rules\": [{\"id\": \"x\", \"effect\": \"allow\", "
                + "\"intent\": \"a.b\", \"when\": \"1 +\"}]}}");
        assertEquals(Decision.PAYLOAD_INVALID, broken.code());
        assertTrue(broken.reasons().get(0).contains("does not compile at line 1, column"), broken.reasons().get(0));

        Decision lockOut = decide("platform.policy.set", "{\"policy\": {\"rules\": [{\"id\": \"editors\", \"effect\": \"allow\", "
                + "\"intent\": \"content.*\"}]}}");
        assertEquals(Decision.FORBIDDEN, lockOut.code());
        assertTrue(lockOut.reasons().get(0).startsWith("this policy would deny your own next platform.policy.set "
                + "(deny (no rule))"), lockOut.reasons().get(0));

        String good = "{\"policy\": {\"rules\": [{\"id\": \"admins\", \"effect\": \"allow\", \"intent\": \"platform.*\", "
                + "\"tenant\": \"system\", \"when\": \"'admin' in principal.roles\"}, {\"id\": \"editors\", \"effect\": "
                + "\"allow\", \"intent\": \"content.*\"}]}, \"reason\": \"open content to everyone\"}";
        assertTrue(decide("platform.policy.set", good).allowed());
        tenants.create("acme", "Acme");
        assertEquals(Decision.FORBIDDEN, role.decide(intent("content.ingest", "acme"),
                TestGovernanceContext.of(Fixtures.principal("acme"))).code(), "the secure default is still in force");

        role.apply(run(new PolicySetHandler(), "platform.policy.set", good));

        assertTrue(role.decide(intent("content.ingest", "acme"), TestGovernanceContext.of(Fixtures.principal("acme"))).allowed());
        assertTrue(Files.readString(dir.resolve("policies.json")).contains("\"editors\""));
    }

    private CityManagerRole role() {
        return new CityManagerRole(tenants, dir, Fixtures.config("", "unlimited"), new Fixtures.ManualClock());
    }

    private Decision decide(String type, String payload) {
        return role.decide(admin(type, payload), TestGovernanceContext.of(ADMIN));
    }

    private static Intent admin(String type, String payload) {
        return intent(type, "system", payload).toBuilder().actor("admin").build();
    }

    /** What the Runtime would record for {@code handler} run on the intent. */
    private Execution run(IntentHandler handler, String type, String payload) throws Exception {
        Intent intent = admin(type, payload);
        String id = "e-" + (++executions);
        Instant at = Instant.parse("2026-11-25T10:00:00Z");
        return new Execution(id, intent, ExecutionState.COMPLETED, new HandlerRef("org.symphainy.city-manager", "0.1.0",
                type, "1.0.0"), List.of(Decision.allow(Stage.CITY_MANAGER, "ok")), List.of(),
                handler.handle(intent, TestContext.builder().build()).artifacts(), at, at, null, ADMIN);
    }
}
