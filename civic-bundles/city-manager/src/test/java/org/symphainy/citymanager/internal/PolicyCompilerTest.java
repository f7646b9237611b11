package org.symphainy.citymanager.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Reading policy documents: what is accepted, and how each kind of mistake is reported. */
class PolicyCompilerTest {

    private static String rejection(String document) {
        return assertThrows(InvalidPolicy.class, () -> Fixtures.compile(document)).getMessage();
    }

    @Test
    void readsEveryFieldOfARule() throws InvalidPolicy {
        Policy policy = Fixtures.compile("""
                {"description": "acme", "rules": [
                  {"id": "r1", "effect": "allow", "intent": "content.*", "tenant": "acme",
                   "when": "'editor' in principal.roles", "reason": "editors edit"},
                  {"id": "r2", "effect": "deny", "intent": "*", "tenant": "*"}
                ]}
                """);

        PolicyRule first = policy.rules().get(0);
        assertEquals(List.of("r1", "r2"), policy.rules().stream().map(PolicyRule::id).toList());
        assertTrue(first.allow());
        assertEquals("content.", first.intent().prefix());
        assertEquals("acme", first.tenant());
        assertEquals("editors edit", first.reason());
        assertFalse(policy.rules().get(1).allow());
        assertNull(policy.rules().get(1).tenant(), "'*' is every tenant");
        assertNull(policy.rules().get(1).condition());
    }

    @Test
    void aBareArrayIsAPolicyToo() throws InvalidPolicy {
        assertEquals(1, Fixtures.compile("[{\"id\": \"a\", \"effect\": \"allow\", \"intent\": \"x.y\"}]").rules().size());
    }

    @Test
    void aJsonSyntaxErrorNamesTheFileLineAndColumn() {
        String message = rejection("{\"rules\": [\n  {\"id\": \"a\" \"effect\": \"allow\"}\n]}");

        assertTrue(message.startsWith("test.json: line 2, column 14: "), message);
        assertTrue(message.contains("fix the JSON"), message);
    }

    @Test
    void anUnknownEffectNamesTheRuleByNumberIdAndPosition() {
        String message = rejection("""
                {"rules": [
                  {"id": "ok", "effect": "allow", "intent": "a.b"},
                  {"id": "bad", "effect": "permit", "intent": "a.b"}
                ]}
                """);

        assertEquals("test.json: rule #2 (id 'bad') at line 3, column 3: effect 'permit' is not \"allow\", \"approve\" (allow once a second principal approves) or \"deny\"",
                message);
    }

    @Test
    void aConditionThatDoesNotCompileNamesTheRuleAndTheExpressionColumn() {
        String message = rejection("""
                {"rules": [
                  {"id": "r1", "effect": "allow", "intent": "a.b",
                   "when": "'admin' in principal.roles &&"}
                ]}
                """);

        assertTrue(message.startsWith("test.json: rule #1 (id 'r1') at line 2, column 3: \"when\" (line 3, column 12) "
                + "does not compile at line 1, column 30 of the expression: "), message);
        assertFalse(message.contains("\n"), "one line");
    }

    @Test
    void anUndeclaredVariableOrFunctionDoesNotCompile() {
        assertTrue(rejection("[{\"id\": \"r\", \"effect\": \"allow\", \"intent\": \"a.b\", \"when\": \"env.HOME == ''\"}]")
                .contains("undeclared reference to 'env'"));
        assertTrue(rejection("[{\"id\": \"r\", \"effect\": \"allow\", \"intent\": \"a.b\", "
                + "\"when\": \"payload.getClass() == null\"}]").contains("undeclared reference to 'getClass'"));
    }

    @Test
    void refusesUnknownFieldsDuplicateIdsBadPatternsAndMissingParts() {
        assertTrue(rejection("[{\"id\": \"r\", \"effect\": \"allow\", \"intent\": \"a.b\", \"tennant\": \"acme\"}]")
                .contains("rule #1 has unknown field 'tennant'; a rule has the fields id, effect, intent, tenant, when, "
                        + "reason"));
        assertTrue(rejection("[{\"id\": \"r\", \"effect\": \"allow\", \"intent\": \"a.b\"},"
                + " {\"id\": \"r\", \"effect\": \"deny\", \"intent\": \"a.c\"}]")
                .contains("rule #2 (id 'r') at line 1, column 51: id 'r' is used by an earlier rule"));
        assertTrue(rejection("[{\"id\": \"r\", \"effect\": \"allow\", \"intent\": \"Content.*\"}]")
                .contains("intent 'Content.*' is not an intent type"));
        assertTrue(rejection("[{\"effect\": \"allow\", \"intent\": \"a.b\"}]").contains("rule #1 at line 1, column 2: "
                + "needs an \"id\""));
        assertTrue(rejection("[{\"id\": \"r\", \"effect\": \"allow\"}]").contains("needs an \"intent\""));
        assertTrue(rejection("[{\"id\": \"r\", \"effect\": \"allow\", \"intent\": \"a.b\", \"tenant\": 7}]")
                .contains("field 'tenant' must be a string"));
        assertTrue(rejection("{\"rule\": []}").contains("unexpected field 'rule'"));
        assertTrue(rejection("[] []").contains("goes on after its end"));
    }
}
