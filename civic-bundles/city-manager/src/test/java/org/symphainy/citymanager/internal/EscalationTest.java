package org.symphainy.citymanager.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.symphainy.citymanager.internal.Fixtures.intent;
import static org.symphainy.citymanager.internal.Fixtures.principal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.symphainy.sdk.governance.Decision;
import org.symphainy.sdk.governance.Stage;
import org.symphainy.sdk.identity.Principal;
import org.symphainy.sdk.intent.HandlerRef;
import org.symphainy.sdk.intent.Intent;
import org.symphainy.sdk.runtime.Execution;
import org.symphainy.sdk.runtime.ExecutionQuery;
import org.symphainy.sdk.runtime.ExecutionState;
import org.symphainy.sdk.runtime.ExecutionSummary;
import org.symphainy.sdk.runtime.ExecutionUpdate;
import org.symphainy.sdk.runtime.Page;
import org.symphainy.sdk.runtime.PlatformIntents;
import org.symphainy.sdk.runtime.ReplayReport;
import org.symphainy.sdk.runtime.Runtime;
import org.symphainy.sdk.runtime.Submission;
import org.symphainy.sdk.runtime.Subscription;
import org.symphainy.sdk.testkit.TestGovernanceContext;

/** Escalation ("approve" rules, four-eyes approvals) and the in-flight quota. */
class EscalationTest {

    private static final String POLICY = """
            {"rules": [
              {"id": "big-transfers", "effect": "approve", "intent": "payments.transfer",
               "when": "payload.amount > 10000", "reason": "large transfers need a second pair of eyes"},
              {"id": "payers", "effect": "allow", "intent": "payments.*"},
              {"id": "approvers", "effect": "allow", "intent": "platform.execution.*", "when": "'approver' in principal.roles"}
            ]}
            """;

    @TempDir
    Path dir;

    private TenantRegistry tenants;

    @BeforeEach
    void tenants() throws IOException {
        tenants = new TenantRegistry(dir.resolve("tenants.json"));
        tenants.create("acme", "Acme");
        tenants.create("globex", "Globex");
        Files.writeString(dir.resolve("policies.json"), POLICY);
    }

    @Test
    void anApproveRuleAllowsOnConditionOfASecondPrincipal() {
        CityManagerRole role = role("1000");

        Decision large = role.decide(intent("payments.transfer", "acme", "{\"amount\": 50000}"), context(0));
        Decision small = role.decide(intent("payments.transfer", "acme", "{\"amount\": 50}"), context(0));

        assertTrue(large.needsApproval(), large.toString());
        assertEquals("policy rule 'big-transfers' requires a second principal's approval of intent 'payments.transfer' "
                + "for tenant 'acme': large transfers need a second pair of eyes", large.reasons().get(0));
        assertTrue(small.allowed());
        assertFalse(small.needsApproval());
    }

    @Test
    void theInFlightQuotaDeniesWhileTheTenantHasAsManyExecutionsRunning() {
        CityManagerRole role = role("3", "globex=unlimited");

        assertTrue(role.decide(intent("payments.pay", "acme"), context(2)).allowed());
        Decision full = role.decide(intent("payments.pay", "acme"), context(3));
        assertTrue(role.decide(intent("payments.pay", "globex"), context(50_000)).allowed());

        assertEquals(Decision.QUOTA_EXCEEDED, full.code());
        assertEquals("tenant 'acme' has 3 executions in flight, its limit (maxInFlight 3); retry after some of them end",
                full.reasons().get(0));
    }

    @Test
    void aBadInFlightSettingIsReportedAndTheTenantKeepsTheDefault() {
        InFlightQuotas quotas = InFlightQuotas.read("lots", new String[] {"acme=0, globex=unlimited, initech"});

        assertEquals(1_000, quotas.limit("acme"));
        assertEquals(InFlightQuotas.UNLIMITED, quotas.limit("globex"));
        assertEquals(List.of("maxInFlight: 'lots' is not a count of 1 or more, or 'unlimited'; using 1000",
                "inFlightQuotas entry 'acme=0': '0' is not a count of 1 or more, or 'unlimited'; ignored, the tenant keeps the default",
                "inFlightQuotas entry 'initech' is not '<tenant>=<count>' (such as 'acme=200') or '<tenant>=unlimited'; ignored"),
                quotas.problems());
    }

