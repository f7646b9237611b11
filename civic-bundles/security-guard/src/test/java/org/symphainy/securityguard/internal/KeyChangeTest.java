package org.symphainy.securityguard.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.symphainy.securityguard.internal.TestConfigs.fast;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.symphainy.sdk.governance.Decision;
import org.symphainy.sdk.governance.Stage;
import org.symphainy.sdk.identity.ApiKeys.ApiKeyInfo;
import org.symphainy.sdk.identity.ApiKeys.PreparedKey;
import org.symphainy.sdk.identity.AuthenticationException;
import org.symphainy.sdk.identity.Principal;
import org.symphainy.sdk.intent.HandlerRef;
import org.symphainy.sdk.intent.Intent;
import org.symphainy.sdk.intent.IntentHandler;
import org.symphainy.sdk.intent.Json;
import org.symphainy.sdk.runtime.Execution;
import org.symphainy.sdk.runtime.ExecutionState;
import org.symphainy.sdk.testkit.TestContext;

/**
 * API keys created and revoked through platform intents: checked when governed, applied once the execution is recorded,
 * once (also after a restart), with the secret never in an intent.
 */
class KeyChangeTest {

    private static final Instant ENDED = Instant.parse("2026-11-25T10:00:00Z");

    @TempDir
    Path data;

    private SecurityGuardRole role;
    private Principal admin;
    private String adminKeyId;
    private int executions;

    @BeforeEach
    void start() throws Exception {
        role = role();
        admin = role.authenticate(Files.readString(data.resolve("admin.key")).strip());
        adminKeyId = role.list().get(0).keyId();
    }

    @Test
    void aKeyCreatedByIntentAuthenticatesOnceAppliedAndARevokedOneNoLonger() throws Exception {
        PreparedKey key = role.prepare("acme", "alice", Set.of("content-editor"), "ci");
        assertTrue(key.toString().contains("secret=<hidden>") && !key.toString().contains(key.secret()));
        assertTrue(decide(admin, ApiKeyIntents.CREATE, key.createPayload().text()).allowed());
        Execution create = run(new ApiKeyCreateHandler(), ApiKeyIntents.CREATE, key.createPayload().text());
        assertThrows(AuthenticationException.class, () -> role.authenticate(key.secret()),
                "nothing changes before the execution is applied");

        role.apply(create);

        assertEquals(new Principal("acme", "alice", Set.of("content-editor"), "api-key"), role.authenticate(key.secret()));
        ApiKeyInfo info = info(key.keyId());
        assertEquals(ENDED, info.createdAt(), "created when the execution was recorded");
        assertEquals("ci", info.label());

        Execution revoke = run(new ApiKeyRevokeHandler(), ApiKeyIntents.REVOKE, "{\"keyId\": \"" + key.keyId()
                + "\", \"reason\": \"rotated\"}");
        role.apply(revoke);

        assertThrows(AuthenticationException.class, () -> role.authenticate(key.secret()));
        assertEquals(ENDED, info(key.keyId()).revokedAt());
    }

    @Test
    void anExecutionIsAppliedOnceAlsoAfterARestart() throws Exception {
        PreparedKey key = role.prepare("acme", "alice", Set.of(), "");
        Execution create = run(new ApiKeyCreateHandler(), ApiKeyIntents.CREATE, key.createPayload().text());
        role.apply(create);
        role.apply(create);
        role.revoke(key.keyId()); // outside the log: a later replay of the creation must not bring the key back

        SecurityGuardRole restarted = role();
        restarted.apply(create);

        assertThrows(AuthenticationException.class, () -> restarted.authenticate(key.secret()));
        assertEquals(2, restarted.list().size());
        assertEquals(List.of(create.id()), Files.readAllLines(data.resolve("security").resolve("applied-executions")));
    }

    @Test
    void aKeyThatExistsOrAMalformedHashIsRefusedWhenGoverned() {
        String existing = role.prepare("acme", "alice", Set.of(), "").createPayload().text()
                .replaceFirst("\"keyId\":\"[a-z0-9]+\"", "\"keyId\":\"" + adminKeyId + "\"");
        Decision exists = decide(admin, ApiKeyIntents.CREATE, existing);
        Decision malformed = decide(admin, ApiKeyIntents.CREATE, role.prepare("acme", "alice", Set.of(), "")
                .createPayload().text().replaceFirst("\"value\":\"[^\"]+\"", "\"value\":\"c2hvcnQ=\""));

        assertEquals(Decision.PAYLOAD_INVALID, exists.code());
        assertEquals("API key '" + adminKeyId + "' exists already: prepare a new key (ApiKeys.prepare) and submit its "
                + "payload; nothing was changed", exists.reasons().get(0));
        assertEquals(Stage.SECURITY_GUARD, exists.stage());
        assertEquals(Decision.PAYLOAD_INVALID, malformed.code());
        assertTrue(malformed.reasons().get(0).contains("its \"value\" 32 bytes"), malformed.reasons().get(0));
    }

