package org.symphainy.citymanager.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.symphainy.citymanager.internal.Fixtures.intent;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.symphainy.sdk.governance.Decision;
import org.symphainy.sdk.governance.PolicyAdvisor;
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
import org.symphainy.sdk.runtime.ReplayReport;
import org.symphainy.sdk.runtime.Runtime;
import org.symphainy.sdk.runtime.Submission;
import org.symphainy.sdk.runtime.Subscription;

/** What-if over the recorded intents, each decided with the principal recorded with it. */
class WhatIfTest {

    private static final String IN_FORCE = """
            {"rules": [
              {"id": "editors", "effect": "allow", "intent": "content.*", "when": "'editor' in principal.roles"}
            ]}
            """;

    @TempDir
    Path dir;

    @Test
    void reportsTheRecordedIntentsWhoseDecisionWouldFlipNewestFirst() throws Exception {
        List<Execution> recorded = new ArrayList<>();
        for (int i = 0; i < 1_200; i++) { // more than one page of the Runtime's listing
            recorded.add(execution("e-" + i, i % 2 == 0 ? "content.ingest" : "content.export",
                    new Principal("acme", "alice", Set.of("editor"), "api-key")));
        }
        recorded.add(execution("e-viewer", "content.ingest", new Principal("acme", "bob", Set.of("viewer"), "jwt")));
        CityManagerRole role = role(recorded);

        PolicyAdvisor.WhatIf report = role.whatIf("""
                {"rules": [
                  {"id": "no-exports", "effect": "deny", "intent": "content.export"},
                  {"id": "everyone", "effect": "allow", "intent": "content.*"}
                ]}
                """, 1_101);

        assertEquals(1_101, report.examined());
        assertEquals(new PolicyAdvisor.Flip("e-viewer", "content.ingest", "acme", "bob", "deny (no rule)", "allow by 'everyone'"),
                report.flips().get(0), "the newest first; the viewer's roles are the recorded ones");
        assertEquals(new PolicyAdvisor.Flip("e-1199", "content.export", "acme", "alice", "allow by 'editors'",
                "deny by 'no-exports'"), report.flips().get(1));
        assertEquals(1 + 550, report.flips().size(), "the viewer, and every export among the 1,100 newest others");
    }

    @Test
    void aCandidateThatCannotBeUsedIsRefusedWithItsPosition() throws Exception {
        CityManagerRole role = role(List.of());

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> role.whatIf("{\"rules\": [{\"id\": \"x\", \"effect\": \"maybe\", \"intent\": \"a.b\"}]}", 10));

        assertTrue(e.getMessage().startsWith("candidate policy: rule #1 (id 'x') at line 1, column 12: effect 'maybe'"),
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> role.whatIf("{\"rules\": []}", 0));
    }

    @Test
    void thePolicyInForceIsTheFilesDocumentOrTheSecureDefault() throws Exception {
        CityManagerRole role = role(List.of());
        assertEquals(IN_FORCE, role.policyInForce());
        Files.delete(dir.resolve("policies.json"));
        role.configure(Fixtures.config("", "unlimited"));
        assertTrue(role.policyInForce().contains(SecureDefault.RULE_ID), role.policyInForce());
        Files.writeString(dir.resolve("policies.json"), "{\"rules\": [{\"id\": \"x\", \"effect\": \"maybe\"}]}");
        role.configure(Fixtures.config("", "unlimited"));
        assertTrue(role.policyInForce().contains(SecureDefault.RULE_ID), "a rejected document is not in force");
    }

    private CityManagerRole role(List<Execution> recorded) throws Exception {
        TenantRegistry tenants = new TenantRegistry(dir.resolve("tenants.json"));
        tenants.create("acme", "Acme");
        Files.writeString(dir.resolve("policies.json"), IN_FORCE);
        CityManagerRole role = new CityManagerRole(tenants, dir, Fixtures.config("", "unlimited"), new Fixtures.ManualClock());
        java.lang.reflect.Field runtime = CityManagerRole.class.getDeclaredField("runtime"); // what DS injects
        runtime.setAccessible(true);
        runtime.set(role, new Recorded(recorded));
        return role;
    }

    private static Execution execution(String id, String type, Principal principal) {
        Intent intent = intent(type, principal.tenant()).toBuilder().actor(principal.actor()).build();
        Instant at = Instant.parse("2026-11-25T10:00:00Z");
        return new Execution(id, intent, ExecutionState.COMPLETED, new HandlerRef("org.acme", "1.0.0", type, "1.0.0"),
                List.of(Decision.allow(Stage.CITY_MANAGER, "ok")), List.of(), List.of(), at, at, null, principal);
    }

    /** A Runtime over recorded executions, listed newest (last) first in pages, like the kernel's. */
    private record Recorded(List<Execution> executions) implements Runtime {

        @Override
        public Page<ExecutionSummary> query(ExecutionQuery query) {
            int from = query.cursor() == null ? executions.size() - 1 : Integer.parseInt(query.cursor());
            List<ExecutionSummary> items = new ArrayList<>();
            int i = from;
            for (; i >= 0 && items.size() < query.limit(); i--) {
                Execution e = executions.get(i);
                items.add(new ExecutionSummary(e.id(), e.intent().type(), e.tenant(), e.intent().actor(), e.state(),
                        e.acceptedAt(), e.endedAt()));
            }
            return new Page<>(items, i >= 0 ? Integer.toString(i) : null);
        }

        @Override
        public Optional<Execution> execution(String executionId) {
            return executions.stream().filter(e -> e.id().equals(executionId)).findFirst();
        }

        @Override
        public Submission submit(Intent intent) {
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
    }
}