    @Test
    void onlyASecondPrincipalOfTheTenantMayDecideAWaitingExecution() {
        Execution waiting = execution("e-1", "acme", "alice", ExecutionState.AWAITING_APPROVAL);
        Execution done = execution("e-2", "acme", "alice", ExecutionState.COMPLETED);
        ApprovalCheck check = new ApprovalCheck(() -> runtime(Map.of("e-1", waiting, "e-2", done)));

        assertEquals(Optional.empty(), check.refusal(approval("bob", "acme", "e-1")));
        assertRefused(check.refusal(approval("alice", "acme", "e-1")), Decision.FORBIDDEN,
                "alice submitted execution e-1 and cannot approve it: a second principal of tenant 'acme' must (four eyes)");
        assertRefused(check.refusal(approval("bob", "globex", "e-1")), Decision.FORBIDDEN,
                "tenant 'globex' has no execution e-1 to approve; list its executions awaiting approval to find the id");
        assertRefused(check.refusal(approval("bob", "acme", "e-2")), Decision.NOT_AWAITING_APPROVAL,
                "execution e-2 is COMPLETED, not waiting for approval; nothing to approve");
        assertRefused(check.refusal(intent(PlatformIntents.REJECT, "acme", "{\"id\": \"e-1\"}")), Decision.PAYLOAD_INVALID,
                "platform.execution.reject names no execution; send {\"executionId\": \"...\", \"reason\": \"...\"}");
    }

    @Test
    void theRoleRecordsARefusedApprovalAsItsDenialAndAllowsAGoodOneByPolicy() {
        CityManagerRole role = role("1000");
        Principal bob = new Principal("acme", "bob", java.util.Set.of("approver"), "api-key");

        Decision self = role.decide(approval("alice", "acme", "e-1"), TestGovernanceContext.of(principal("acme", "approver")));

        assertEquals(Decision.ROLE_UNAVAILABLE, self.code(), "no Runtime registered: nothing to look the execution up in");
        assertTrue(role.decide(intent("payments.pay", "acme"), TestGovernanceContext.of(bob)).allowed());
    }

    private CityManagerRole role(String maxInFlight, String... inFlightQuotas) {
        return new CityManagerRole(tenants, dir, Fixtures.config("", "unlimited", new String[0], maxInFlight, inFlightQuotas),
                new Fixtures.ManualClock());
    }

    private static TestGovernanceContext context(int inFlight) {
        return TestGovernanceContext.of(principal("acme", "payer")).withTenantInFlight(inFlight);
    }

    private static Intent approval(String actor, String tenant, String executionId) {
        return intent(PlatformIntents.APPROVE, tenant, "{\"executionId\": \"" + executionId + "\", \"reason\": \"ok\"}")
                .toBuilder().actor(actor).build();
    }

    private static void assertRefused(Optional<Decision> refusal, String code, String reason) {
        assertTrue(refusal.isPresent(), "refused");
        assertEquals(Stage.CITY_MANAGER, refusal.get().stage());
        assertEquals(code, refusal.get().code());
        assertEquals(reason, refusal.get().reasons().get(0));
    }

    private static Execution execution(String id, String tenant, String actor, ExecutionState state) {
        Intent intent = intent("payments.transfer", tenant).toBuilder().actor(actor).build();
        Instant at = Instant.parse("2026-11-25T10:00:00Z");
        return new Execution(id, intent, state, new HandlerRef("org.acme.payments", "1.0.0", "payments.transfer", "1.0.0"),
                List.of(Decision.allowOnApproval(Stage.CITY_MANAGER, "big")), List.of(), List.of(), at,
                state.isTerminal() ? at : null, null);
    }

    /** A Runtime that knows only {@code executions}. */
    private static Runtime runtime(Map<String, Execution> executions) {
        return new Runtime() {
            @Override
            public Optional<Execution> execution(String executionId) {
                return Optional.ofNullable(executions.get(executionId));
            }

            @Override
            public Submission submit(Intent intent) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Page<ExecutionSummary> query(ExecutionQuery query) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Subscription subscribe(String executionId, Consumer<ExecutionUpdate> listener) {
                throw new UnsupportedOperationException();
            }

            @Override
            public ReplayReport replay(String executionId) {
                throw new UnsupportedOperationException();
            }
        };
    }
}