    @Test
    void onlyAnAdministratorOfTenantSystemGrantsThatRoleAndOthersStayInTheirTenant() {
        role.modified(fast("grants", new String[] {"key-manager=platform.apikey.*"}));
        Principal keyManager = TestIntents.principal("system", "carol", "key-manager");
        Principal acmeManager = TestIntents.principal("acme", "dave", "key-manager");
        String systemAdminKey = role.prepare("system", "erin", Set.of("admin"), "").createPayload().text();

        Decision notAdmin = decide(keyManager, ApiKeyIntents.CREATE, systemAdminKey);
        Decision otherTenant = decide(acmeManager, ApiKeyIntents.CREATE,
                role.prepare("globex", "bob", Set.of("admin"), "").createPayload().text());

        assertEquals(Decision.FORBIDDEN, notAdmin.code());
        assertTrue(notAdmin.reasons().get(0).startsWith("carol@system may not create a key with role 'admin' in "
                + "tenant 'system'"), notAdmin.reasons().get(0));
        assertEquals(Decision.FORBIDDEN, otherTenant.code());
        assertTrue(decide(admin, ApiKeyIntents.CREATE, systemAdminKey).allowed());
        assertTrue(decide(keyManager, ApiKeyIntents.CREATE, role.prepare("system", "erin", Set.of("analyst"), "")
                .createPayload().text()).allowed());
        assertTrue(decide(acmeManager, ApiKeyIntents.CREATE, role.prepare("acme", "bob", Set.of("admin"), "")
                .createPayload().text()).allowed());
        assertEquals(Decision.PAYLOAD_INVALID, decide(acmeManager, ApiKeyIntents.REVOKE, revoke(adminKeyId)).code(),
                "a key of another tenant is not there for it");
    }

    @Test
    void anUnknownOrRevokedKeyOrTheAdministratorsLastOneIsNotRevoked() throws Exception {
        Decision unknown = decide(admin, ApiKeyIntents.REVOKE, revoke("nosuchkey"));
        Decision last = decide(admin, ApiKeyIntents.REVOKE, revoke(adminKeyId));
        Principal jwtAdmin = new Principal("system", "root", Set.of("admin"), "jwt");

        assertEquals(Decision.PAYLOAD_INVALID, unknown.code());
        assertEquals("there is no API key 'nosuchkey' to revoke; list the keys (ApiKeys.list) to find its id",
                unknown.reasons().get(0));
        assertEquals(Decision.FORBIDDEN, last.code());
        assertTrue(last.reasons().get(0).startsWith("API key '" + adminKeyId + "' is the last active administrator "
                + "key of tenant 'system', the one you signed in with: revoking it would lock the administrators out"),
                last.reasons().get(0));
        assertTrue(decide(jwtAdmin, ApiKeyIntents.REVOKE, revoke(adminKeyId)).allowed(),
                "an administrator who signed in with a JWT keeps a way in");

        PreparedKey second = role.prepare("system", "frank", Set.of("admin"), "second administrator");
        role.apply(run(new ApiKeyCreateHandler(), ApiKeyIntents.CREATE, second.createPayload().text()));
        assertTrue(decide(admin, ApiKeyIntents.REVOKE, revoke(adminKeyId)).allowed(), "another administrator key is active");
        role.apply(run(new ApiKeyRevokeHandler(), ApiKeyIntents.REVOKE, revoke(adminKeyId)));

        Principal frank = role.authenticate(second.secret());
        Decision again = decide(frank, ApiKeyIntents.REVOKE, revoke(adminKeyId));
        assertEquals(Decision.PAYLOAD_INVALID, again.code());
        assertTrue(again.reasons().get(0).startsWith("API key '" + adminKeyId + "' was revoked already, at " + ENDED),
                again.reasons().get(0));
        assertEquals(Decision.FORBIDDEN, decide(frank, ApiKeyIntents.REVOKE, revoke(second.keyId())).code());
    }

    @Test
    void aPrincipalWithoutAGrantIsDeniedBeforeItsPayloadIsRead() {
        Principal alice = TestIntents.principal("acme", "alice", "content-editor");

        Decision denied = decide(alice, ApiKeyIntents.REVOKE, "not json");

        assertEquals(Decision.FORBIDDEN, denied.code());
        assertTrue(denied.reasons().get(0).contains("may not submit intent 'platform.apikey.revoke'"));
    }

    private SecurityGuardRole role() {
        return new SecurityGuardRole(data, fast(), Clock.fixed(TestTokens.NOW, ZoneOffset.UTC), System::nanoTime);
    }

    private ApiKeyInfo info(String keyId) {
        return role.list().stream().filter(key -> key.keyId().equals(keyId)).findFirst().orElseThrow();
    }

    private static String revoke(String keyId) {
        return "{\"keyId\": \"" + keyId + "\"}";
    }

    private Decision decide(Principal principal, String type, String payload) {
        return role.decide(intent(principal, type, payload), TestIntents.context(principal));
    }

    private static Intent intent(Principal principal, String type, String payload) {
        return Intent.builder(type).tenant(principal.tenant()).actor(principal.actor()).session("s-1")
                .correlationId("c-1").payload(Json.of(payload)).build();
    }

    /** What the Runtime would record for {@code handler} run on the administrator's intent. */
    private Execution run(IntentHandler handler, String type, String payload) throws Exception {
        Intent intent = intent(admin, type, payload);
        return new Execution("e-" + (++executions), intent, ExecutionState.COMPLETED, new HandlerRef(
                "org.symphainy.security-guard", "0.1.0", type, "1.0.0"), List.of(Decision.allow(Stage.SECURITY_GUARD,
                "ok")), List.of(), handler.handle(intent, TestContext.builder().build()).artifacts(),
                ENDED.minusSeconds(1), ENDED, null, admin);
    }
}
