package org.symphainy.citymanager.internal;

import java.nio.charset.StandardCharsets;

/**
 * The policy in force while there is no policy file: it allows the bootstrap administrator — a principal with role
 * {@code admin} in tenant {@code system} — to submit {@code platform.*} intents (deploy, change policy, create
 * tenants), and nothing else. Written in the policy language itself, so it is read and evaluated like any policy.
 */
final class SecureDefault {

    /** The id of the one rule, as decisions name it. */
    static final String RULE_ID = "secure-default.bootstrap-administrator";

    /** The secure default as a policy document (JSON text). */
    static final String DOCUMENT = """
            {"rules": [{
              "id": "%s",
              "effect": "allow",
              "intent": "platform.*",
              "tenant": "system",
              "when": "'admin' in principal.roles && principal.tenant == 'system'",
              "reason": "the bootstrap administrator may run platform intents (secure default: there is no policy file)"
            }]}
            """.formatted(RULE_ID);

    private SecureDefault() {
    }

    /** The secure default, naming {@code file} as where rules would come from. */
    static Policy policy(PolicyCompiler compiler, String file) {
        try {
            return compiler.compile(DOCUMENT.getBytes(StandardCharsets.UTF_8), file, true);
        } catch (InvalidPolicy e) {
            throw new IllegalStateException("the built-in secure default policy does not compile: " + e.getMessage(), e);
        }
    }
}
