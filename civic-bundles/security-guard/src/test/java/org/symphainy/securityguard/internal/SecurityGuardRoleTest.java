package org.symphainy.securityguard.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.symphainy.securityguard.internal.TestConfigs.fast;
import static org.symphainy.securityguard.internal.TestIntents.context;
import static org.symphainy.securityguard.internal.TestIntents.intent;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.symphainy.sdk.governance.Decision;
import org.symphainy.sdk.governance.Stage;
import org.symphainy.sdk.identity.ApiKeys.IssuedKey;
import org.symphainy.sdk.identity.AuthenticationException;
import org.symphainy.sdk.identity.Principal;

/** The component as DS builds it: bootstrap, the three services, configuration updates good and bad. */
class SecurityGuardRoleTest {

    @TempDir
    Path data;

    private SecurityGuardRole role(SecurityGuardConfig config) {
        return new SecurityGuardRole(data, config, Clock.fixed(TestTokens.NOW, ZoneOffset.UTC), System::nanoTime);
    }

    private static Decision decide(SecurityGuardRole role, Principal principal, String type) {
        return role.decide(intent(type, principal.tenant(), principal.actor()), context(principal));
    }

    @Test
    void theBootstrapAdministratorSignsInAndMayDoAnything() throws Exception {
        SecurityGuardRole role = role(fast());

        Principal admin = role.authenticate(Files.readString(data.resolve("admin.key")).strip());

        assertEquals(new Principal("system", "admin", Set.of("admin"), "api-key"), admin);
        assertTrue(decide(role, admin, "platform.deploy").allowed());
        assertEquals(Stage.SECURITY_GUARD, role.stage());
    }

    @Test
    void keysCreatedThroughTheServiceAuthenticateAndDecide() {
        SecurityGuardRole role = role(fast("grants", new String[] {"content-editor=content.*"}));
        IssuedKey issued = role.create("acme", "alice", Set.of("content-editor"), "editor");

        Principal alice = role.authenticate(issued.secret());

        assertTrue(decide(role, alice, "content.ingest").allowed());
        assertEquals(Decision.FORBIDDEN, decide(role, alice, "insights.analyze").code());
        assertEquals(2, role.list().size());
        assertTrue(role.revoke(issued.info().keyId()));
        assertThrows(AuthenticationException.class, () -> role.authenticate(issued.secret()));
    }

    @Test
    void aBadUpdateKeepsTheConfigurationInForce() {
        SecurityGuardRole role = role(fast("grants", new String[] {"content-editor=content.*"}));
        Principal alice = TestIntents.principal("acme", "alice", "content-editor");

        role.modified(fast("grants", new String[] {"content-editor=content."}));
        assertTrue(decide(role, alice, "content.ingest").allowed(), "the previous grants stay in force");

        role.modified(fast("grants", new String[] {"content-editor=content.*"}, "jwtJwksFile",
                data.resolve("missing.json").toString()));
        assertTrue(decide(role, alice, "content.ingest").allowed(), "a missing JWKS file rejects the whole update");

        role.modified(fast("grants", new String[] {"analyst=insights.*"}));
        assertEquals(Decision.FORBIDDEN, decide(role, alice, "content.ingest").code(), "a good update applies");
    }

    @Test
    void aBadFirstConfigurationStartsWithTheSafeDefaults() throws Exception {
        SecurityGuardRole role = role(fast("grants", new String[] {"nonsense"}, ".jwtHmacSecret", "c2hvcnQ="));

        assertEquals(Decision.FORBIDDEN,
                decide(role, TestIntents.principal("acme", "alice", "nonsense"), "content.ingest").code());
        assertTrue(Files.exists(data.resolve("admin.key")), "the component still starts and bootstraps");
    }

    @Test
    void theHmacSecretIsCheckedAndUsed() throws Exception {
        TestTokens tokens = TestTokens.shared();
        SecurityGuardRole role = role(fast(".jwtHmacSecret", tokens.hmacBase64()));

        assertEquals("jwt", role.authenticate(tokens.hs256(TestTokens.claims().build())).authenticatedBy());
        InputRejected weak = assertThrows(InputRejected.class, () -> GuardSettings.from(fast(".jwtHmacSecret",
                "c2hvcnQ="), Clock.systemUTC(), System::nanoTime));
        assertTrue(weak.getMessage().contains("'.jwtHmacSecret': the secret has 5 bytes"), weak.getMessage());
        assertFalse(weak.getMessage().contains("c2hvcnQ="), "the message must not quote the secret");
    }

    @Test
    void anIterationCountThatWouldStallSignInsIsRefused() {
        InputRejected slow = assertThrows(InputRejected.class, () -> GuardSettings.from(TestConfigs.config(
                "apiKeyIterations", GuardSettings.MAX_ITERATIONS + 1), Clock.systemUTC(), System::nanoTime));

        assertTrue(slow.getMessage().contains("attribute 'apiKeyIterations': 10000001 iterations would make every "
                + "sign-in"), slow.getMessage());
    }

    @Test
    void credentialsAreToldApart() {
        SecurityGuardRole role = role(fast());

        assertTrue(assertThrows(AuthenticationException.class, () -> role.authenticate(" "))
                .getMessage().startsWith("no credential"));
        assertTrue(assertThrows(AuthenticationException.class, () -> role.authenticate("sk_nope"))
                .getMessage().startsWith("malformed API key"));
        assertTrue(assertThrows(AuthenticationException.class, () -> role.authenticate("hunter2"))
                .getMessage().startsWith("the credential is neither an API key"));
        assertTrue(assertThrows(AuthenticationException.class, () -> role.authenticate("a.b.c"))
                .getMessage().startsWith("JWT sign-in is not configured"));
        assertEquals("UNAUTHENTICATED", assertThrows(AuthenticationException.class,
                () -> role.authenticate("hunter2")).code().name());
    }
}
