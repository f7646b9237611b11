package org.symphainy.citymanager.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.symphainy.citymanager.internal.Fixtures.facts;
import static org.symphainy.citymanager.internal.Fixtures.intent;
import static org.symphainy.citymanager.internal.Fixtures.principal;

import org.junit.jupiter.api.Test;
import org.symphainy.sdk.identity.Principal;
import org.symphainy.sdk.intent.Intent;

/** Rule matching: exact types, prefixes, tenants, conditions over roles and payload, first match, no match. */
class PolicyTest {

    private static final Principal EDITOR = principal("acme", "editor");

    private static PolicyVerdict decide(Policy policy, Intent intent, Principal principal) {
        return policy.decide(facts(intent, principal));
    }

    @Test
    void matchesExactTypesPrefixesAndEveryType() throws InvalidPolicy {
        Policy policy = Fixtures.compile("""
                [{"id": "exact", "effect": "allow", "intent": "content.ingest"},
                 {"id": "prefix", "effect": "allow", "intent": "content.*"},
                 {"id": "all", "effect": "deny", "intent": "*"}]
                """);

        assertEquals("exact", decide(policy, intent("content.ingest", "acme"), EDITOR).ruleId());
        assertEquals("prefix", decide(policy, intent("content.parse", "acme"), EDITOR).ruleId());
        assertEquals("prefix", decide(policy, intent("content.parse.batch", "acme"), EDITOR).ruleId());
        assertEquals("all", decide(policy, intent("contents.parse", "acme"), EDITOR).ruleId());
        assertFalse(decide(policy, intent("insights.query", "acme"), EDITOR).allowed());
    }

    @Test
    void aTenantRuleAppliesToItsTenantOnly() throws InvalidPolicy {
        Policy policy = Fixtures.compile("""
                [{"id": "acme-only", "effect": "allow", "intent": "content.ingest", "tenant": "acme"}]
                """);

        assertTrue(decide(policy, intent("content.ingest", "acme"), EDITOR).allowed());
        PolicyVerdict other = decide(policy, intent("content.ingest", "globex"), principal("globex", "editor"));
        assertFalse(other.allowed());
        assertNull(other.ruleId());
    }

    @Test
    void conditionsSeeRolesIntentAndPayload() throws InvalidPolicy {
        Policy policy = Fixtures.compile("""
                [{"id": "big-orders-need-managers", "effect": "deny", "intent": "orders.place",
                  "when": "payload.amount > 1000 && !('manager' in principal.roles)", "reason": "over the limit"},
                 {"id": "tagged", "effect": "allow", "intent": "orders.place",
                  "when": "has(payload.tags) && payload.tags.exists(t, t == 'rush') && intent.actor == 'alice'"},
                 {"id": "editors", "effect": "allow", "intent": "orders.place", "when": "'editor' in principal.roles"}]
                """);

        PolicyVerdict big = decide(policy, intent("orders.place", "acme", "{\"amount\": 1500.5}"), EDITOR);
        assertFalse(big.allowed());
        assertEquals("big-orders-need-managers", big.ruleId());
        assertTrue(big.reason().endsWith("denies intent 'orders.place' for tenant 'acme': over the limit"), big.reason());
        assertEquals("editors", decide(policy, intent("orders.place", "acme", "{\"amount\": 1500}"),
                principal("acme", "editor", "manager")).ruleId());
        assertEquals("tagged", decide(policy, intent("orders.place", "acme", "{\"amount\": 5, \"tags\": [\"rush\"]}"),
                principal("acme")).ruleId());
        assertFalse(decide(policy, intent("orders.place", "acme", "{\"amount\": 5}"), principal("acme")).allowed());
    }

    @Test
    void theFirstMatchingRuleDecides() throws InvalidPolicy {
        Policy denyFirst = Fixtures.compile("""
                [{"id": "deny", "effect": "deny", "intent": "content.*"},
                 {"id": "allow", "effect": "allow", "intent": "content.ingest"}]
                """);
        Policy allowFirst = Fixtures.compile("""
                [{"id": "allow", "effect": "allow", "intent": "content.ingest"},
                 {"id": "deny", "effect": "deny", "intent": "content.*"}]
                """);

        assertEquals("deny", decide(denyFirst, intent("content.ingest", "acme"), EDITOR).ruleId());
        assertEquals("allow", decide(allowFirst, intent("content.ingest", "acme"), EDITOR).ruleId());
    }

    @Test
    void noMatchingRuleDeniesAndSaysWhatToAdd() throws InvalidPolicy {
        Policy policy = Fixtures.compile("[{\"id\": \"r\", \"effect\": \"allow\", \"intent\": \"a.b\"}]");

        PolicyVerdict verdict = decide(policy, intent("content.ingest", "acme"), EDITOR);

        assertFalse(verdict.allowed());
        assertEquals("no policy allows intent 'content.ingest' for tenant 'acme'; add a rule to test.json such as "
                + "{\"id\": \"...\", \"effect\": \"allow\", \"intent\": \"content.ingest\", \"tenant\": \"acme\"}",
                verdict.reason());
    }

    @Test
    void anEvaluationErrorNeverWidensAccess() throws InvalidPolicy {
        Policy policy = Fixtures.compile("""
                [{"id": "deny-big", "effect": "deny", "intent": "orders.place", "when": "payload.amount > 1000"},
                 {"id": "allow-small", "effect": "allow", "intent": "orders.place", "when": "payload.amount < 10"},
                 {"id": "allow-rest", "effect": "allow", "intent": "orders.*"}]
                """);

        PolicyVerdict missing = decide(policy, intent("orders.place", "acme", "{}"), EDITOR);
        assertFalse(missing.allowed(), "a deny rule that cannot be evaluated denies");
        assertTrue(missing.reason().contains("could not be evaluated, which denies"), missing.reason());

        assertEquals("allow-rest", decide(Fixtures.compile("""
                [{"id": "allow-small", "effect": "allow", "intent": "orders.place", "when": "payload.amount < 10"},
                 {"id": "allow-rest", "effect": "allow", "intent": "orders.*"}]
                """), intent("orders.place", "acme", "{\"amount\": \"ten\"}"), EDITOR).ruleId(),
                "an allow rule that cannot be evaluated does not match");
    }

    @Test
    void withoutAPrincipalTheRolesAreEmpty() throws InvalidPolicy {
        Policy policy = Fixtures.compile("""
                [{"id": "editors", "effect": "allow", "intent": "a.b", "when": "'editor' in principal.roles"}]
                """);

        assertFalse(decide(policy, intent("a.b", "acme"), null).allowed());
    }

    @Test
    void theSecureDefaultAllowsOnlyTheBootstrapAdministratorsPlatformIntents() {
        Policy policy = SecureDefault.policy(new PolicyCompiler(Fixtures.LANGUAGE), "/data/policies.json");
        Principal admin = principal("system", "admin");

        PolicyVerdict deploy = decide(policy, intent("platform.solution.deploy", "system"), admin);
        assertTrue(deploy.allowed());
        assertEquals(SecureDefault.RULE_ID, deploy.ruleId());
        assertFalse(decide(policy, intent("content.ingest", "system"), admin).allowed());
        assertFalse(decide(policy, intent("platform.solution.deploy", "system"), principal("system", "operator"))
                .allowed());
        assertFalse(decide(policy, intent("platform.solution.deploy", "acme"), principal("acme", "admin")).allowed());
        assertTrue(decide(policy, intent("content.ingest", "acme"), EDITOR).reason()
                .contains("no policy file is in force (/data/policies.json)"));
    }
}
